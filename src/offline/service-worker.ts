// The site's service worker, served as /sw.js. src/offline/integration.ts compiles this file after the build
// with that build's file list (OfflineManifest, src/offline/manifest.ts) in place of __OFFLINE_MANIFEST__, so
// every deployment that changes a file changes the worker's bytes, and the browser installs the new one.
//
// - install: downloads every page and every small asset of this build (pages, CSS, JS, fonts, Pagefind's
//   index) into one cache, skipping files already kept under the same revision by an earlier version;
// - activate: drops what no longer belongs to this build (old revisions, an older guest's files), and takes
//   control of open pages at once on a first install. An update waits until the reader reloads (the page
//   shows "a new version is available", src/offline/register.ts) or every tab of the site is closed;
// - fetch: serves the build's files from the cache, keeping the large ones (v86's wasm, Monaco) and the
//   guest's (state, kernel) the first time they are fetched. The lazily served tree (/guest/lazy/) is left to
//   the emulator's own cache (src/emulator/lazy-file-cache.ts), so it is never stored twice.
/// <reference lib="webworker" />
import { cacheKeyPath, NAMED_BY_CONTENT } from './cache-keys.ts';
import { OFFLINE_CACHE, OFFLINE_HEADER } from './cache-names.ts';

declare const self: ServiceWorkerGlobalScope;

interface WorkerManifest {
  version: string;
  files: Record<string, string>;
  precache: string[];
  guest: string[];
}
declare const __OFFLINE_MANIFEST__: WorkerManifest;
const manifest = __OFFLINE_MANIFEST__;
const guestUrls = new Set(manifest.guest);

const keyOf = (path: string) =>
  new URL(cacheKeyPath(path, manifest.files[path] ?? ''), self.location.href).href;

/** A response a navigation may use: a redirected one would be refused by the browser for a page request. */
async function storable(response: Response): Promise<Response> {
  if (!response.redirected) return response;
  return new Response(await response.blob(), { status: response.status, headers: response.headers });
}

async function precache(): Promise<void> {
  const cache = await caches.open(OFFLINE_CACHE);
  const queue = [...manifest.precache];
  const next = async (): Promise<void> => {
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      const key = keyOf(path);
      if (await cache.match(key)) continue;
      // A file named by its content may come from the HTTP cache (the page just loaded it); any other is
      // revalidated, so an HTTP cache cannot hand over the previous deployment's copy.
      const named = manifest.files[path] === NAMED_BY_CONTENT;
      const response = await fetch(path, { cache: named ? 'default' : 'no-cache' });
      if (!response.ok) throw new Error(`${path} answered ${response.status}`);
      await cache.put(key, await storable(response));
    }
  };
  await Promise.all(Array.from({ length: 6 }, next));
}

async function prune(): Promise<void> {
  for (const name of await caches.keys())
    if (name.startsWith('vlab-offline-') && name !== OFFLINE_CACHE) await caches.delete(name);
  const cache = await caches.open(OFFLINE_CACHE);
  const wanted = new Set([
    ...Object.keys(manifest.files).map(keyOf),
    ...manifest.guest.map((url) => new URL(url, self.location.href).href),
  ]);
  for (const request of await cache.keys()) if (!wanted.has(request.url)) await cache.delete(request);
}

self.addEventListener('install', (event) => event.waitUntil(precache()));
self.addEventListener('activate', (event) => event.waitUntil(prune().then(() => self.clients.claim())));
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'skip-waiting') void self.skipWaiting();
});

/**
 * From the cache under `key`; else from the network, kept under `key` when it is one of the build's files. The
 * page gets the network's answer as it streams (the playground's progress bar, wasm compiled while it
 * downloads); the copy is stored meanwhile.
 */
async function cacheFirst(event: FetchEvent, key: string): Promise<Response> {
  const { request } = event;
  const cache = await caches.open(OFFLINE_CACHE);
  const cached = await cache.match(key);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic' && !request.headers.has(OFFLINE_HEADER))
    event.waitUntil(
      storable(response.clone())
        .then((copy) => cache.put(key, copy))
        .catch(() => undefined),
    );
  return response;
}

/** A page that is not part of this build: the network, else the site's own "not found" page. */
async function otherPage(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch (error) {
    const notFound = manifest.files['/404.html'] && (await caches.match(keyOf('/404.html')));
    if (notFound) return notFound;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  // The emulator keeps these itself (src/emulator/lazy-file-cache.ts).
  if (url.pathname.startsWith('/guest/lazy/')) return;
  if (url.pathname.startsWith('/guest/')) {
    if (guestUrls.has(url.pathname + url.search)) event.respondWith(cacheFirst(event, url.href));
    return;
  }
  // A page asked for as /x/index.html is /x/. Queries (Pagefind's ?ts=) do not change what a file is.
  const path = url.pathname.endsWith('/index.html')
    ? url.pathname.slice(0, -'index.html'.length)
    : url.pathname;
  if (manifest.files[path] !== undefined) event.respondWith(cacheFirst(event, keyOf(path)));
  else if (request.mode === 'navigate') event.respondWith(otherPage(request));
});
