// Fills in the learner's status on the exercise index (/exercises/), and keeps it current.
import type { ExerciseStatus } from '../exercises/progress.ts';
import { type ExerciseOutline, summarizeExercise } from '../exercises/summary.ts';
import { onLabChange, readProgress } from './store.ts';

for (const root of document.querySelectorAll<HTMLElement>('[data-exercise-index]')) {
  const exercises = JSON.parse(root.dataset.outlines ?? '[]') as ExerciseOutline[];
  const labels = JSON.parse(root.dataset.strings ?? '{}') as Record<ExerciseStatus, string>;
  const render = () => {
    const { progress } = readProgress();
    for (const exercise of exercises) {
      const item = root.querySelector<HTMLElement>(`[data-exercise-item="${exercise.id}"]`);
      if (!item) continue;
      const { status } = summarizeExercise(progress, exercise);
      item.dataset.status = status;
      (item.querySelector('[data-status-text]') as HTMLElement).textContent = labels[status];
    }
  };
  render();
  onLabChange(render);
}
