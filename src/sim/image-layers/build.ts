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
//   key of their own: ENV, ARG, USER and SHELL reach later RUN keys through the environment, user and shell
//   (and WORKDIR through the directory); LABEL, EXPOSE, CMD and the like do not, so changing them rebuilds
//   nothing (BuildKit's RUN cache covers the process's arguments, env, cwd and user, not the image's labels).
import { type BuildState, lineError, substitute, vars } from './build-state.ts';
import { type ContextFile, normaliseContext } from './copy-step.ts';
import { canonicalJson, type Digest, digestOf } from './digest.ts';
import { type DockerInstruction, parseDockerfile } from './dockerfile-parser.ts';
import { formatBytes } from './format.ts';
import { startFrom } from './from-step.ts';
import { type FsStep, prepareCopy, prepareRun, prepareWorkdir } from './fs-steps.ts';
import { makeConfig, makeImage, normaliseRef } from './image.ts';
import { applyLayer, diffTrees, isEmptyChanges, type Layer, makeLayer, whitedOutPath } from './layer.ts';
import { applyMetadata, METADATA, metadataText } from './metadata.ts';
import type { TransferReport } from './registry.ts';
import { normalisePath, type Tree } from './tree.ts';
import type { LayersState, ModelError, Outcome, Text } from './types.ts';

export type { ContextFile };

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

const KNOWN_INSTRUCTIONS = new Set(['FROM', 'RUN', 'COPY', 'ADD', 'WORKDIR', ...METADATA]);

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
  // Like Docker's parser, check every line before running any: an unknown instruction or a missing argument
  // on line 10 is reported before the RUN on line 3 runs.
  for (const ins of instructions) {
    if (!KNOWN_INSTRUCTIONS.has(ins.keyword)) return { ok: false, error: unknownInstruction(ins) };
    if (ins.args === '' && !ins.json && (ins.properties?.length ?? 0) === 0)
      return {
        ok: false,
        error: lineError(ins, 'missing-arguments', { ja: '引数がありません。', en: 'has no arguments.' }),
      };
  }
  const buildArgs = options.buildArgs ?? {};
  const context = normaliseContext(options.context ?? {});
  const steps: BuildStep[] = [];
  let st = state;
  let pulled: TransferReport | undefined;
  let b: BuildState | null = null;
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
      const started = startFrom(st, ins, globalArgs);
      if (!started.ok) return started;
      st = started.state;
      pulled = started.pulled;
      b = started.build;
      steps.push({
        line: ins.line,
        endLine: ins.endLine,
        keyword: 'FROM',
        instruction: ins.text,
        kind: 'base',
        cache: 'none',
        explanation: started.explanation,
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
    let prepared: FsStep | { error: ModelError };
    if (ins.keyword === 'RUN') prepared = prepareRun(ins, b);
    else if (ins.keyword === 'COPY' || ins.keyword === 'ADD') prepared = prepareCopy(ins, b, context);
    else if (ins.keyword === 'WORKDIR') {
      const target = normalisePath(substitute(ins.args.trim(), vars(b)), b.run.WorkingDir ?? '/');
      (b.run as { WorkingDir?: string }).WorkingDir = target;
      if (target === '/') {
        // WORKDIR / has nothing to create: BuildKit adds no mkdir for it.
        b.history.push({ created_by: 'WORKDIR /', empty_layer: true, comment: 'buildkit.dockerfile.v0' });
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
      prepared = prepareWorkdir(ins, b, target);
    } else return { ok: false, error: unknownInstruction(ins) };
    if ('error' in prepared) return { ok: false, error: prepared.error };
    const { inputs, createdBy, next } = prepared;

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
