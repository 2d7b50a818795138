import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from './locales.ts';

/** A third-party component whose code ends up in the files we ship (`dist/`). */
export interface ThirdPartyComponent {
  name: string;
  /** npm package the shipped code comes from; its installed version is read at build time. */
  npm?: string;
  /** Fixed version, for components that do not come from npm (the guest's software). */
  version?: string;
  /** SPDX licence identifier. */
  licence: string;
  /** Where the source of exactly this version can be had. */
  source: string;
  role: Record<Lang, string>;
}

/**
 * What the built site ships from others. Keep this true: add a row in the same commit that starts shipping a
 * component. Versions are never typed here for npm packages; they are read from node_modules at build time.
 */
export const shippedComponents: ThirdPartyComponent[] = [
  {
    name: 'Starlight',
    npm: '@astrojs/starlight',
    licence: 'MIT',
    source: 'https://github.com/withastro/starlight',
    role: {
      ja: 'ページの枠組み、サイドバー、検索・テーマ切り替え・言語切り替えのスクリプト',
      en: 'Page frame, sidebar, and the scripts for search, theme and language switching',
    },
  },
  {
    name: 'Astro',
    npm: 'astro',
    licence: 'MIT',
    source: 'https://github.com/withastro/astro',
    role: {
      ja: '静的サイトの生成とページ内の小さなスクリプト',
      en: 'Static site generation and small in-page scripts',
    },
  },
  {
    name: 'Pagefind',
    npm: 'pagefind',
    licence: 'MIT',
    source: 'https://github.com/Pagefind/pagefind',
    role: {
      ja: 'サイト内検索(索引と検索 UI はすべてこのサイトから配信)',
      en: 'Site search (index and search UI are served from this site)',
    },
  },
  {
    name: 'Expressive Code',
    npm: 'astro-expressive-code',
    licence: 'MIT',
    source: 'https://github.com/expressive-code/expressive-code',
    role: { ja: 'コードブロックの表示とコピーボタン', en: 'Code blocks and their copy button' },
  },
];

/** Guest software, listed from `public/guest/manifest.json` once the guest image is committed. */
interface GuestManifestComponent {
  name: string;
  version: string;
  licence: string;
  source: string;
}

function installedVersion(pkg: string): string {
  // Paths are taken from the project root: this module also runs from a bundled copy under dist/.
  const file = join(process.cwd(), 'node_modules', pkg, 'package.json');
  const { version } = JSON.parse(readFileSync(file, 'utf8')) as { version: string };
  // v86 publishes build metadata in its version ("0.5.462+g5f9a90f"); keep it, it names the exact commit.
  return version;
}

function guestComponents(): ThirdPartyComponent[] {
  const file = join(process.cwd(), 'public', 'guest', 'manifest.json');
  if (!existsSync(file)) return [];
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { thirdParty?: GuestManifestComponent[] };
  return (manifest.thirdParty ?? []).map((c) => ({
    ...c,
    role: { ja: 'ゲスト Linux の一部', en: 'Part of the guest Linux' },
  }));
}

/** Every shipped component with its resolved version, in display order. */
export function listShippedComponents(): (ThirdPartyComponent & { version: string })[] {
  return [...shippedComponents, ...guestComponents()].map((c) => ({
    ...c,
    version: c.version ?? (c.npm ? installedVersion(c.npm) : 'unknown'),
  }));
}
