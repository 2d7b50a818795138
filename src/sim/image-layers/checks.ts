// Named checks over the "Dockerfile → layers" widget's state, for `kind: widget` exercises (a task's `check`
// names one), and the strict validation of a state as an exercise file or localStorage gives it. The checks
// build the learner's Dockerfile with the learner's context on a fresh host, whatever the widget's own host
// holds, so a check says the same thing in the browser, at build time and in `exercises:verify`.
import type { CheckOutcome } from '../citation.ts';
import { type BuildReport, build } from './build.ts';
import { layersStateProblems } from './state-check.ts';
import { findImage, imageTree, initialState } from './store.ts';
import type { LayersState } from './types.ts';
import { APP_FILE, type ImageLayersState, MAX_CONTEXT_FILES, MAX_TEXT_CHARS } from './widget-state.ts';

export type { ImageLayersState };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Problems with `value` as an ImageLayersState, each `<field>: Received … / Expected …`; empty when usable. */
export function imageLayersStateProblems(value: unknown): string[] {
  if (!isObject(value)) return [`: Received ${JSON.stringify(value)} / Expected an object`];
  const problems: string[] = [];
  const known = ['dockerfile', 'context', 'host'];
  for (const key of Object.keys(value))
    if (!known.includes(key)) problems.push(`${key}: Received a field / Expected one of ${known.join(', ')}`);
  if (typeof value.dockerfile !== 'string') problems.push('dockerfile: Received no text / Expected a string');
  else if (value.dockerfile.length > MAX_TEXT_CHARS)
    problems.push(
      `dockerfile: Received ${value.dockerfile.length} characters / Expected at most ${MAX_TEXT_CHARS}`,
    );
  if (!isObject(value.context)) problems.push('context: Received no object / Expected path → text');
  else {
    const entries = Object.entries(value.context);
    if (entries.length > MAX_CONTEXT_FILES)
      problems.push(`context: Received ${entries.length} files / Expected at most ${MAX_CONTEXT_FILES}`);
    for (const [path, text] of entries) {
      if (typeof text !== 'string') problems.push(`context.${path}: Received ${typeof text} / Expected text`);
      else if (text.length > MAX_TEXT_CHARS)
        problems.push(
          `context.${path}: Received ${text.length} characters / Expected at most ${MAX_TEXT_CHARS}`,
        );
      if (path === '' || path.startsWith('/') || path.split('/').some((p) => p === '..' || p === ''))
        problems.push(`context.${path}: Received "${path}" / Expected a relative path such as "app.py"`);
    }
  }
  if (value.host !== undefined)
    for (const p of layersStateProblems(value.host)) problems.push(`host.${p.replace(/^state: /, ': ')}`);
  return problems;
}

type Built = { ok: true; state: LayersState; report: BuildReport } | { ok: false; outcome: CheckOutcome };

function buildOn(
  host: LayersState,
  state: ImageLayersState,
  context: Readonly<Record<string, string>>,
): Built {
  const result = build(host, { dockerfile: state.dockerfile, context, tag: 'check:latest' });
  if (result.ok) return { ok: true, state: result.state, report: result.report };
  return {
    ok: false,
    outcome: {
      passed: false,
      evidence: {
        ja: `Dockerfile をビルドできません。${result.error.message.ja}`,
        en: `The Dockerfile does not build. ${result.error.message.en}`,
      },
    },
  };
}

const words = (v: readonly string[] | undefined) => v ?? [];

/**
 * The image is complete: python3 installed (/usr/bin/python3…), every file of the build context in /app with
 * its content, and the command (ENTRYPOINT + CMD) runs python3 on app.py.
 */
function appImageComplete(state: ImageLayersState): CheckOutcome {
  const built = buildOn(initialState(), state, state.context);
  if (!built.ok) return built.outcome;
  const image = findImage(built.state, 'check:latest');
  if (!image)
    return { passed: false, evidence: { ja: 'イメージができていません。', en: 'No image was made.' } };
  const tree = imageTree(built.state, image);
  const missing: string[] = [];
  if (!Object.keys(tree).some((path) => path.startsWith('/usr/bin/python3')))
    missing.push('/usr/bin/python3*');
  for (const [rel, text] of Object.entries(state.context)) {
    const entry = tree[`/app/${rel}`];
    if (entry?.type !== 'file' || entry.content !== text) missing.push(`/app/${rel}`);
  }
  if (missing.length > 0)
    return {
      passed: false,
      evidence: {
        ja: `イメージに ${missing.join('、')} がありません（またはビルドコンテキストと内容が違います）。`,
        en: `The image lacks ${missing.join(', ')} (or its content differs from the build context).`,
      },
    };
  const { Entrypoint, Cmd, WorkingDir } = image.config.config;
  const command = [...words(Entrypoint), ...words(Cmd)];
  const runsApp =
    command.some((w) => /(^|\/)python3$/.test(w) || /(^|\s)python3\s/.test(w)) &&
    command.some((w) => (WorkingDir === '/app' && /(^|\s)app\.py\b/.test(w)) || w.includes('/app/app.py'));
  if (!runsApp)
    return {
      passed: false,
      evidence: {
        ja: `コンテナの起動コマンド（${JSON.stringify(command)}、作業ディレクトリ ${WorkingDir ?? '/'}）が /app の app.py を python3 で実行しません。`,
        en: `The container's command (${JSON.stringify(command)}, working directory ${WorkingDir ?? '/'}) does not run /app's app.py with python3.`,
      },
    };
  return {
    passed: true,
    evidence: {
      ja: `python3 と ${Object.keys(state.context).length} 個のファイルが /app にあり、${JSON.stringify(command)} で起動します。`,
      en: `python3 and ${Object.keys(state.context).length} file(s) in /app; the container starts with ${JSON.stringify(command)}.`,
    },
  };
}

/** The learner's context with a change to the application code, as a developer's next commit would make. */
export function withCodeChange(context: Readonly<Record<string, string>>): Record<string, string> {
  return { ...context, [APP_FILE]: `${context[APP_FILE] ?? ''}print("changed")\n` };
}

/**
 * Build, change app.py, build again on the same host: exactly one file-system step runs again (a cache
 * miss), it makes the image's last layer, and every layer below it is the same as before (by digest).
 */
function codeChangeRebuildsLastLayerOnly(state: ImageLayersState): CheckOutcome {
  if (state.context[APP_FILE] === undefined)
    return {
      passed: false,
      evidence: {
        ja: `ビルドコンテキストに ${APP_FILE} がありません。`,
        en: `The build context has no ${APP_FILE}.`,
      },
    };
  const first = buildOn(initialState(), state, state.context);
  if (!first.ok) return first.outcome;
  const second = buildOn(first.state, state, withCodeChange(state.context));
  if (!second.ok) return second.outcome;
  const misses = second.report.steps.filter((s) => s.cache === 'miss');
  const before = first.report.layers;
  const after = second.report.layers;
  const lines = misses.map((s) => s.line);
  const missText = {
    ja:
      lines.length === 0
        ? 'どのステップも再実行されません'
        : `${lines.map((l) => `${l} 行目`).join('、')}が再実行されます`,
    en: lines.length === 0 ? 'no step runs again' : `line(s) ${lines.join(', ')} run again`,
  };
  const only = misses[0];
  const lastIsTheMiss =
    misses.length === 1 &&
    only?.kind === 'layer' &&
    only.layer?.digest === after[after.length - 1] &&
    after.length === before.length &&
    after.slice(0, -1).every((d, i) => d === before[i]);
  if (!lastIsTheMiss)
    return {
      passed: false,
      evidence: {
        ja: `${APP_FILE} を変えて再ビルドすると、${missText.ja}。再実行されるのは最後のレイヤーを作る 1 ステップだけにしてください。`,
        en: `After a change to ${APP_FILE}, ${missText.en}. Only the one step that makes the last layer should run again.`,
      },
    };
  return {
    passed: true,
    evidence: {
      ja: `${APP_FILE} を変えて再ビルドすると、${only.line} 行目（${only.keyword}）だけが再実行され、下の ${before.length - 1} 個のレイヤーはキャッシュから同じダイジェストのまま使われます。`,
      en: `After a change to ${APP_FILE} only line ${only.line} (${only.keyword}) runs again; the ${before.length - 1} layer(s) below come from the cache with the same digests.`,
    },
  };
}

export const imageLayersChecks = {
  layersAppImageComplete: appImageComplete,
  layersCodeChangeRebuildsLastLayerOnly: codeChangeRebuildsLastLayerOnly,
} satisfies Record<string, (state: ImageLayersState) => CheckOutcome>;
