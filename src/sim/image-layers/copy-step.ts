// COPY and ADD: what they select from the build context and where it lands
// (https://docs.docker.com/reference/dockerfile/#copy). A directory source copies its contents; several
// sources or a pattern need a directory destination; files are owned by root unless --chown, whatever USER
// says. The cache inputs are the destination, the flags and the copied files' contents and modes.
import { type BuildState, lineError, splitArgs, substitute, vars } from './build-state.ts';
import { canonicalJson, digestOf, utf8Length } from './digest.ts';
import type { DockerInstruction } from './dockerfile-parser.ts';
import { isRoot } from './run-effects.ts';
import {
  ancestorsOf,
  baseName,
  type FsEntry,
  normalisePath,
  ROOT_OWNER,
  sortedTree,
  type Tree,
} from './tree.ts';
import type { ModelError, Text } from './types.ts';

/** A file of the build context: its text, or its text and permission bits (default 0644). */
export type ContextFile = string | { readonly content: string; readonly mode?: number };

export function normaliseContext(
  context: Readonly<Record<string, ContextFile>>,
): Record<string, { content: string; mode: number }> {
  const out: Record<string, { content: string; mode: number }> = {};
  for (const [path, file] of Object.entries(context)) {
    const rel = normalisePath(path).slice(1);
    if (rel === '') continue;
    out[rel] =
      typeof file === 'string'
        ? { content: file, mode: 0o644 }
        : { content: file.content, mode: file.mode ?? 0o644 };
  }
  return out;
}

interface CopyItem {
  readonly rel: string;
  readonly content: string;
  readonly mode: number;
}

const notInContext = (src: string): Text => ({
  ja: `ビルドコンテキストに ${src} がありません（"${src}": not found）。`,
  en: `The build context has no ${src} ("${src}": not found).`,
});

/** What one COPY source selects: [items, is it a directory or pattern (so the destination is a directory)]. */
function selectSources(
  src: string,
  context: Record<string, { content: string; mode: number }>,
): { items: CopyItem[]; many: boolean } | { error: Text } {
  const rel = normalisePath(src).slice(1);
  const files = Object.keys(context).sort();
  if (rel === '')
    return {
      items: files.map((f) => ({ rel: f, ...(context[f] as { content: string; mode: number }) })),
      many: true,
    };
  if (/[*?]/.test(rel)) {
    const re = new RegExp(
      `^${rel
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '[^/]*')
        .replace(/\?/g, '[^/]')}$`,
    );
    const items = files
      .filter((f) => re.test(f))
      .map((f) => ({ rel: baseName(f), ...(context[f] as { content: string; mode: number }) }));
    return items.length > 0 ? { items, many: true } : { error: notInContext(src) };
  }
  const file = context[rel];
  if (file) return { items: [{ rel: baseName(rel), ...file }], many: false };
  const under = files.filter((f) => f.startsWith(`${rel}/`));
  if (under.length > 0)
    // A directory source copies its contents, not the directory itself (Dockerfile reference, COPY).
    return {
      items: under.map((f) => ({
        rel: f.slice(rel.length + 1),
        ...(context[f] as { content: string; mode: number }),
      })),
      many: true,
    };
  return { error: notInContext(src) };
}

function ownerFromChown(chown: string | null | undefined): string {
  if (!chown) return ROOT_OWNER;
  const user = chown.split(':')[0] ?? '';
  return isRoot(user) ? ROOT_OWNER : user;
}

export function copyStep(
  ins: DockerInstruction,
  b: BuildState,
  context: Record<string, { content: string; mode: number }>,
): { tree: Tree; inputs: unknown; count: number } | { error: ModelError } {
  for (const flag of Object.keys(ins.flags)) {
    if (flag === 'from')
      return {
        error: lineError(ins, 'multi-stage', {
          ja: '--from（マルチステージビルド）はこのシミュレーターでは扱えません。',
          en: 'This simulator does not do multi-stage builds (--from).',
        }),
      };
    if (flag !== 'chown' && flag !== 'chmod')
      return {
        error: lineError(ins, 'unsupported-flag', {
          ja: `フラグ --${flag} はこのシミュレーターでは扱えません（使えるのは --chown と --chmod）。`,
          en: `This simulator does not handle --${flag} (it handles --chown and --chmod).`,
        }),
      };
  }
  const v = vars(b);
  const words = ins.json ?? splitArgs(ins.args).map((w) => substitute(w, v));
  if (words.length < 2)
    return {
      error: lineError(ins, 'missing-arguments', {
        ja: 'コピー元とコピー先の両方が必要です。',
        en: 'needs at least one source and a destination.',
      }),
    };
  const sources = words.slice(0, -1);
  const destWord = words[words.length - 1] as string;
  const chmodFlag = ins.flags.chmod;
  if (chmodFlag !== undefined && (chmodFlag === null || !/^[0-7]{3,4}$/.test(chmodFlag)))
    return {
      error: lineError(ins, 'bad-chmod', {
        ja: '--chmod には 8 進数のモード（例：755）を指定してください。',
        en: '--chmod takes an octal mode (such as 755).',
      }),
    };
  const items: CopyItem[] = [];
  let many = sources.length > 1;
  for (const src of sources) {
    if (ins.keyword === 'ADD' && /^[a-z]+:\/\//i.test(src))
      return {
        error: lineError(ins, 'add-url', {
          ja: 'ADD で URL から取ってくるにはネットワークが要りますが、このシミュレーターにはありません。',
          en: 'ADD from a URL needs the network, which this simulator does not have.',
        }),
      };
    if (ins.keyword === 'ADD' && /\.(tar|tar\.gz|tgz|tar\.xz|tar\.bz2)$/.test(src))
      return {
        error: lineError(ins, 'add-archive', {
          ja: 'ADD はローカルの tar アーカイブを展開しますが、このシミュレーターのビルドコンテキストはテキストファイルだけです。',
          en: "ADD would unpack a local tar archive; this simulator's build context holds text files only.",
        }),
      };
    const sel = selectSources(src, context);
    if ('error' in sel) return { error: lineError(ins, 'source-not-found', sel.error) };
    items.push(...sel.items);
    many ||= sel.many;
  }
  const dest = normalisePath(destWord, b.run.WorkingDir ?? '/');
  const destIsDir = many || destWord.endsWith('/') || destWord === '.' || b.tree[dest]?.type === 'dir';
  const owner = ownerFromChown(ins.flags.chown);
  const fs: Record<string, FsEntry> = { ...b.tree };
  for (const item of items) {
    const target = destIsDir ? normalisePath(item.rel, dest) : dest;
    for (const dir of ancestorsOf(target)) {
      const e = fs[dir];
      if (e?.type === 'file')
        return {
          error: lineError(ins, 'not-a-directory', {
            ja: `${dir} はファイルなので、その下にはコピーできません。`,
            en: `${dir} is a file, so nothing can be copied below it.`,
          }),
        };
      if (!e) fs[dir] = { type: 'dir', mode: 0o755, owner };
    }
    if (fs[target]?.type === 'dir')
      return {
        error: lineError(ins, 'is-a-directory', {
          ja: `${target} はディレクトリです（ディレクトリに入れるときはコピー先を / で終えてください）。`,
          en: `${target} is a directory (end the destination with / to copy into it).`,
        }),
      };
    fs[target] = {
      type: 'file',
      mode: chmodFlag ? Number.parseInt(chmodFlag, 8) : item.mode,
      owner,
      size: utf8Length(item.content),
      content: item.content,
    };
  }
  const sourcesDigest = digestOf(canonicalJson(items.map((i) => [i.rel, i.mode, i.content])));
  return {
    tree: sortedTree(fs),
    inputs: {
      op: ins.keyword,
      sources: sourcesDigest,
      dest,
      destIsDir,
      chown: ins.flags.chown ?? null,
      chmod: chmodFlag ?? null,
    },
    count: items.length,
  };
}
