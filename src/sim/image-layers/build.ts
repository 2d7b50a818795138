// `docker build` of a one-stage Dockerfile, after BuildKit (Docker's default builder) and the Dockerfile
// reference (https://docs.docker.com/reference/dockerfile/):
// - RUN, COPY and ADD change files; each makes a layer holding what it changed (layer.ts). WORKDIR creates its
//   directory when missing, as BuildKit does with a mkdir -p (frontend/dockerfile/dockerfile2llb/convert.go,
//   dispatchWorkdir), so it makes a small layer only then. A step that changes nothing makes no layer: BuildKit
//   drops empty layers and marks the history entry empty_layer (https://github.com/moby/buildkit/pull/196).
// - ENV, ARG, LABEL, EXPOSE, USER, CMD, ENTRYPOINT, VOLUME, STOPSIGNAL, SHELL, HEALTHCHECK and MAINTAINER only
//   change the image config (https://github.com/opencontainers/image-spec/blob/main/config.md).
// - The build cache (https://docs.docker.com/build/cache/invalidation/): a file-system step's cache key is its
//   parent's key plus its inputs. For RUN the inputs are the command as written (never the files it would
//   fetch) with the environment, working directory and user it runs with; for COPY/ADD, the destination,
//   flags and the contents of the copied files (not their mtime); for WORKDIR, the path and user. Once a key
//   misses, every later file-system step misses too, because its parent key changed. Metadata steps have no
//   key of their own: ENV, ARG, WORKDIR and USER reach later RUN keys through the environment, directory
//   and user; LABEL, EXPOSE, CMD and the like do not, so changing them rebuilds nothing (BuildKit's RUN
//   cache covers the process's arguments, env, cwd and user, not the image's labels).
import { canonicalJson, type Digest, digestOf, shortDigest, utf8Length } from './digest.ts';
import { type DockerInstruction, parseDockerfile } from './dockerfile-parser.ts';
import { formatBytes } from './format.ts';
import { envRecord, makeConfig, makeImage, normaliseRef, withEnv } from './image.ts';
import { applyLayer, diffTrees, isEmptyChanges, type Layer, makeLayer, whitedOutPath } from './layer.ts';
import { pull, type TransferReport } from './registry.ts';
import { isRoot, runExec, runShell, userProblem } from './run-effects.ts';
import { findImage, imageLayers, imageTree } from './store.ts';
import {
  ancestorsOf,
  baseName,
  type FsEntry,
  normalisePath,
  ROOT_OWNER,
  sortedTree,
  type Tree,
} from './tree.ts';
import type { CacheEntry, HistoryEntry, LayersState, ModelError, Outcome, RunConfig, Text } from './types.ts';

/** A file of the build context: its text, or its text and permission bits (default 0644). */
export type ContextFile = string | { readonly content: string; readonly mode?: number };

export interface BuildOptions {
  readonly dockerfile: string;
  /** The build context: relative path → file. */
  readonly context?: Readonly<Record<string, ContextFile>>;
  /** `name:tag` to give the image (default: untagged). */
  readonly tag?: string;
  /** `--build-arg NAME=value`. */
  readonly buildArgs?: Readonly<Record<string, string>>;
  /** `--no-cache`. */
  readonly noCache?: boolean;
}

export interface BuildStep {
  readonly line: number;
  readonly endLine: number;
  readonly keyword: string;
  readonly instruction: string;
  /**
   * `base`: FROM. `layer`: made a layer. `empty`: a file-system step that changed nothing, so no layer.
   * `metadata`: changes only the image config.
   */
  readonly kind: 'base' | 'layer' | 'empty' | 'metadata';
  /** `hit`: reused from the build cache without running; `miss`: run; `none`: metadata, nothing to cache. */
  readonly cache: 'hit' | 'miss' | 'none';
  readonly layer?: { readonly digest: Digest; readonly size: number };
  /** Paths in the layer (whiteouts as `.wh.` names), sorted. */
  readonly paths?: readonly string[];
  /**
   * The layer's entries read against the tree below it, as `docker diff` prints them: A added, C changed
   * (also a directory that is only carried as the parent of a change), D deleted (a whiteout's target).
   */
  readonly changes?: readonly LayerChange[];
  readonly explanation: Text;
}

export interface LayerChange {
  readonly kind: 'A' | 'C' | 'D';
  readonly path: string;
}

/** A layer's entries classified against the tree it goes on. */
export function layerChangesAgainst(layer: Layer, below: Tree): LayerChange[] {
  return layer.entries
    .filter((e) => e.type !== 'opaque')
    .map((e) =>
      e.type === 'whiteout'
        ? { kind: 'D' as const, path: whitedOutPath(e.path) }
        : { kind: below[e.path] ? ('C' as const) : ('A' as const), path: e.path },
    );
}

export interface BuildReport {
  readonly imageId: Digest;
  readonly tag?: string;
  readonly steps: readonly BuildStep[];
  /** The image's layers, lowest first. */
  readonly layers: readonly Digest[];
  /** When FROM had to pull the base image first. */
  readonly pulled?: TransferReport;
}

export type BuildOutcome = Outcome<{ state: LayersState; report: BuildReport }>;

const METADATA = new Set([
  'ENV',
  'ARG',
  'LABEL',
  'EXPOSE',
  'USER',
  'CMD',
  'ENTRYPOINT',
  'VOLUME',
  'STOPSIGNAL',
  'SHELL',
  'HEALTHCHECK',
  'MAINTAINER',
]);

function lineError(ins: { line: number; keyword: string }, code: string, message: Text): ModelError {
  return {
    code,
    line: ins.line,
    message: {
      ja: `${ins.line} 行目（${ins.keyword}）：${message.ja}`,
      en: `Line ${ins.line} (${ins.keyword}): ${message.en}`,
    },
  };
}

/** Dockerfile variable substitution: $NAME, ${NAME}, ${NAME:-word}, ${NAME:+word}; `\$` stays a literal `$`. */
export function substitute(text: string, vars: Readonly<Record<string, string>>): string {
  return text.replace(
    /\\\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (m, braced, op, word, bare) => {
      if (m === '\\$') return '$';
      const name = (braced ?? bare) as string;
      const value = vars[name];
      if (op === '-') return value === undefined || value === '' ? (word as string) : value;
      if (op === '+') return value === undefined || value === '' ? '' : (word as string);
      return value ?? '';
    },
  );
}

function splitArgs(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== '');
}

interface Build {
  tree: Tree;
  layers: Layer[];
  run: RunConfig;
  history: HistoryEntry[];
  args: Record<string, string>;
  cacheKey: string;
  newLayers: Record<string, Layer>;
  newCache: Record<string, CacheEntry>;
  cmdSetHere: boolean;
}

function vars(b: Build): Record<string, string> {
  return { ...b.args, ...envRecord(b.run.Env) };
}

function normaliseContext(
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

function copyStep(
  ins: DockerInstruction,
  b: Build,
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

const layerText = (size: number, count: number): Text => ({
  ja: `${count} 個のパスを変え、その差分が新しいレイヤー（${formatBytes(size)}）になりました。`,
  en: `It changed ${count} path(s); that change set is a new layer (${formatBytes(size)}).`,
});

const hitText = (copy: boolean): Text => ({
  ja: `ビルドキャッシュにありました（親が同じで、入力${copy ? 'とコピーするファイルの内容' : ''}も同じ）。実行せず、前のレイヤーをそのまま使います。`,
  en: `Found in the build cache (same parent, same inputs${copy ? ', same file contents' : ''}): not run again; the earlier layer is reused.`,
});

const emptyText: Text = {
  ja: 'ファイルを何も変えなかったので、レイヤーはできません（履歴には empty_layer として残ります）。',
  en: 'It changed no file, so it makes no layer (the history records it as empty_layer).',
};

function metadataText(keyword: string): Text {
  const field: Record<string, string> = {
    ENV: 'Env',
    ARG: '—',
    LABEL: 'Labels',
    EXPOSE: 'ExposedPorts',
    USER: 'User',
    CMD: 'Cmd',
    ENTRYPOINT: 'Entrypoint',
    VOLUME: 'Volumes',
    STOPSIGNAL: 'StopSignal',
    SHELL: 'Shell',
    HEALTHCHECK: 'Healthcheck',
    MAINTAINER: 'Labels.maintainer',
    WORKDIR: 'WorkingDir',
  };
  if (keyword === 'ARG')
    return {
      ja: 'ビルド中だけの変数です。イメージの設定にもレイヤーにも残りませんが、後の RUN の環境に入るので、値を変えると後の RUN のキャッシュが外れます。',
      en: 'A build-time variable: it stays in neither the config nor a layer, but later RUN steps get it in their environment, so a new value misses their cache.',
    };
  const reaches = keyword === 'ENV' || keyword === 'USER' || keyword === 'SHELL';
  return {
    ja: `イメージの設定（${field[keyword]}）だけを変え、レイヤーは作りません。${reaches ? '後の RUN はこの値で動くので、変えると後の RUN のキャッシュが外れます。' : '後のステップのキャッシュはこの値に左右されません。'}`,
    en: `Changes only the image config (${field[keyword]}); no layer.${reaches ? ' Later RUN steps run with it, so changing it misses their cache.' : ' The cache of later steps does not depend on it.'}`,
  };
}

function exposed(port: string): string | null {
  const m = /^(\d{1,5})(?:\/(tcp|udp|sctp))?$/i.exec(port);
  return m ? `${m[1]}/${(m[2] ?? 'tcp').toLowerCase()}` : null;
}

/** Applies a metadata instruction to the config; an error for a malformed one. */
function applyMetadata(
  ins: DockerInstruction,
  b: Build,
  buildArgs: Readonly<Record<string, string>>,
): ModelError | null {
  const v = vars(b);
  const run = b.run as { -readonly [K in keyof RunConfig]: RunConfig[K] };
  const commandForm = (): readonly string[] => ins.json ?? ['/bin/sh', '-c', ins.args];
  switch (ins.keyword) {
    case 'ENV':
    case 'LABEL': {
      const props = ins.properties ?? [];
      if (props.length === 0)
        return lineError(ins, 'missing-arguments', {
          ja: 'NAME=値 の形の引数が必要です。',
          en: 'needs NAME=value arguments.',
        });
      if (props.some((p) => p.value === null))
        // BuildKit's parser: "ENV must have two arguments" for a name with neither = nor a value.
        return lineError(ins, 'missing-value', {
          ja: `${ins.keyword} には値が必要です（NAME=値 の形で書きます）。`,
          en: `${ins.keyword} must have two arguments (write NAME=value).`,
        });
      if (ins.keyword === 'ENV') {
        let env = [...(run.Env ?? [])];
        // Every value of one ENV sees the variables as they were before it (Dockerfile reference, ENV).
        for (const p of props) env = withEnv(env, p.name, substitute(p.value ?? '', v));
        run.Env = env;
      } else {
        const labels = { ...(run.Labels ?? {}) };
        for (const p of props) labels[substitute(p.name, v)] = substitute(p.value ?? '', v);
        run.Labels = labels;
      }
      return null;
    }
    case 'ARG': {
      for (const p of ins.properties ?? []) {
        const value = buildArgs[p.name] ?? (p.value === null ? undefined : substitute(p.value, v));
        if (value !== undefined) b.args[p.name] = value;
      }
      return null;
    }
    case 'EXPOSE': {
      const ports = { ...(run.ExposedPorts ?? {}) };
      for (const w of splitArgs(substitute(ins.args, v))) {
        const p = exposed(w);
        if (!p)
          return lineError(ins, 'bad-port', {
            ja: `${w} はポートとして読めません（例：80、53/udp）。`,
            en: `${w} is not a port (such as 80 or 53/udp).`,
          });
        ports[p] = {};
      }
      run.ExposedPorts = ports;
      return null;
    }
    case 'USER':
      run.User = substitute(ins.args, v).trim();
      return null;
    case 'CMD':
      run.Cmd = commandForm();
      b.cmdSetHere = true;
      return null;
    case 'ENTRYPOINT':
      run.Entrypoint = commandForm();
      // "If CMD is defined from the base image, setting ENTRYPOINT will reset CMD to an empty value."
      if (!b.cmdSetHere) delete run.Cmd;
      return null;
    case 'VOLUME': {
      const vols = { ...(run.Volumes ?? {}) };
      for (const w of ins.json ?? splitArgs(substitute(ins.args, v))) vols[w] = {};
      run.Volumes = vols;
      return null;
    }
    case 'STOPSIGNAL':
      run.StopSignal = substitute(ins.args, v).trim();
      return null;
    case 'SHELL':
      if (!ins.json)
        return lineError(ins, 'shell-json', {
          ja: 'SHELL は JSON 形式（例：["/bin/bash", "-c"]）で書く必要があります。',
          en: 'SHELL must be written in JSON form (such as ["/bin/bash", "-c"]).',
        });
      run.Shell = ins.json;
      return null;
    case 'HEALTHCHECK': {
      const rest = ins.args.trim();
      if (/^NONE$/i.test(rest)) run.Healthcheck = { Test: ['NONE'] };
      else if (/^CMD\s/i.test(rest)) {
        const cmd = rest.replace(/^CMD\s+/i, '');
        let json: string[] | undefined;
        try {
          const parsed: unknown = JSON.parse(cmd);
          if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string')) json = parsed;
        } catch {
          json = undefined;
        }
        run.Healthcheck = { Test: json ? ['CMD', ...json] : ['CMD-SHELL', cmd] };
      } else
        return lineError(ins, 'bad-healthcheck', {
          ja: 'HEALTHCHECK は CMD … か NONE で書きます。',
          en: 'HEALTHCHECK takes CMD … or NONE.',
        });
      return null;
    }
    case 'MAINTAINER':
      run.Labels = { ...(run.Labels ?? {}), maintainer: ins.args.trim() };
      return null;
    default:
      return null;
  }
}

function unknownInstruction(ins: DockerInstruction): ModelError {
  if (ins.keyword === 'ONBUILD')
    return lineError(ins, 'unsupported-instruction', {
      ja: 'ONBUILD はこのシミュレーターでは扱えません。',
      en: 'This simulator does not handle ONBUILD.',
    });
  return lineError(ins, 'unknown-instruction', {
    ja: `${ins.keyword} という命令はありません（unknown instruction）。`,
    en: `unknown instruction: ${ins.keyword}.`,
  });
}

/** `docker build`: a new state with the image (tagged when asked), its layers and the cache, or an error. */
export function build(state: LayersState, options: BuildOptions): BuildOutcome {
  const parsed = parseDockerfile(options.dockerfile);
  if (!parsed.ok) return { ok: false, error: { code: 'parse', line: parsed.line, message: parsed.message } };
  const instructions = parsed.instructions;
  const buildArgs = options.buildArgs ?? {};
  const context = normaliseContext(options.context ?? {});
  const steps: BuildStep[] = [];
  let st = state;
  let pulled: TransferReport | undefined;
  let b: Build | null = null;
  const globalArgs: Record<string, string> = {};

  for (const ins of instructions) {
    if (ins.keyword === 'FROM') {
      if (b)
        return {
          ok: false,
          error: lineError(ins, 'multi-stage', {
            ja: '2 つ目の FROM（マルチステージビルド）はこのシミュレーターでは扱えません。',
            en: 'This simulator builds one stage: a second FROM (multi-stage build) is not handled.',
          }),
        };
      const words = splitArgs(ins.args);
      const ref = substitute(words[0] ?? '', globalArgs);
      if (!ref)
        return {
          ok: false,
          error: lineError(ins, 'missing-arguments', {
            ja: 'ベースイメージの名前が必要です。',
            en: 'needs a base image name.',
          }),
        };
      if (Object.keys(ins.flags).length > 0)
        return {
          ok: false,
          error: lineError(ins, 'unsupported-flag', {
            ja: 'FROM のフラグはこのシミュレーターでは扱えません。',
            en: 'This simulator does not handle FROM flags.',
          }),
        };
      let tree: Tree = {};
      let layers: Layer[] = [];
      let run: RunConfig = {};
      let history: HistoryEntry[] = [];
      let baseKey = 'scratch';
      let explanation: Text = {
        ja: 'scratch（空のイメージ）から始めます：レイヤーは 0 個です。',
        en: 'Starts from scratch (the empty image): no layers.',
      };
      if (ref !== 'scratch') {
        let image = findImage(st, ref);
        if (!image) {
          const p = pull(st, ref);
          if (!p.ok) return { ok: false, error: lineError(ins, p.error.code, p.error.message) };
          st = p.state;
          pulled = p.report;
          image = st.images[p.report.imageId];
        }
        if (!image)
          return {
            ok: false,
            error: lineError(ins, 'no-such-image', {
              ja: `${ref} がありません。`,
              en: `No such image: ${ref}.`,
            }),
          };
        tree = imageTree(st, image);
        layers = imageLayers(st, image);
        // The build's own copy: metadata steps edit it, and the base image's config must never change.
        run = { ...image.config.config };
        history = [...image.config.history];
        baseKey = image.id;
        explanation = {
          ja: `${normaliseRef(ref)} のレイヤー ${layers.length} 個（イメージ ID ${shortDigest(image.id)}）から始めます${pulled ? '。手元になかったので、先にレジストリからプルしました' : ''}。`,
          en: `Starts from the ${layers.length} layer(s) of ${normaliseRef(ref)} (image ID ${shortDigest(image.id)})${pulled ? ', pulled from the registry first since it was not here' : ''}.`,
        };
      }
      b = {
        tree,
        layers,
        run,
        history,
        args: {},
        cacheKey: digestOf(`FROM ${baseKey}`),
        newLayers: {},
        newCache: {},
        cmdSetHere: false,
      };
      steps.push({
        line: ins.line,
        endLine: ins.endLine,
        keyword: 'FROM',
        instruction: ins.text,
        kind: 'base',
        cache: 'none',
        explanation,
      });
      continue;
    }
    if (!b) {
      if (ins.keyword === 'ARG') {
        // An ARG before FROM can only be used in FROM (Dockerfile reference, "Understand how ARG and FROM interact").
        for (const p of ins.properties ?? []) {
          const value = buildArgs[p.name] ?? p.value ?? undefined;
          if (value !== undefined) globalArgs[p.name] = value;
        }
        steps.push({
          line: ins.line,
          endLine: ins.endLine,
          keyword: 'ARG',
          instruction: ins.text,
          kind: 'metadata',
          cache: 'none',
          explanation: metadataText('ARG'),
        });
        continue;
      }
      return {
        ok: false,
        error: lineError(ins, 'no-from', {
          ja: 'Dockerfile は FROM で始める必要があります（その前に書けるのは ARG だけです）。',
          en: 'A Dockerfile must start with FROM (only ARG may come before it).',
        }),
      };
    }
    const needsArgs = ins.args === '' && !ins.json && (ins.properties?.length ?? 0) === 0;
    if (needsArgs)
      return {
        ok: false,
        error: lineError(ins, 'missing-arguments', { ja: '引数がありません。', en: 'has no arguments.' }),
      };

    if (METADATA.has(ins.keyword)) {
      const error = applyMetadata(ins, b, buildArgs);
      if (error) return { ok: false, error };
      if (ins.keyword !== 'ARG')
        b.history.push({ created_by: ins.text, empty_layer: true, comment: 'buildkit.dockerfile.v0' });
      steps.push({
        line: ins.line,
        endLine: ins.endLine,
        keyword: ins.keyword,
        instruction: ins.text,
        kind: 'metadata',
        cache: 'none',
        explanation: metadataText(ins.keyword),
      });
      continue;
    }

    // File-system steps: RUN, COPY, ADD, WORKDIR.
    let inputs: unknown;
    let next: () => { tree: Tree; note?: Text } | { error: ModelError };
    let createdBy = ins.text;
    const user = b.run.User ?? '';
    const cwd = b.run.WorkingDir ?? '/';
    const current = b;
    if (ins.keyword === 'RUN') {
      if (ins.args.startsWith('<<'))
        return {
          ok: false,
          error: lineError(ins, 'heredoc', {
            ja: 'ヒアドキュメント（<<EOF）はこのシミュレーターでは扱えません。',
            en: 'This simulator does not handle here-documents (<<EOF).',
          }),
        };
      if (Object.keys(ins.flags).length > 0)
        return {
          ok: false,
          error: lineError(ins, 'unsupported-flag', {
            ja: `RUN のフラグ（--${Object.keys(ins.flags)[0]}）はこのシミュレーターでは扱えません。`,
            en: `This simulator does not handle RUN flags (--${Object.keys(ins.flags)[0]}).`,
          }),
        };
      const env = { ...b.args, ...envRecord(b.run.Env) };
      const shell = b.run.Shell ?? ['/bin/sh', '-c'];
      createdBy = ins.json
        ? `RUN ${ins.json.join(' ')} # buildkit`
        : `RUN ${shell.join(' ')} ${ins.args} # buildkit`;
      inputs = {
        op: 'RUN',
        command: ins.json ?? [...shell, ins.args],
        env: Object.entries(env).sort(),
        cwd,
        user,
      };
      next = () => {
        const missingUser = userProblem(current.tree, user);
        if (missingUser) return { error: lineError(ins, 'no-such-user', missingUser) };
        const ctx = { tree: current.tree, cwd, user, env };
        const r = ins.json ? runExec(ins.json, ctx) : runShell(ins.args, ctx, shell[0]);
        return r.ok
          ? { tree: r.tree }
          : { error: lineError(ins, r.unknown ? 'unknown-command' : 'command-failed', r.message) };
      };
    } else if (ins.keyword === 'COPY' || ins.keyword === 'ADD') {
      const r = copyStep(ins, b, context);
      if ('error' in r) return { ok: false, error: r.error };
      createdBy = `${ins.text} # buildkit`;
      inputs = r.inputs;
      next = () => ({
        tree: r.tree,
        note: {
          ja: `ビルドコンテキストから ${r.count} 個のファイルをコピーしました。`,
          en: `Copied ${r.count} file(s) from the build context.`,
        },
      });
    } else if (ins.keyword === 'WORKDIR') {
      const target = normalisePath(substitute(ins.args.trim(), vars(b)), cwd);
      (b.run as { WorkingDir?: string }).WorkingDir = target;
      createdBy = `WORKDIR ${target}`;
      if (target === '/') {
        b.history.push({ created_by: createdBy, empty_layer: true, comment: 'buildkit.dockerfile.v0' });
        steps.push({
          line: ins.line,
          endLine: ins.endLine,
          keyword: 'WORKDIR',
          instruction: ins.text,
          kind: 'metadata',
          cache: 'none',
          explanation: metadataText('WORKDIR'),
        });
        continue;
      }
      inputs = { op: 'WORKDIR', path: target, user };
      next = () => {
        const missingUser = userProblem(current.tree, user);
        if (missingUser) return { error: lineError(ins, 'no-such-user', missingUser) };
        const fs: Record<string, FsEntry> = { ...current.tree };
        // BuildKit's WORKDIR is a mkdir -p owned by the current USER.
        const owner = isRoot(user) ? ROOT_OWNER : (user.split(':')[0] as string);
        for (const dir of [...ancestorsOf(target), target]) {
          const e = fs[dir];
          if (e?.type === 'file')
            return {
              error: lineError(ins, 'not-a-directory', {
                ja: `${dir} はファイルです。`,
                en: `${dir} is a file.`,
              }),
            };
          if (!e) fs[dir] = { type: 'dir', mode: 0o755, owner };
        }
        return {
          tree: sortedTree(fs),
          note: {
            ja: `ディレクトリ ${target} がなかったので作りました。WorkingDir も設定します。`,
            en: `The directory ${target} did not exist, so it was created; WorkingDir is set too.`,
          },
        };
      };
    } else {
      return { ok: false, error: unknownInstruction(ins) };
    }

    const key = digestOf(canonicalJson({ parent: b.cacheKey, inputs }));
    const cached = options.noCache ? undefined : (b.newCache[key] ?? st.buildCache[key]);
    const cachedLayer = cached?.layer ? (b.newLayers[cached.layer] ?? st.layers[cached.layer]) : undefined;
    const base = { line: ins.line, endLine: ins.endLine, keyword: ins.keyword, instruction: ins.text };
    if (cached && (cached.layer === null || cachedLayer)) {
      if (cachedLayer) {
        const changes = layerChangesAgainst(cachedLayer, b.tree);
        b.tree = applyLayer(b.tree, cachedLayer);
        b.layers.push(cachedLayer);
        b.history.push({ created_by: createdBy, comment: 'buildkit.dockerfile.v0' });
        steps.push({
          ...base,
          kind: 'layer',
          cache: 'hit',
          layer: { digest: cachedLayer.digest, size: cachedLayer.size },
          paths: cachedLayer.entries.map((e) => e.path),
          changes,
          explanation: hitText(ins.keyword !== 'RUN' && ins.keyword !== 'WORKDIR'),
        });
      } else {
        b.history.push({ created_by: createdBy, empty_layer: true, comment: 'buildkit.dockerfile.v0' });
        steps.push({
          ...base,
          kind: 'empty',
          cache: 'hit',
          explanation: {
            ja: `${hitText(false).ja}${emptyText.ja}`,
            en: `${hitText(false).en} ${emptyText.en}`,
          },
        });
      }
      b.cacheKey = key;
      continue;
    }
    const result = next();
    if ('error' in result) return { ok: false, error: result.error };
    const changes = diffTrees(b.tree, result.tree);
    if (isEmptyChanges(changes)) {
      b.newCache[key] = { layer: null, createdBy };
      b.history.push({ created_by: createdBy, empty_layer: true, comment: 'buildkit.dockerfile.v0' });
      const explanation =
        ins.keyword === 'WORKDIR'
          ? {
              ja: `ディレクトリ ${b.run.WorkingDir} は既にあるので作るものがなく、レイヤーはできません。WorkingDir だけを設定します。`,
              en: `The directory ${b.run.WorkingDir} already exists: nothing to create, so no layer; only WorkingDir is set.`,
            }
          : emptyText;
      steps.push({ ...base, kind: 'empty', cache: 'miss', explanation });
    } else {
      const layer = makeLayer(changes);
      b.newLayers[layer.digest] = layer;
      b.newCache[key] = { layer: layer.digest, createdBy };
      const before = b.tree;
      b.tree = result.tree;
      b.layers.push(layer);
      b.history.push({ created_by: createdBy, comment: 'buildkit.dockerfile.v0' });
      const made = layerText(layer.size, layer.entries.length);
      const explanation = result.note
        ? { ja: `${result.note.ja}${made.ja}`, en: `${result.note.en} ${made.en}` }
        : made;
      steps.push({
        ...base,
        kind: 'layer',
        cache: 'miss',
        layer: { digest: layer.digest, size: layer.size },
        paths: layer.entries.map((e) => e.path),
        changes: layerChangesAgainst(layer, before),
        explanation,
      });
    }
    b.cacheKey = key;
  }

  if (!b)
    return {
      ok: false,
      error: {
        code: 'no-from',
        message: { ja: 'Dockerfile に FROM がありません。', en: 'The Dockerfile has no FROM.' },
      },
    };
  const image = makeImage(makeConfig(b.run, b.layers, b.history), b.layers);
  const tags = options.tag ? { ...st.tags, [normaliseRef(options.tag)]: image.id } : st.tags;
  const next: LayersState = {
    ...st,
    layers: { ...st.layers, ...b.newLayers },
    images: { ...st.images, [image.id]: image },
    tags,
    buildCache: { ...st.buildCache, ...b.newCache },
  };
  return {
    ok: true,
    state: next,
    report: {
      imageId: image.id,
      ...(options.tag ? { tag: normaliseRef(options.tag) } : {}),
      steps,
      layers: b.layers.map((l) => l.digest),
      ...(pulled ? { pulled } : {}),
    },
  };
}
