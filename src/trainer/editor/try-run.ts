// "Try" and "Stop": the proof on fresh throwaway guests in the page (try-exercise.ts, scratch-guest.ts), its
// stages shown as they come (try-view.ts), and Stop, which disposes the guests at once and leaves the results
// so far on the page. Testing hooks on the root: data-trying while it runs, data-try-guests (guests up so
// far), data-tried (ok | problems | stopped | error) when it ends.
import { tryExercise } from '../../exercises/try-exercise.ts';
import { h } from '../dom.ts';
import { fill } from '../strings.ts';
import type { EditorContext } from './context.ts';
import { stageElement, timingsElement } from './try-view.ts';

export function wireTry(context: EditorContext): void {
  const { root, t, lang, say } = context;
  const tryButton = context.find<HTMLButtonElement>('[data-action="try"]');
  const stopButton = context.find<HTMLButtonElement>('[data-action="stop-try"]');
  const tryMessage = context.find('[data-try-message]');
  const tryResults = context.find('[data-try-results]');
  if (!tryButton || !stopButton || !tryMessage || !tryResults) return;
  /** The try under way, if any: aborting it is Stop. */
  let running: AbortController | undefined;
  context.onChecked.push((valid) => {
    tryButton.disabled = running !== undefined || !valid;
  });

  stopButton.addEventListener('click', () => {
    if (!running || running.signal.aborted) return;
    running.abort();
    stopButton.disabled = true;
    say(tryMessage, t.stopping, false);
  });

  tryButton.addEventListener('click', async () => {
    // Text typed within the check delay is what the trainer means to try: check it now.
    await context.checkNow();
    const current = context.current();
    if (!current || running) return;
    const exercise = { ...current, folder: current.id };
    const stop = new AbortController();
    running = stop;
    tryButton.disabled = true;
    stopButton.hidden = false;
    stopButton.disabled = false;
    root.dataset.trying = 'true';
    root.dataset.tryGuests = '0';
    delete root.dataset.tried;
    tryResults.replaceChildren();
    say(tryMessage, t.trying, false);
    let stageIndex = 0;
    const nearMissCount = exercise.nearMisses?.length ?? 0;
    const stageNames = [t.stageSetup, ...(exercise.nearMisses ?? []).map((miss) => miss.title[lang])];
    let guestsStarted = 0;
    let guestsUp = 0;
    try {
      // Loaded on the first try: the scratch guest brings the emulator worker with it.
      const { startScratchGuest } = await import('../../playground/scratch-guest.ts');
      const result = await tryExercise(
        exercise,
        async (signal) => {
          say(
            tryMessage,
            fill(t.tryStarting, { stage: stageNames[Math.min(guestsStarted, nearMissCount)] ?? '' }),
            false,
          );
          guestsStarted++;
          const guest = await startScratchGuest(signal);
          root.dataset.tryGuests = String(++guestsUp);
          if (!stop.signal.aborted) say(tryMessage, t.trying, false);
          return guest;
        },
        {
          signal: stop.signal,
          onStage: (stage) => {
            tryResults.append(
              stageElement(stage, stage.kind === 'near-miss' ? stageIndex++ : 0, exercise, lang, t),
            );
          },
        },
      );
      const n = result.problems.length;
      if (result.stopped) say(tryMessage, t.tryStopped, false);
      else
        say(
          tryMessage,
          result.ok
            ? result.timings.some((timing) => timing.overBudget)
              ? t.tryOkSlow
              : t.tryOk
            : fill(n === 1 ? t.tryProblem : t.tryProblems, { n }),
          !result.ok,
        );
      if (result.timings.length > 0) tryResults.append(timingsElement(result.timings, exercise, lang, t));
      if (n > 0)
        tryResults.append(
          h(
            'details',
            { class: 'vlab-try-proof' },
            h('summary', {}, t.proofLines),
            h('pre', { class: 'vlab-evidence' }, result.problems.join('\n')),
          ),
        );
      root.dataset.tried = result.stopped ? 'stopped' : result.ok ? 'ok' : 'problems';
    } catch (error) {
      say(
        tryMessage,
        fill(t.tryFailed, { error: error instanceof Error ? error.message : String(error) }),
        true,
      );
      root.dataset.tried = 'error';
    } finally {
      running = undefined;
      delete root.dataset.trying;
      stopButton.hidden = true;
      tryButton.disabled = !context.current();
    }
  });
}
