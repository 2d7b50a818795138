// The sidebar's exercise badges: passed/total next to each chapter with exercises and next to the exercise
// index. Runs on every page, so it reads progress leniently and imports no schema (see lenient-progress.ts).
import { CHANGE_EVENT, PROGRESS_KEY, passedExerciseIds } from '../exercises/lenient-progress.ts';
import type { ExerciseOutline } from '../exercises/summary.ts';

function readRaw(): string | null {
  try {
    return localStorage.getItem(PROGRESS_KEY);
  } catch {
    return null;
  }
}

const source = document.querySelector<HTMLElement>('[data-sidebar-status]');
if (source) {
  const exercises = JSON.parse(source.dataset.sidebarStatus ?? '[]') as ExerciseOutline[];
  // With its parentheses, full-width in Japanese: "（1 / 9 完了）", "(1 of 9 done)".
  const label = source.dataset.label ?? '({passed}/{total})';
  const links = [...document.querySelectorAll<HTMLAnchorElement>('#starlight__sidebar a[href]')];

  const badge = (link: HTMLAnchorElement, inScope: readonly ExerciseOutline[], passed: Set<string>) => {
    const done = inScope.filter((exercise) => passed.has(exercise.id)).length;
    let span = link.querySelector<HTMLElement>('.lab-sidebar-badge');
    if (!span) {
      span = document.createElement('span');
      span.className = 'lab-sidebar-badge';
      link.append(span);
    }
    const all = done === inScope.length;
    span.toggleAttribute('data-done', all);
    const visible = Object.assign(document.createElement('span'), {
      textContent: all ? '✓' : `${done}/${inScope.length}`,
    });
    visible.setAttribute('aria-hidden', 'true');
    const spoken = Object.assign(document.createElement('span'), {
      className: 'sr-only',
      textContent: ` ${label.replace('{passed}', String(done)).replace('{total}', String(inScope.length))}`,
    });
    span.replaceChildren(visible, spoken);
  };

  const render = () => {
    const passed = passedExerciseIds(readRaw(), exercises);
    for (const link of links) {
      const path = new URL(link.href).pathname.replace(/^\/en\//, '/');
      const chapter = /^\/chapters\/([^/]+)\/$/.exec(path)?.[1];
      const inScope =
        path === '/exercises/'
          ? exercises
          : chapter
            ? exercises.filter((exercise) => exercise.chapter === chapter)
            : [];
      if (inScope.length > 0) badge(link, inScope, passed);
    }
  };
  render();
  window.addEventListener(CHANGE_EVENT, render);
  window.addEventListener('storage', (event) => {
    if (event.key === null || event.key === PROGRESS_KEY) render();
  });
}
