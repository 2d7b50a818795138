// Offline support, as an Astro integration (registered in astro.config.mjs after the CSP one, so the pages it
// lists already carry their final policy). After the build it lists dist/ (manifest.ts), writes
// /offline-files.json for "make available offline" and compiles the service worker (service-worker.ts) with
// the list into /sw.js. Every page of a production build gets the small script that registers it.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
// Astro's own dependency (it bundles with it too); only used here, at build time.
import { build } from 'esbuild';
import { headerPolicy, headersFile, pagePolicies } from './headers.ts';
import { classify, type OfflineManifest, scanDist } from './manifest.ts';

export const WORKER_PATH = '/sw.js';
export const FILES_PATH = '/offline-files.json';
/** Headers for hosts that read a `_headers` file (headers.ts); not something the worker keeps. */
export const HEADERS_PATH = '/_headers';

/** What "make available offline" reads (src/offline/saver.ts). */
export interface OfflineFiles {
  emulator: { url: string; bytes: number; key: string }[];
  guest: { url: string; bytes: number }[];
  lazy: { url: string; bytes: number }[];
}

function guestSha(dist: string): Record<string, { sha256: string }> {
  try {
    return (
      JSON.parse(readFileSync(join(dist, 'guest', 'manifest.json'), 'utf8')) as {
        files: Record<string, { sha256: string }>;
      }
    ).files;
  } catch {
    return {};
  }
}

/**
 * Writes /offline-files.json and /sw.js into a built site. Run after every other step that changes dist/ (it
 * lists the files as they are served). Files are replaced, never written through, so a hard-linked copy of
 * dist/ (the update test) leaves the original alone.
 */
export async function writeOfflineSupport(dist: string): Promise<OfflineManifest> {
  const pages = scanDist(dist).filter((f) => f.path.endsWith('/') || f.path.endsWith('.html'));
  const html = pages.map((f) =>
    readFileSync(join(dist, f.path.endsWith('/') ? `${f.path}index.html` : f.path), 'utf8'),
  );
  replaceFile(join(dist, HEADERS_PATH), headersFile(headerPolicy(pagePolicies(html))));
  const sha = guestSha(dist);
  const first = classify(scanDist(dist), sha, [WORKER_PATH, HEADERS_PATH]);
  const files: OfflineFiles = {
    emulator: first.emulator,
    guest: first.guest,
    lazy: first.lazy,
  };
  replaceFile(join(dist, FILES_PATH), JSON.stringify(files));
  // Again, now with offline-files.json itself among the precached files.
  const manifest = classify(scanDist(dist), sha, [WORKER_PATH, HEADERS_PATH]);
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./service-worker.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2022',
    write: false,
    define: {
      __OFFLINE_MANIFEST__: JSON.stringify({
        version: manifest.version,
        files: manifest.files,
        precache: manifest.precache,
        guest: manifest.guest.map((file) => file.url),
      }),
    },
  });
  const code = result.outputFiles[0]?.text ?? '';
  replaceFile(join(dist, WORKER_PATH), `// vlab offline ${manifest.version}\n${code}`);
  return manifest;
}

function replaceFile(file: string, text: string): void {
  rmSync(file, { force: true });
  writeFileSync(file, text);
}

export function offlineSupport(): AstroIntegration {
  return {
    name: 'vlab:offline',
    hooks: {
      'astro:config:setup': ({ command, injectScript }) => {
        if (command !== 'build') return;
        const register = fileURLToPath(new URL('./register.ts', import.meta.url));
        injectScript('page', `import ${JSON.stringify(register)};`);
        const bannerCss = fileURLToPath(new URL('./update-banner.css', import.meta.url));
        injectScript('page-ssr', `import ${JSON.stringify(bannerCss)};`);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const manifest = await writeOfflineSupport(fileURLToPath(dir));
        const precached = manifest.precache.length;
        logger.info(
          `service worker ${manifest.version}: ${precached} files precached, ` +
            `${Object.keys(manifest.files).length - precached} kept on first use, ` +
            `${manifest.guest.length + manifest.lazy.length} guest files for offline use`,
        );
      },
    },
  };
}
