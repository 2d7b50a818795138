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
      ja: 'サイト内検索（索引と検索 UI はすべてこのサイトから配信）',
      en: 'Site search (index and search UI are served from this site)',
    },
  },
  {
    name: 'v86',
    npm: 'v86',
    licence: 'BSD-2-Clause',
    source: 'https://github.com/copy/v86',
    role: {
      ja: 'ブラウザの中で Linux を動かす x86 エミュレーター',
      en: 'The x86 emulator that runs Linux in your browser',
    },
  },
  {
    name: 'xterm.js',
    npm: '@xterm/xterm',
    licence: 'MIT',
    source: 'https://github.com/xtermjs/xterm.js',
    role: { ja: 'プレイグラウンドの端末', en: 'The playground terminal' },
  },
  {
    name: 'xterm.js fit addon',
    npm: '@xterm/addon-fit',
    licence: 'MIT',
    source: 'https://github.com/xtermjs/xterm.js',
    role: { ja: '端末の大きさを枠に合わせる機能', en: 'Sizes the terminal to its box' },
  },
  {
    name: 'Monaco Editor',
    npm: 'monaco-editor',
    licence: 'MIT',
    source: 'https://github.com/microsoft/monaco-editor',
    role: {
      ja: 'スクリプトの編集欄（「編集」を押したときだけ読み込みます）',
      en: 'The script editor (loaded only when you press Edit)',
    },
  },
  {
    // The icon font ships inside monaco-editor; the icons are CC BY 4.0, their code MIT.
    name: 'Codicons (codicon.ttf)',
    version: 'bundled with Monaco Editor',
    licence: 'CC-BY-4.0',
    source: 'https://github.com/microsoft/vscode-codicons',
    role: { ja: 'スクリプト編集欄のアイコン', en: 'Icons of the script editor' },
  },
  {
    name: 'uqr',
    npm: 'uqr',
    licence: 'MIT',
    source: 'https://github.com/unjs/uqr',
    role: {
      ja: '講師向けページで、課題のリンクを QR コードに変換',
      en: 'Turns assignment links into QR codes on the trainer page',
    },
  },
  {
    name: 'Chartist',
    npm: 'chartist',
    licence: 'MIT OR WTFPL',
    source: 'https://github.com/chartist-js/chartist',
    role: {
      ja: 'ウィジェットのグラフ（SVG。グラフが画面に入ったときに読み込み）',
      en: 'Charts in the widgets (SVG; loaded when a chart comes on screen)',
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

/** One entry of `licences` in public/guest/manifest.json, written by src/guest/write-manifest.ts. */
interface GuestLicence {
  component: string;
  /** Where it ships: "lazy/ …" for the Debian packages the guest loads on first use. */
  shippedIn: string;
  licence: string;
  /** "<debian source package> <version> (…)", or "this repository". */
  source: string;
}

/** Debian's snapshot archive keeps every version of every source package, so this link does not rot. */
function debianSource(source: string): { version: string; url: string } | undefined {
  const match = /^(\S+) (\S+)/.exec(source);
  if (!match || source === 'this repository') return undefined;
  const [, pkg, version] = match as unknown as [string, string, string];
  return { version, url: `https://snapshot.debian.org/package/${pkg}/${encodeURIComponent(version)}/` };
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
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { licences?: GuestLicence[] };
  return (manifest.licences ?? []).flatMap((entry) => {
    const debian = debianSource(entry.source);
    if (!debian) return [];
    return [
      {
        // Notes in parentheses ("statically linked into…") are English prose; the About page says it in both languages.
        name: entry.component.replace(/\s*\(.*\)$/, ''),
        version: debian.version,
        licence: entry.licence,
        source: debian.url,
        role: entry.shippedIn.startsWith('lazy/')
          ? {
              ja: 'ゲスト Linux のコマンドとライブラリ（Debian 12 のパッケージそのまま。初めて使うときに読み込み）',
              en: 'Commands and libraries of the guest Linux (the Debian 12 package as is; loaded on first use)',
            }
          : { ja: 'ゲスト Linux の一部', en: 'Part of the guest Linux' },
      },
    ];
  });
}

/** Every shipped component with its resolved version, in display order. */
export function listShippedComponents(): (ThirdPartyComponent & { version: string })[] {
  return [...shippedComponents, ...guestComponents()].map((c) => ({
    ...c,
    version: c.version ?? (c.npm ? installedVersion(c.npm) : 'unknown'),
  }));
}
