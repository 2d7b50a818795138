// A trainer's own exercise from a link, as a <vlab-exercise> element: the markup <Exercise> renders at build
// time for a built-in linux exercise (src/components/mdx/Exercise.astro), built here in the browser, so the same
// element (exercise-element.ts) runs it: checks on the page's machine, progress, hints, the solution. Every
// string from the link goes in as text; the instructions through safe Markdown, in a frame that says whose they
// are. An exercise written in the other language only is shown in that language, marked with its `lang` and a
// note. Keep in step with Exercise.astro.
import { type CustomExercise, customProgressId } from '../exercises/custom-exercise.ts';
import { parseSafeMarkdown } from '../exercises/safe-markdown.ts';
import { difficultyLabel, type LabStrings } from '../lab/strings.ts';
import type { Lang } from '../site/locales.ts';
import { h } from './dom.ts';
import { safeMarkdownNodes } from './safe-markdown-view.ts';
import { fill, trainerStrings } from './strings.ts';

/**
 * The note a page in `lang` shows above an exercise written only in the other language (both languages'
 * texts name the language it is in), or undefined when the exercise is in the page's language.
 */
export function languageNote(exercise: Pick<CustomExercise, 'onlyIn'>, lang: Lang): string | undefined {
  const t = trainerStrings[lang];
  return exercise.onlyIn === undefined || exercise.onlyIn === lang
    ? undefined
    : fill(t.customOnlyIn, { language: t.languageNames[exercise.onlyIn] });
}

/** `digest`: the exercise's content digest; its progress is kept by version (customProgressId). */
export function customExerciseElement(
  exercise: CustomExercise,
  digest: string,
  lang: Lang,
  s: LabStrings,
): HTMLElement {
  const t = trainerStrings[lang];
  /** The language the author's texts are in, when it is not the page's: for screen readers and fonts. */
  const foreign = exercise.onlyIn !== undefined && exercise.onlyIn !== lang ? exercise.onlyIn : undefined;
  const textAttrs = foreign ? { lang: foreign } : {};
  const note = languageNote(exercise, lang);
  const headingId = `vx-${exercise.id}`;
  const checks = exercise.tasks.map((task) => ({ id: task.id, check: task.check }));
  const root = document.createElement('vlab-exercise');
  root.className = 'not-content vx';
  const data: Record<string, string> = {
    exercise: customProgressId(exercise.id, digest),
    status: 'todo',
    kind: 'linux',
    // Written by the link's author, not the site: a failed setup says to tell them (exercise-element.ts).
    source: 'link',
    checks: JSON.stringify(checks),
    setup: exercise.setup,
    lang,
    strings: JSON.stringify(s),
  };
  if (exercise.passTogether) data.passTogether = 'true';
  Object.assign(root.dataset, data);
  root.setAttribute('role', 'region');
  root.setAttribute('aria-label', exercise.title[lang]);
  const hintGap = lang === 'ja' ? '' : ' ';
  const tasks = exercise.tasks.map((task, index) =>
    h(
      'li',
      { class: 'vx-task', attrs: { 'data-task': task.id, 'data-result': 'todo' } },
      h(
        'div',
        { class: 'vx-task-line' },
        h('span', { class: 'vx-mark', attrs: { 'aria-hidden': 'true' } }),
        h(
          'span',
          { class: 'vx-task-title', attrs: { id: `${headingId}-t${index}`, ...textAttrs } },
          task.title[lang],
        ),
        h('span', { class: 'vx-task-result', attrs: { 'data-result-label': '' } }, s.notChecked),
      ),
      h(
        'p',
        { class: 'vx-message', attrs: { 'data-message': 'pass', hidden: '', ...textAttrs } },
        task.pass[lang],
      ),
      h(
        'p',
        { class: 'vx-message', attrs: { 'data-message': 'fail', hidden: '', ...textAttrs } },
        task.fail[lang],
      ),
      h('p', { class: 'vx-message', attrs: { 'data-message': 'error', hidden: '' } }),
      h(
        'details',
        { class: 'vx-evidence', attrs: { hidden: '' } },
        h('summary', {}, s.evidence),
        h('pre', {}, h('code', { attrs: { 'data-evidence': '' } })),
      ),
      h(
        'ol',
        { class: 'vx-hints', attrs: { 'aria-label': s.hintsLabel } },
        ...task.hints.map((hint, n) =>
          h(
            'li',
            { attrs: { hidden: '', 'data-hint': String(n + 1) } },
            h('strong', {}, s.hintLabel.replace('{n}', String(n + 1))),
            hintGap,
            h('span', { attrs: textAttrs }, hint[lang]),
          ),
        ),
      ),
      h(
        'button',
        {
          class: 'vl-button vx-button vx-hint-button',
          attrs: {
            type: 'button',
            'data-action': 'hint',
            'data-total': String(task.hints.length),
            'aria-describedby': `${headingId}-t${index}`,
          },
        },
        s.hint.replace('{n}', '1').replace('{total}', String(task.hints.length)),
      ),
    ),
  );
  root.append(
    h(
      'div',
      { class: 'vx-head' },
      h(
        'p',
        { class: 'vx-meta' },
        h('span', {}, s.difficulty.replace('{d}', difficultyLabel(s, exercise.difficulty))),
        h('span', {}, s.minutes.replace('{n}', String(exercise.estimatedMinutes))),
        h('span', { class: 'vx-state', attrs: { 'data-state': '' } }, s.statusTodo),
      ),
    ),
    ...(note
      ? [h('p', { class: 'vlab-note-box', attrs: { 'data-custom-language': exercise.onlyIn ?? '' } }, note)]
      : []),
    // A visible frame: what is inside is the link author's text, not the site's (review 12).
    h(
      'section',
      { class: 'vlab-authored', attrs: { 'aria-label': t.customInstructions } },
      h('p', { class: 'vlab-authored-caption', attrs: { 'aria-hidden': 'true' } }, t.customInstructions),
      h(
        'div',
        { class: 'vx-instructions sl-markdown-content', attrs: textAttrs },
        ...safeMarkdownNodes(parseSafeMarkdown(exercise.instructions[lang])),
      ),
    ),
    h('h2', { class: 'vx-subtitle' }, s.tasks),
    h('ol', { class: 'vx-tasks' }, ...tasks),
    h(
      'div',
      { class: 'vx-actions' },
      h(
        'button',
        { class: 'vl-button vl-primary vx-button', attrs: { type: 'button', 'data-action': 'check' } },
        s.check,
      ),
      h('span', {
        class: 'vx-progress',
        attrs: { 'data-progress': '', role: 'status', 'aria-live': 'polite' },
      }),
      h('p', { class: 'vx-note' }, s.autoCheckNote),
    ),
    h('p', { class: 'vx-success', attrs: { 'data-success': '', hidden: '', role: 'status' } }),
    h('p', { class: 'vx-storage', attrs: { 'data-storage': '', hidden: '' } }),
    h(
      'div',
      { class: 'vx-solution' },
      h(
        'button',
        { class: 'vl-button vx-button', attrs: { type: 'button', 'data-action': 'solution', disabled: '' } },
        s.solution,
      ),
      h('span', { class: 'vx-note', attrs: { 'data-solution-locked': '' } }, s.solutionLocked),
      h(
        'div',
        { attrs: { 'data-solution': '', hidden: '' } },
        h('h2', { class: 'vx-subtitle' }, s.solutionHeading),
        h('pre', { class: 'vx-code' }, h('code', {}, exercise.solution)),
      ),
    ),
  );
  return root;
}
