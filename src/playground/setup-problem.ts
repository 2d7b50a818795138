// Where a failed setup script is told (an exercise's on the exercise, src/lab/exercise-element.ts; a playground's
// own on the playground): what went wrong and what to do, in a live region that is on the page from the start
// (so a screen reader announces it when it fills), and the first lines of the script's output in a <details>.
// Gone again once the script runs (and passes) on a later start.
import type { MachineClient } from './machine-client.ts';
import {
  outputPreview,
  type SetupOutcome,
  type SetupProblemTexts,
  setupFailed,
  setupProblemText,
} from './setup-outcome.ts';
import type { PlaygroundStrings } from './strings.ts';

export interface SetupProblemStrings extends SetupProblemTexts {
  /** The <details>' summary. */
  output: string;
  /** The summary when only the beginning of the output is shown. */
  outputCut: string;
}

export interface SetupProblem {
  /** The box: empty (and taking no room) until a setup fails. */
  element: HTMLElement;
  /** Shows how the setup went: a failure is told, anything else (running, passed, none yet) clears it. */
  show(outcome: SetupOutcome | undefined): void;
}

/** A box of class `className` that tells a setup's failure in `strings`. */
export function createSetupProblem(className: string, strings: SetupProblemStrings): SetupProblem {
  const element = document.createElement('div');
  element.className = className;
  element.dataset.setupProblem = '';
  const message = document.createElement('p');
  message.dataset.setupMessage = '';
  message.setAttribute('role', 'status');
  message.setAttribute('aria-live', 'polite');
  const details = document.createElement('details');
  details.hidden = true;
  const summary = document.createElement('summary');
  const pre = document.createElement('pre');
  const code = document.createElement('code');
  code.dataset.setupOutput = '';
  pre.append(code);
  details.append(summary, pre);
  element.append(message, details);
  return {
    element,
    show(outcome) {
      if (!setupFailed(outcome)) {
        delete element.dataset.failed;
        message.textContent = '';
        details.hidden = true;
        return;
      }
      element.dataset.failed = outcome.status;
      message.textContent = setupProblemText(outcome, strings);
      const preview = outputPreview(outcome.status === 'error' ? '' : outcome.output);
      details.hidden = preview.text === '';
      summary.textContent = preview.cut ? strings.outputCut : strings.output;
      code.textContent = preview.cut ? `${preview.text}\n…` : preview.text;
    },
  };
}

/**
 * The playground's own setup (`<LinuxPlayground setup="…">`): its failure is told under the playground's bar.
 * Returns its cleanup. Nothing is added for a playground without one.
 */
export function mountSetupProblem(
  root: HTMLElement,
  machine: MachineClient,
  strings: PlaygroundStrings,
): () => void {
  const script = root.dataset.setup ?? '';
  if (!script.trim()) return () => {};
  const problem = createSetupProblem('lp-setup-problem', {
    failed: strings.setupFailed,
    timeout: strings.setupTimeout,
    couldNotRun: strings.setupCouldNotRun,
    // The label its Reset shows (a link exercise's machine has its own).
    advice: strings.setupAdvice.replace('{reset}', strings.reset),
    output: strings.setupOutput,
    outputCut: strings.setupOutputCut,
  });
  // After the toolbar's note, before the terminal.
  const note = root.querySelector('.lp-note');
  if (note) note.after(problem.element);
  else root.prepend(problem.element);
  problem.show(machine.setupOutcome(script));
  const off = machine.on('setup', (outcome) => {
    if (outcome.script === script) problem.show(outcome);
  });
  return () => {
    off();
    problem.element.remove();
  };
}
