import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { chromiumPath } from './support/browser.ts';
import { buildSite } from './support/build-site.ts';
import { startStaticServer } from './support/static-server.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the static server holding the built site, e.g. http://127.0.0.1:40123 */
    origin: string;
  }
}

/** Builds the site (unless E2E_SKIP_BUILD=1) and serves `dist/` on 127.0.0.1 for the whole run. */
export default async function setup(project: TestProject) {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium not found at ${chromiumPath}. Install it (apt-get install -y chromium fonts-noto-cjk) ` +
        'or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    );
  }
  if (process.env.E2E_SKIP_BUILD !== '1') buildSite();
  const server = await startStaticServer(`${root}dist`, {
    '/__e2e__/': fileURLToPath(new URL('./fixtures/', import.meta.url)),
  });
  project.provide('origin', server.origin);
  return () => server.close();
}
