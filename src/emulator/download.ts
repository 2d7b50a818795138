// Downloads with byte counts, for the playground's progress bar. Browser and worker only (fetch streams).

export type OnBytes = (bytes: number) => void;

/**
 * Fetches `url` whole. `onSize` gets the announced size as soon as the headers arrive (0 if none),
 * `onBytes` each chunk's size as it arrives.
 */
export async function download(url: string, onSize: OnBytes, onBytes: OnBytes): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status} ${response.statusText}`);
  onSize(Number(response.headers.get('content-length') ?? 0));
  if (!response.body) {
    const buffer = await response.arrayBuffer();
    onBytes(buffer.byteLength);
    return buffer;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    onBytes(value.byteLength);
  }
  const whole = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return whole.buffer;
}

/**
 * Compiles a wasm module while it downloads. Compiling the fetch Response itself (not bytes) lets the
 * browser reuse its cached machine code on the next visit; a clone of the response counts the bytes.
 */
export async function compileWasm(
  url: string,
  onSize: OnBytes,
  onBytes: OnBytes,
): Promise<WebAssembly.Module> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status} ${response.statusText}`);
  onSize(Number(response.headers.get('content-length') ?? 0));
  const counter = response.clone().body?.getReader();
  const counting = (async () => {
    for (;;) {
      const chunk = await counter?.read();
      if (!chunk || chunk.done) return;
      onBytes(chunk.value.byteLength);
    }
  })();
  const [module] = await Promise.all([WebAssembly.compileStreaming(response), counting]);
  return module;
}
