// /progress/: the learner's progress per exercise from the store, export to a JSON file, import (merged, never
// replacing), and a way out when the stored progress is damaged: download it as it is, or start over.
import { exportProgress, importProgress, mergeProgress } from '../exercises/progress.ts';
import { type ExerciseOutline, summarizeExercise } from '../exercises/summary.ts';
import { clearLabData, onLabChange, readProgress, readRawProgress, updateProgress } from './store.ts';
import { fill, type ProgressPageStrings } from './strings.ts';

type Strings = ProgressPageStrings & Record<'todo' | 'passed' | 'passed-with-help', string>;

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const today = () => new Date().toISOString().slice(0, 10);

for (const root of document.querySelectorAll<HTMLElement>('[data-progress-view]')) {
  const exercises = JSON.parse(root.dataset.outlines ?? '[]') as ExerciseOutline[];
  const s = JSON.parse(root.dataset.strings ?? '{}') as Strings;
  const $ = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector) as T;
  const result = $('[data-import-result]');
  const fileInput = $<HTMLInputElement>('[data-action="import"]');
  const exportButton = $<HTMLButtonElement>('[data-action="export"]');

  const say = (text: string, problems: readonly string[] = []) => {
    result.replaceChildren(Object.assign(document.createElement('p'), { textContent: text }));
    if (problems.length) {
      const list = document.createElement('ul');
      for (const problem of problems)
        list.append(Object.assign(document.createElement('li'), { textContent: problem }));
      result.append(list);
    }
  };

  const render = () => {
    const snapshot = readProgress();
    $('[data-storage-note]').hidden = snapshot.persistent;
    $('[data-corrupt]').hidden = !snapshot.corrupt;
    $('[data-corrupt-problems]').replaceChildren(
      ...(snapshot.corrupt?.problems ?? []).map((problem) =>
        Object.assign(document.createElement('li'), { textContent: problem }),
      ),
    );
    // While the stored data is damaged, nothing may overwrite it: the learner chooses first.
    exportButton.disabled = snapshot.corrupt !== null;
    fileInput.disabled = snapshot.corrupt !== null;
    let passed = 0;
    for (const exercise of exercises) {
      const row = root.querySelector<HTMLElement>(`[data-exercise-row="${exercise.id}"]`);
      if (!row) continue;
      const summary = summarizeExercise(snapshot.progress, exercise);
      if (summary.status !== 'todo') passed += 1;
      row.dataset.status = summary.status;
      (row.querySelector('[data-cell="status"]') as HTMLElement).textContent = s[summary.status];
      (row.querySelector('[data-cell="tasks"]') as HTMLElement).textContent =
        `${summary.passedTasks} / ${summary.totalTasks}`;
      (row.querySelector('[data-cell="hints"]') as HTMLElement).textContent = String(summary.hintsUsed);
    }
    $('[data-summary]').textContent = fill(s.summary, { passed, total: exercises.length });
  };

  exportButton.addEventListener('click', () => {
    const snapshot = readProgress();
    if (!snapshot.corrupt) download(`vlab-progress-${today()}.json`, exportProgress(snapshot.progress));
  });

  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      say(fill(s.readFailed, { reason: error instanceof Error ? error.message : String(error) }));
      return;
    }
    const imported = importProgress(text);
    if (!imported.ok) {
      say(s.importFailed, imported.error.problems);
      return;
    }
    updateProgress((progress) => mergeProgress(progress, imported.progress));
    say(fill(s.imported, { n: Object.keys(imported.progress.exercises).length }));
  });

  $('[data-action="download-raw"]').addEventListener('click', () => {
    download(`vlab-progress-damaged-${today()}.json`, readRawProgress() ?? '');
  });
  $('[data-action="start-over"]').addEventListener('click', () => {
    if (!confirm(s.startOverConfirm)) return;
    clearLabData();
    say(s.startedOver);
  });

  render();
  onLabChange(render);
}
