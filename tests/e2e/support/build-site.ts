import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * What `npm run build` does (make sure the guest's saved state is current, then `astro build`), run with this
 * process's Node. NODE_ENV is forced: vitest sets it to "test", which would make Astro build a development
 * flavour without the search index.
 */
export function buildSite(quiet = false): void {
  const env = { ...process.env, NODE_ENV: 'production' };
  const stdio = quiet ? 'ignore' : 'inherit';
  const steps = [
    ['src/guest/make-state.ts', '--if-stale'],
    ['node_modules/astro/bin/astro.mjs', 'build'],
  ];
  for (const args of steps) {
    const result = spawnSync(process.execPath, args, { cwd: projectRoot, stdio, env });
    if (result.status !== 0) throw new Error(`${args.join(' ')} failed (exit ${result.status})`);
  }
}
