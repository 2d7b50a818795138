/** The site's languages. Japanese is the root locale (`/`), English lives under `/en/`. */
export const languages = ['ja', 'en'] as const;
export type Lang = (typeof languages)[number];

/**
 * The language of a page from its file path under `content/docs/`: files under `en/` are English, the rest
 * Japanese. Starlight infers this from `src/content/docs/` paths only, so our own top-level folder needs it.
 */
export function langOfContentFile(path: string | undefined): Lang {
  return path && /[\\/]content[\\/]docs[\\/]en[\\/]/.test(path) ? 'en' : 'ja';
}

/** The language of a URL path: `/en/...` is English, everything else Japanese. */
export function langOfUrlPath(pathname: string): Lang {
  return pathname === '/en' || pathname.startsWith('/en/') ? 'en' : 'ja';
}
