import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.zst': 'application/zstd',
};

/** Maps a URL path to a file under `root`, the way a static host does (`/x/` → `/x/index.html`). */
function resolveFile(folder: string, urlPath: string): string | undefined {
  const root = normalize(folder).replace(/[\\/]+$/, '');
  const decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  const file = normalize(join(root, decoded));
  if (file !== root && !file.startsWith(root + sep)) return undefined;
  if (existsSync(file) && statSync(file).isDirectory()) {
    const index = join(file, 'index.html');
    return existsSync(index) ? index : undefined;
  }
  return existsSync(file) ? file : undefined;
}

/**
 * What a CDN in front of the site should send: files whose URL names their content (Vite's hashed /_astro/
 * files, guest files asked for with ?v=<sha256>) never change; everything else is revalidated.
 */
function cacheControl(url: string): string {
  return url.startsWith('/_astro/') || /[?&]v=[0-9a-f]{8,}/.test(url)
    ? 'public, max-age=31536000, immutable'
    : 'no-cache';
}

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * A plain static file server for the built site, like any CDN would be: no rewrites, no server logic.
 * `mounts` adds extra folders under a URL prefix (the e2e fixtures), never part of `dist/`.
 */
export async function startStaticServer(
  root: string,
  mounts: Record<string, string> = {},
): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    const mount = Object.keys(mounts).find((prefix) => url.startsWith(prefix));
    const file = mount
      ? resolveFile(mounts[mount] as string, url.slice(mount.length - 1))
      : resolveFile(root, url);
    const notFound = resolveFile(root, '/404.html');
    const target = file ?? notFound;
    if (!target) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(file ? 200 : 404, {
      'content-type': contentTypes[extname(target)] ?? 'application/octet-stream',
      'cache-control': cacheControl(url),
      'last-modified': statSync(target).mtime.toUTCString(),
    });
    createReadStream(target).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('static server has no TCP address');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
