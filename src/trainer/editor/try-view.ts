// Shows the try's stages as they come (try-exercise.ts): per task the check's status, what the proof expected,
// its time and its output; a stage cut short by Stop says so; at the end, each check's time over the whole try
// (the median of its runs) with a warning over the budget. Testing hooks: each stage `data-stage`
// (setup | solution | setup-again | near-miss-<n>) and, if Stop cut it, `data-stopped` (during | before), or if
// an earlier script failed, `data-skipped` (setup | solution); each task's line
// `data-task-result="<taskId>"` with `data-status` (passed | failed | error) and `data-ok` (the status is what
// the proof expected); each timing `data-timing="<taskId>"`, with `data-over-budget` when its median is over (judged on 3 runs or more).
import {
  CHECK_BUDGET_MS,
  type CheckTiming,
  type TriedStage,
  type TryStop,
} from '../../exercises/try-exercise.ts';
import type { LinuxExercise } from '../../schemas/exercise.ts';
import type { Lang } from '../../site/locales.ts';
import { h } from '../dom.ts';
import { fill } from '../strings.ts';
import type { EditorStrings } from './strings.ts';

export function stageElement(
  stage: TriedStage,
  index: number,
  exercise: LinuxExercise,
  lang: Lang,
  t: EditorStrings,
): HTMLElement {
  const taskTitle = (id: string) => exercise.tasks.find((task) => task.id === id)?.title[lang] ?? id;
  const heading =
    stage.kind === 'setup'
      ? t.stageSetup
      : stage.kind === 'solution'
        ? t.stageSolution
        : stage.kind === 'setup-again'
          ? t.stageSetupAgain
          : fill(t.stageNearMiss, {
              title: stage.title?.[lang] ?? '',
              // Inside the string's own quotes: 「a」、「b」 / "a", "b".
              tasks: (exercise.nearMisses?.[index]?.fails ?? [])
                .map(taskTitle)
                .join(lang === 'ja' ? '」、「' : '", "'),
            });
  const skipped =
    stage.skipped === undefined
      ? undefined
      : stage.kind === 'solution'
        ? t.skippedSolution
        : stage.skipped === 'setup'
          ? t.skippedAfterSetup
          : t.skippedAfterSolution;
  const status = { passed: t.statusPassed, failed: t.statusFailed, error: t.statusError };
  const expected = { passed: t.expectedPassed, failed: t.expectedFailed, either: t.expectedEither };
  const scriptName = {
    setup: t.scriptSetup,
    solution: t.scriptSolution,
    'near miss': t.scriptNearMiss,
  };
  const scripts = stage.scripts
    .filter((script) => script.exitCode !== 0)
    .map((script) =>
      h(
        'div',
        { class: 'vlab-note-box vlab-problem', attrs: { 'data-script': script.name } },
        h(
          'p',
          {},
          script.exitCode === null
            ? fill(t.scriptNoExit, { name: scriptName[script.name] })
            : fill(t.scriptExit, { name: scriptName[script.name], code: script.exitCode }),
        ),
        h('pre', { class: 'vlab-evidence' }, script.output || t.noOutput),
      ),
    );
  const checks = stage.checks.map((check) =>
    h(
      'li',
      {
        class: `vlab-try-check${check.ok ? '' : ' vlab-problem'}`,
        attrs: {
          'data-task-result': check.taskId,
          'data-status': check.status,
          'data-ok': String(check.ok),
        },
      },
      h('span', { class: 'vlab-try-mark', attrs: { 'aria-hidden': 'true' } }, check.ok ? '✓' : '✗'),
      ' ',
      h('strong', {}, taskTitle(check.taskId)),
      ' ',
      h(
        'span',
        { class: `vlab-badge vlab-badge-${check.status === 'passed' ? 'passed' : 'todo'}` },
        status[check.status],
      ),
      h(
        'span',
        { class: 'vlab-meta' },
        `${expected[check.expected]}${lang === 'ja' ? '・' : ' · '}${fill(t.duration, { ms: check.durationMs })}`,
      ),
      h('pre', { class: 'vlab-evidence' }, check.evidence || t.noOutput),
    ),
  );
  const stageId = stage.kind === 'near-miss' ? `near-miss-${index}` : stage.kind;
  const stopped = stage.stopped;
  return h(
    'section',
    {
      class: 'vlab-try-stage',
      attrs: {
        'data-stage': stageId,
        ...(stopped ? { 'data-stopped': stopped.before ? 'before' : 'during' } : {}),
        ...(stage.skipped ? { 'data-skipped': stage.skipped } : {}),
      },
    },
    h('h3', {}, heading),
    ...scripts,
    checks.length > 0 ? h('ul', { class: 'vlab-try-checks' }, ...checks) : null,
    stopped
      ? h('p', { class: 'vlab-note-box vlab-try-stopped' }, stopText(stopped, taskTitle, scriptName, lang, t))
      : null,
    skipped ? h('p', { class: 'vlab-note-box vlab-try-stopped' }, skipped) : null,
  );
}

function stopText(
  stop: TryStop,
  taskTitle: (id: string) => string,
  scriptName: Record<'setup' | 'solution' | 'near miss', string>,
  lang: Lang,
  t: EditorStrings,
): string {
  if (stop.before) return t.stoppedBefore;
  if (!stop.during) return t.stoppedHere;
  const ms = stop.during.afterMs;
  if ('taskId' in stop.during) return fill(t.stoppedDuringCheck, { task: taskTitle(stop.during.taskId), ms });
  const name = scriptName[stop.during.script];
  // "The setup script" starts a sentence in English; here it is inside one.
  return fill(t.stoppedDuringScript, { name: lang === 'en' ? name.replace(/^The /, 'the ') : name, ms });
}

/** Each check's time over the whole try: the median of its runs, what was measured, and the budget. */
export function timingsElement(
  timings: readonly CheckTiming[],
  exercise: LinuxExercise,
  lang: Lang,
  t: EditorStrings,
): HTMLElement {
  const taskTitle = (id: string) => exercise.tasks.find((task) => task.id === id)?.title[lang] ?? id;
  const list = lang === 'ja' ? '、' : ', ';
  return h(
    'section',
    { class: 'vlab-try-timings', attrs: { 'data-try-timings': '' } },
    h('h3', {}, t.timingsHeading),
    h('p', { class: 'vlab-meta vlab-meta-block' }, fill(t.timingsNote, { budget: CHECK_BUDGET_MS })),
    h(
      'ul',
      {},
      ...timings.map((timing) =>
        h(
          'li',
          {
            class: timing.overBudget ? 'vlab-problem' : '',
            attrs: {
              'data-timing': timing.taskId,
              'data-median': String(timing.medianMs),
              ...(timing.overBudget ? { 'data-over-budget': '' } : {}),
            },
          },
          h('strong', {}, taskTitle(timing.taskId)),
          ' ',
          fill(timing.extraRuns > 0 ? t.timingWithExtra : t.timing, {
            median: timing.medianMs,
            runs: timing.runsMs.join(list),
            extra: timing.extraRuns,
          }),
          timing.judged
            ? null
            : h(
                'p',
                { class: 'vlab-meta' },
                fill(t.timingNotJudged, { n: timing.runsMs.length, budget: CHECK_BUDGET_MS }),
              ),
          timing.overBudget
            ? h('p', { class: 'vlab-try-slow' }, fill(t.overBudget, { budget: CHECK_BUDGET_MS }))
            : null,
        ),
      ),
    ),
  );
}
