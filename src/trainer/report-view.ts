// The printable completion report, as DOM built from a Report (all text via textContent).

import { shortDigest } from '../exercises/canonical-json.ts';
import type { Report } from '../exercises/report.ts';
import type { Lang } from '../site/locales.ts';
import type { CatalogExercise } from './catalog.ts';
import { formatDate, h } from './dom.ts';
import { fill, type TrainerStrings } from './strings.ts';

const resultLabel = (t: TrainerStrings, result: Report['exercises'][number]['tasks'][number]['result']) =>
  ({
    passed: t.resultPassed,
    failed: t.resultFailed,
    error: t.resultError,
    'not-checked': t.resultNotChecked,
  })[result];

export function reportElement(
  report: Report,
  catalog: readonly CatalogExercise[],
  t: TrainerStrings,
  lang: Lang,
): HTMLElement {
  const exercises = report.exercises.map((exercise) => {
    const known = catalog.find((e) => e.id === exercise.id);
    const tasks = exercise.tasks.map((task) => {
      const title = known?.tasks.find((k) => k.id === task.taskId)?.title ?? task.taskId;
      const details = [
        task.passedAt ? fill(t.firstPassed, { date: formatDate(task.passedAt, lang) }) : '',
        task.checkedAt ? fill(t.lastChecked, { date: formatDate(task.checkedAt, lang) }) : '',
        task.hintsUsed === 1
          ? t.hintUsed
          : task.hintsUsed > 1
            ? fill(t.hintsUsed, { n: task.hintsUsed })
            : '',
        task.solutionUsed ? t.solutionUsed : '',
      ].filter(Boolean);
      // A task counts as done once it has passed, even if a later check failed (progress is sticky).
      const done = task.passedAt !== null;
      return h(
        'li',
        { class: 'vlab-report-task' },
        h(
          'span',
          { class: done ? 'vlab-pass' : 'vlab-todo' },
          done ? t.resultPassed : resultLabel(t, task.result),
        ),
        ' ',
        title,
        details.length > 0 ? h('span', { class: 'vlab-meta' }, details.join(t.separator)) : null,
        task.evidence
          ? h(
              'details',
              { class: 'vlab-evidence' },
              h('summary', {}, t.evidence),
              h('pre', {}, task.evidence),
            )
          : null,
      );
    });
    return h(
      'section',
      { class: 'vlab-report-exercise' },
      h('h4', {}, known?.title ?? exercise.id),
      exercise.contentDigest
        ? h(
            'p',
            { class: 'vlab-digest', attrs: { 'data-content-digest': exercise.contentDigest } },
            `${t.customBadge}${t.separator}${fill(t.customVersion, { digest: shortDigest(exercise.contentDigest) })}`,
          )
        : null,
      h('ul', {}, ...tasks),
    );
  });
  return h(
    'article',
    { class: 'vlab-report', attrs: { 'data-report-view': '' } },
    h('h3', {}, t.reportHeading),
    h(
      'p',
      {},
      fill(t.reportFor, { name: report.learner }),
      h('br'),
      report.assignment ? fill(t.reportAssignment, { title: report.assignment.title }) : '',
      report.assignment ? h('br') : null,
      fill(t.reportGenerated, { date: formatDate(report.generatedAt, lang) }),
    ),
    ...exercises,
    h(
      'p',
      { class: 'vlab-digest' },
      fill(t.reportDigest, { value: report.digest.value }),
      h('br'),
      t.digestMeaning,
    ),
  );
}
