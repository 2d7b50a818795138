import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The guest's files and their sha256, from public/guest/manifest.json (read at build time). */
export function guestFiles(): Record<string, { sha256: string }> {
  // From the project root: this module also runs from a bundled copy under dist/ while pages render.
  const file = join(process.cwd(), 'public', 'guest', 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { files: Record<string, { sha256: string }> };
  return Object.fromEntries(Object.entries(manifest.files).map(([name, { sha256 }]) => [name, { sha256 }]));
}
