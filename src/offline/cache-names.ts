// The Cache Storage names the offline support uses, shared by the service worker and the page.

/** The service worker's cache: the build's files (by revision) and the guest's files (by URL with ?v=). */
export const OFFLINE_CACHE = 'vlab-offline-1';

/**
 * The emulator's cache of the lazily served tree (src/emulator/lazy-file-cache.ts, CACHE_NAME; a unit test
 * keeps the two equal). "Make available offline" fills it, so the emulator finds every file there.
 */
export const LAZY_CACHE = 'vlab-lazy-files-1';

/** Sent by "make available offline", which stores what it fetches itself: the worker then does not store it too. */
export const OFFLINE_HEADER = 'x-vlab-offline';
