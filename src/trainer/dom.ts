// A tiny element builder for the trainer and assignment pages. Text is always set as text (textContent):
// data from links and report files never reaches innerHTML. Classes only, no style attributes (the CSP).
export type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { class?: string; attrs?: Record<string, string> } = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.class) element.className = props.class;
  for (const [name, value] of Object.entries(props.attrs ?? {})) element.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

/** Offers `content` as a file download, without any request. */
export function download(fileName: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = h('a', { attrs: { href: url, download: fileName } });
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download synchronously; the URL can go on the next turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Reads a JSON data attribute written at build time. */
export function dataJson<T>(element: HTMLElement, name: string): T {
  return JSON.parse(element.dataset[name] ?? 'null') as T;
}

export function formatDate(iso: string, lang: 'ja' | 'en', withTime = true): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB', {
    dateStyle: 'medium',
    // A due date (YYYY-MM-DD) is a calendar day, parsed as UTC midnight: show that day wherever the reader is.
    ...(withTime ? { timeStyle: 'short' } : { timeZone: 'UTC' }),
  });
}

/** Makes `zone` take dropped files: highlighted while something is dragged over it, `onDrop` given the drop. */
export function onDropped(zone: HTMLElement, onDrop: (transfer: DataTransfer) => void): void {
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('vlab-drop-active');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('vlab-drop-active'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('vlab-drop-active');
    if (event.dataTransfer) onDrop(event.dataTransfer);
  });
}
