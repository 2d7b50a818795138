// Client of <AssignmentView>: decode the link (hostile until proven otherwise), show the assignment with live
// progress from the store, and make the completion report.
import { type Assignment, decodeAssignment } from '../exercises/assignment.ts';
import { customExerciseDigest } from '../exercises/custom-exercise.ts';
import { inBothLanguages } from '../exercises/custom-languages.ts';
import { buildReport, type Report } from '../exercises/report.ts';
import { onLabChange, readCheckRuns, readProgress } from '../lab/store.ts';
import { langOfUrlPath } from '../site/locales.ts';
import {
  assignmentProgress,
  type CatalogExercise,
  customCatalog,
  customExerciseHref,
  exerciseHref,
  isOtherAssignment,
  reportFileName,
} from './catalog.ts';
import { dataJson, download, formatDate, h } from './dom.ts';
import { reportElement } from './report-view.ts';
import { fill, trainerStrings } from './strings.ts';

function setUp(root: HTMLElement): void {
  const lang = langOfUrlPath(location.pathname);
  const t = trainerStrings[lang];
  const siteCatalog = dataJson<CatalogExercise[]>(root, 'catalog');
  /** The site's exercises and the link's own (custom-exercise.ts), once a link is read. */
  let catalog = siteCatalog;
  const view = root.querySelector<HTMLElement>('[data-assignment]');
  const form = root.querySelector<HTMLFormElement>('[data-report-form]');
  const message = root.querySelector<HTMLElement>('[data-message]');
  const out = root.querySelector<HTMLElement>('[data-report-out]');
  const reportBox = root.querySelector<HTMLElement>('[data-report]');
  if (!view || !form || !message || !out || !reportBox) return;

  let assignment: Assignment | undefined;
  let report: Report | undefined;
  let printCopy: HTMLElement | undefined;
  /** The fragment on show: only another `#assignment=…` loads again (not the skip link's #_top). */
  let shown = location.hash;

  const statusLabel = {
    todo: t.statusTodo,
    passed: t.statusPassed,
    'passed-with-help': t.statusPassedWithHelp,
  };

  const renderAssignment = () => {
    if (!assignment) return;
    const { progress, corrupt, persistent } = readProgress();
    const items = assignmentProgress(catalog, assignment.exercises, progress).map(
      ({ exercise, status, tasksPassed }) =>
        h(
          'li',
          { class: 'vlab-assigned', attrs: { 'data-exercise': exercise.id, 'data-status': status } },
          h(
            'a',
            {
              attrs: {
                href: exercise.customDigest
                  ? customExerciseHref(lang, shown, exercise.id)
                  : exerciseHref(lang, exercise.id),
              },
            },
            exercise.title,
          ),
          ' ',
          exercise.customDigest
            ? h('span', { class: 'vlab-badge', attrs: { 'data-custom': '' } }, t.customBadge)
            : null,
          ' ',
          h('span', { class: `vlab-badge vlab-badge-${status}` }, statusLabel[status]),
          ' ',
          h(
            'span',
            { class: 'vlab-meta' },
            `${fill(t.tasksDone, { done: tasksPassed, total: exercise.tasks.length })}${t.separator}${fill(t.minutes, { n: exercise.estimatedMinutes })}`,
          ),
        ),
    );
    const parts: (Node | null)[] = [
      h('h2', { class: 'vlab-h2', attrs: { 'data-assignment-title': '' } }, assignment.title),
      h(
        'p',
        { class: 'vlab-meta vlab-meta-block' },
        assignment.due ? fill(t.dueOn, { date: formatDate(assignment.due, lang, false) }) : t.noDue,
        t.separator,
        fill(t.created, { date: formatDate(assignment.created, lang) }),
      ),
      assignment.note
        ? h('p', { class: 'vlab-note-text', attrs: { 'data-assignment-note': '' } }, assignment.note)
        : null,
      corrupt ? h('p', { class: 'vlab-note-box vlab-problem' }, t.storeCorrupt) : null,
      persistent ? null : h('p', { class: 'vlab-note-box' }, t.storeNotPersistent),
      h('h3', {}, t.exercisesHeading),
      h('ul', { class: 'vlab-assigned-list' }, ...items),
    ];
    view.replaceChildren(...parts.filter((part): part is Node => part !== null));
  };

  const showLinkProblem = (reason: keyof typeof t.badLinkReason, problems: readonly string[]) => {
    view.replaceChildren(
      h(
        'div',
        { class: 'vlab-note-box vlab-problem', attrs: { 'data-state': 'bad-link', role: 'alert' } },
        h('p', {}, h('strong', {}, t.badLink), ' ', t.badLinkReason[reason]),
        h('p', {}, t.problemsHeading),
        h('ul', {}, ...problems.slice(0, 20).map((problem) => h('li', {}, problem))),
      ),
    );
  };

  const load = async () => {
    shown = location.hash;
    assignment = undefined;
    report = undefined;
    out.hidden = true;
    form.hidden = true;
    printCopy?.remove();
    if (shown === '' || shown === '#') {
      view.replaceChildren(h('p', { class: 'vlab-note-box', attrs: { 'data-state': 'no-link' } }, t.noLink));
      return;
    }
    const result = await decodeAssignment(
      shown,
      siteCatalog.map((e) => e.id),
    );
    if (!result.ok) {
      showLinkProblem(result.error.reason, result.error.problems);
      return;
    }
    const custom = result.assignment.custom ?? [];
    const digests = await Promise.all(custom.map(customExerciseDigest));
    // A one-language exercise shows its language on either page (custom-languages.ts).
    const shownCustom = custom.map(inBothLanguages);
    const chapterTitle = (slug: string) => siteCatalog.find((e) => e.chapter === slug)?.chapterTitle ?? slug;
    catalog = [...siteCatalog, ...customCatalog(shownCustom, digests, lang, chapterTitle)];
    assignment = result.assignment;
    renderAssignment();
    form.hidden = false;
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!assignment) return;
    const learner = String(new FormData(form).get('learner') ?? '').trim();
    if (learner === '') {
      message.textContent = t.needName;
      message.classList.add('vlab-problem');
      form.querySelector<HTMLInputElement>('[name="learner"]')?.focus();
      return;
    }
    const exercises = assignment.exercises.flatMap((id) => {
      const exercise = catalog.find((e) => e.id === id);
      if (!exercise) return [];
      const taskIds = exercise.tasks.map((task) => task.id);
      return [
        exercise.customDigest
          ? { id, taskIds, contentDigest: exercise.customDigest, progressId: exercise.progressId ?? id }
          : { id, taskIds },
      ];
    });
    report = await buildReport({
      learner,
      assignment,
      exercises,
      progress: readProgress().progress,
      checks: readCheckRuns(),
      now: new Date(),
    });
    const element = reportElement(report, catalog, t, lang);
    reportBox.replaceChildren(element);
    // The print copy sits directly in <body>, so print CSS can show it alone (see trainer.css).
    printCopy?.remove();
    const copy = element.cloneNode(true) as HTMLElement;
    // Paper cannot open a <details>: the printed report shows every check's output.
    for (const details of copy.querySelectorAll('details')) details.open = true;
    printCopy = h('div', { class: 'vlab-print-copy' }, copy);
    document.body.append(printCopy);
    out.hidden = false;
    message.classList.remove('vlab-problem');
    message.textContent = t.reportMade;
  });

  out.querySelector('[data-action="download"]')?.addEventListener('click', () => {
    if (report)
      download(
        reportFileName(report.learner, report.generatedAt),
        `${JSON.stringify(report, null, 2)}\n`,
        'application/json',
      );
  });
  out.querySelector('[data-action="print"]')?.addEventListener('click', () => window.print());

  window.addEventListener('hashchange', () => {
    if (isOtherAssignment(location.hash, shown)) void load();
  });
  onLabChange(renderAssignment);
  void load();
}

for (const root of document.querySelectorAll<HTMLElement>('[data-assignment-view]')) setUp(root);
