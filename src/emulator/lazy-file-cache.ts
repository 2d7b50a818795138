// The browser side of the lazily served tree (lazy-files.ts): each file is fetched from the site once and
// kept in the Cache API, so later visits and restored machines read it from there, never from the network
// again, whatever caching headers the site is served with. The URLs are content-addressed
// (lazy/<sha256>.zst), so a cached file never goes stale; a new guest only fetches the files that changed.
// Browser and worker only.

/** Cache Storage name; bump the suffix only if the stored format changes (it is the file's bytes as served). */
const CACHE_NAME = 'vlab-lazy-files-1';

async function openCache(): Promise<Cache | null> {
  try {
    // Absent in insecure contexts (plain http on another host) and in some private modes: then fetch only.
    return (await globalThis.caches?.open(CACHE_NAME)) ?? null;
  } catch {
    return null;
  }
}

let cache: Promise<Cache | null> | undefined;

/** `url`'s bytes, from the Cache API if this browser already fetched it, else from the network (then kept). */
export async function fetchLazyFile(url: string): Promise<ArrayBuffer> {
  cache ??= openCache();
  const store = await cache;
  const cached = await store?.match(url).catch(() => undefined);
  if (cached) return cached.arrayBuffer();
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status} ${response.statusText}`);
  // Kept after the guest has its bytes: a failed put (quota) only means fetching again next visit.
  void store?.put(url, response.clone()).catch(() => undefined);
  return response.arrayBuffer();
}
