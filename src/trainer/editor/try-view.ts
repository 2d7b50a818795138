// Shows the try's stages as they come (try-exercise.ts): per task the check's status, what the proof expected,
// its time (with a warning over the budget) and its output. Testing hooks: each stage `data-stage`
// (setup | solution | near-miss-<n>); each task's line `data-task-result="<taskId>"` with `data-status`
// (passed | failed | error) and `data-ok` (the status is what the proof expected).
import { CHECK_BUDGET_MS, type TriedStage } from '../../exercises/try-exercise.ts';
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
        : fill(t.stageNearMiss, {
            title: stage.title?.[lang] ?? '',
            tasks: (exercise.nearMisses?.[index]?.fails ?? [])
              .map(taskTitle)
              .join(lang === 'ja' ? '、' : ', '),
          });
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
      check.overBudget
        ? h(
            'p',
            { class: 'vlab-try-slow', attrs: { 'data-over-budget': '' } },
            fill(t.overBudget, { budget: CHECK_BUDGET_MS }),
          )
        : null,
      h('pre', { class: 'vlab-evidence' }, check.evidence || t.noOutput),
    ),
  );
  const stageId = stage.kind === 'near-miss' ? `near-miss-${index}` : stage.kind;
  return h(
    'section',
    { class: 'vlab-try-stage', attrs: { 'data-stage': stageId } },
    h('h3', {}, heading),
    ...scripts,
    h('ul', { class: 'vlab-try-checks' }, ...checks),
  );
}
