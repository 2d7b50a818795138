// "Make available offline": fetches the emulator's and the guest's files that are not kept yet and stores
// them where the service worker (OFFLINE_CACHE) and the emulator (LAZY_CACHE) look first. Files already
// there count as done at once, so a second run (or one after a partial first) only fetches what is missing.
import { LAZY_CACHE, OFFLINE_CACHE, OFFLINE_HEADER } from './cache-names.ts';
import type { OfflineFiles } from './integration.ts';

export interface SaveProgress {
  done: number;
  total: number;
}

const PARALLEL = 4;

interface Job {
  url: string;
  key: string;
  bytes: number;
  cache: Cache;
}

export async function saveForOffline(onProgress: (progress: SaveProgress) => void): Promise<void> {
  // Asks the browser not to evict the site's storage under pressure (granted or not, saving goes on).
  await navigator.storage?.persist?.().catch(() => false);
  const response = await fetch('/offline-files.json');
  if (!response.ok) throw new Error(`/offline-files.json answered ${response.status}`);
  const list = (await response.json()) as OfflineFiles;
  const [site, lazy] = await Promise.all([caches.open(OFFLINE_CACHE), caches.open(LAZY_CACHE)]);
  const absolute = (url: string) => new URL(url, location.href).href;
  const jobs: Job[] = [
    ...list.emulator.map((f) => ({ url: f.url, key: absolute(f.key), bytes: f.bytes, cache: site })),
    ...list.guest.map((f) => ({ url: f.url, key: absolute(f.url), bytes: f.bytes, cache: site })),
    ...list.lazy.map((f) => ({ url: f.url, key: absolute(f.url), bytes: f.bytes, cache: lazy })),
  ];
  const progress: SaveProgress = { done: 0, total: jobs.reduce((sum, job) => sum + job.bytes, 0) };
  onProgress({ ...progress });
  const queue = [...jobs];
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      if (await job.cache.match(job.key)) progress.done += job.bytes;
      else await fetchInto(job, (bytes) => (progress.done += bytes));
      onProgress({ ...progress });
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
}

/** Fetches one file, counting its bytes as they arrive, and stores it under its key. */
async function fetchInto(job: Job, onBytes: (bytes: number) => void): Promise<void> {
  const response = await fetch(job.url, { headers: { [OFFLINE_HEADER]: '1' } });
  if (!response.ok || !response.body) throw new Error(`${job.url} answered ${response.status}`);
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  const reader = response.body.getReader();
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onBytes(value.byteLength);
  }
  // The listed size is what the progress bar promised: make up any difference (a compressed transfer).
  onBytes(job.bytes - received);
  await job.cache.put(job.key, new Response(new Blob(chunks), { headers: response.headers }));
}
