// Shared by the build (manifest.ts), the service worker and the page: how a build file is keyed in the cache.

/** The cache key of a build file: its URL path with its revision, so a changed file is a new entry. */
export function cacheKeyPath(path: string, rev: string): string {
  return `${path}?__rev=${rev}`;
}

/** The revision of a file whose name already says its content (Vite's /_astro/ files, the lazy tree). */
export const NAMED_BY_CONTENT = 'n';
