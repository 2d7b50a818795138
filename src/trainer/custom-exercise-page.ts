// Client of <CustomExercise>: the page that runs one of a link's own exercises (`/custom-exercise/#assignment=1.…
// &exercise=<id>`). The link is decoded as hostile (assignment.ts); the exercise is labelled as its author's, not
// the site's; then it is built as a <vlab-exercise> (custom-exercise-view.ts) and runs like a built-in one: its
// setup before the prompt, its checks after each command, progress, hints, the solution, and the assignment's
// report. Not on the chapters' machine, though: the page names the exercise's own machine slot (machine-slot.ts)
// on its <LinuxPlayground machine="link">, whose Start stays disabled until then (and which is hidden when the
// link is unusable), so an untrusted setup never runs where the chapters' work is kept.
import { decodeAssignment } from '../exercises/assignment.ts';
import { customExerciseDigest, customProgressId } from '../exercises/custom-exercise.ts';
import { inBothLanguages } from '../exercises/custom-languages.ts';
import type { LabStrings } from '../lab/strings.ts';
import { linkSlot, MAX_LINK_MACHINES } from '../playground/machine-slot.ts';
import { langOfUrlPath } from '../site/locales.ts';
import { assignmentUrl, isOtherAssignment, splitExerciseFragment } from './catalog.ts';
import { customExerciseElement } from './custom-exercise-view.ts';
import { dataJson, h } from './dom.ts';
import { trainerStrings } from './strings.ts';

async function setUp(root: HTMLElement): Promise<void> {
  const lang = langOfUrlPath(location.pathname);
  const t = trainerStrings[lang];
  const s = dataJson<LabStrings>(root, 'strings');
  const siteIds = dataJson<string[]>(root, 'siteIds');
  const { assignment: fragment, exercise: id } = splitExerciseFragment(location.hash);
  const playgrounds = document.querySelectorAll<HTMLElement>('linux-playground[data-machine="link"]');
  const problem = (text: string, details: readonly string[] = []) => {
    // Nothing to run: no machine either.
    for (const playground of playgrounds) playground.hidden = true;
    root.replaceChildren(
      h(
        'div',
        { class: 'vlab-note-box vlab-problem', attrs: { 'data-state': 'bad-link', role: 'alert' } },
        h('p', {}, text),
        details.length > 0 ? h('p', {}, t.problemsHeading) : null,
        details.length > 0 ? h('ul', {}, ...details.slice(0, 20).map((line) => h('li', {}, line))) : null,
      ),
    );
  };
  if (fragment === '' || fragment === '#') {
    problem(t.noLink);
    return;
  }
  const result = await decodeAssignment(fragment, siteIds);
  if (!result.ok) {
    problem(`${t.badLink} ${t.badLinkReason[result.error.reason]}`, result.error.problems);
    return;
  }
  const written = result.assignment.custom?.find((candidate) => candidate.id === id);
  if (!written) {
    problem(t.customNotFound);
    return;
  }
  const digest = await customExerciseDigest(written);
  // Written in one language, it is shown in that language on either page, with a note (custom-exercise-view.ts).
  const exercise = inBothLanguages(written);
  // The exercise's own machine, one per version as its progress (before the exercise's element asks for it).
  const slot = linkSlot(customProgressId(exercise.id, digest));
  for (const playground of playgrounds) playground.dataset.machineSlot = slot;
  document.title = `${exercise.title[lang]} | ${document.title}`;
  root.replaceChildren(
    h(
      'h2',
      {
        class: 'vlab-h2',
        attrs: {
          'data-custom-title': '',
          ...(exercise.onlyIn && exercise.onlyIn !== lang ? { lang: exercise.onlyIn } : {}),
        },
      },
      exercise.title[lang],
    ),
    h(
      'p',
      { class: 'vlab-note-box', attrs: { 'data-custom-author': '' } },
      h('strong', {}, t.customBadge),
      ' ',
      t.customAuthor,
    ),
    // It runs on a machine of its own, kept for the few most recent link exercises, with its own reset.
    h(
      'p',
      { class: 'vlab-note-box', attrs: { 'data-custom-machine': slot } },
      t.customMachine.replace('{max}', String(MAX_LINK_MACHINES)),
    ),
    h(
      'p',
      {},
      h('a', { attrs: { href: assignmentUrl(location.origin, lang, fragment) } }, t.backToAssignment),
    ),
    customExerciseElement(exercise, digest, lang, s),
  );
  // The element that runs it, as <Exercise> loads it: only once there is an exercise to run.
  await import('../lab/exercise-element.ts');
}

for (const root of document.querySelectorAll<HTMLElement>('[data-custom-exercise]')) {
  const shown = location.hash;
  void setUp(root);
  // Another exercise of the link, or another link: start over on the new fragment. Any other fragment (the
  // skip link's #_top) leaves the exercise as it is.
  window.addEventListener('hashchange', () => {
    if (isOtherAssignment(location.hash, shown)) location.reload();
  });
}
