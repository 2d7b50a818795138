// Build time: the `_headers` file (Netlify and Cloudflare Pages read it; other hosts serve it as a plain file)
// with the site's Content-Security-Policy as a header and the caching that offline support and speed need.
// README.md "Security headers" explains it and gives the same for nginx.
//
// Every page keeps its own strict policy in a <meta>; a browser enforces both, so the header only has to allow
// what some page needs: every page's inline-script hashes, and inline styles because pages with a playground
// allow them (their <meta> does; the others' <meta> still allows hashed styles only). It adds what a <meta>
// cannot say: frame-ancestors.

/** The directives of one policy, by name. */
function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values);
  }
  return map;
}

/** One header policy that allows what each page's `<meta>` policy allows (and no more for scripts). */
export function headerPolicy(pagePolicies: string[]): string {
  const merged = new Map<string, Set<string>>();
  for (const policy of pagePolicies)
    for (const [name, values] of directives(policy)) {
      const set = merged.get(name) ?? new Set<string>();
      for (const value of values) set.add(value);
      merged.set(name, set);
    }
  const style = merged.get('style-src');
  // With any hash present a browser ignores 'unsafe-inline': keep only 'self' and 'unsafe-inline' then.
  if (style?.has("'unsafe-inline'")) merged.set('style-src', new Set(["'self'", "'unsafe-inline'"]));
  merged.set('frame-ancestors', new Set(["'none'"]));
  return [...merged].map(([name, values]) => [name, ...[...values].sort(byKind)].join(' ')).join('; ');
}

/** Keywords and origins first, hashes after (sorted), so the header reads like the <meta>. */
function byKind(a: string, b: string): number {
  const hash = (v: string) => (v.startsWith("'sha") ? 1 : 0);
  return hash(a) - hash(b) || (hash(a) ? a.localeCompare(b) : 0);
}

/** The `<meta>` policy of every page, as written by src/site/csp.ts. */
export function pagePolicies(htmlFiles: string[]): string[] {
  return htmlFiles.flatMap((html) => {
    const found = html.match(/<meta http-equiv="content-security-policy" content="([^"]*)"/i)?.[1];
    return found ? [found] : [];
  });
}

/** The `_headers` file for the built site. */
export function headersFile(csp: string): string {
  const security = [
    `Content-Security-Policy: ${csp}`,
    'X-Content-Type-Options: nosniff',
    'Referrer-Policy: no-referrer',
    'Cross-Origin-Opener-Policy: same-origin',
    'Permissions-Policy: camera=(), microphone=(), geolocation=()',
  ];
  const immutable = 'Cache-Control: public, max-age=31536000, immutable';
  return [
    '# Written by the build (src/offline/headers.ts); README.md "Security headers" explains each line.',
    '/*',
    ...security.map((line) => `  ${line}`),
    // No Cache-Control here: these hosts join the values of every rule that matches a path, and their default
    // for everything else (pages, Pagefind's index, the guest's files with ?v=<hash>) already revalidates.
    '/_astro/*',
    `  ${immutable}`,
    '/guest/lazy/*',
    `  ${immutable}`,
    // The service worker: always revalidated, or a new deployment could go unnoticed for up to a day.
    '/sw.js',
    '  Cache-Control: no-cache',
    '',
  ].join('\n');
}
