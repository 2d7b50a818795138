// <vlab-exercise>, rendered by <Exercise>: runs the exercise's checks on Check and automatically, and keeps
// progress in the store. A linux exercise's checks run on the page's machine (program channel, never the
// terminal) after every command the learner types; a widget exercise's run on its widget's state after each
// change (widget-exercise.ts, imported only then) and never start the machine.
// Eager on the page, so it stays small: zod/mini for progress, no terminal code (the playground loads that).
import { type CommandRunner, runChecks, type TaskCheckResult } from '../exercises/check-runner.ts';
import { type ExerciseView, exerciseView } from '../exercises/exercise-view.ts';
import { CHECK_TIMEOUT_MS } from '../exercises/limits.ts';
import { own } from '../exercises/own.ts';
import { type Progress, recordCheck, recordHints, recordSolutionShown } from '../exercises/progress.ts';
import { holdPlace } from '../playground/hold-place.ts';
import { getMachine, type MachineClient } from '../playground/machine-client.ts';
import { CommandSettler } from './command-settle.ts';
import { onLabChange, readCheckRuns, readProgress, recordCheckRun, updateProgress } from './store.ts';
import { fill, joinSentences, type LabStrings, sentenceGap } from './strings.ts';
import type { WidgetLink } from './widget-exercise.ts';

// Per check: CHECK_TIMEOUT_MS (src/exercises/limits.ts, the proof's own); `data-check-timeout-ms` overrides it (tests).

/**
 * A command run in the background (`unshare … sleep 100000 &`) changes the state after the prompt is back, so
 * an automatic check that did not pass everything looks again after these delays (each after the one before;
 * unless another command came first). The later ones are for a slow machine (an old laptop or a phone), where a
 * background job can take seconds to start.
 */
const FOLLOW_UPS_MS = [2_000, 5_000, 10_000];

interface Playground extends HTMLElement {
  activate(): Promise<unknown>;
}

/** The machine client as the check runner wants it; a timeout is reported the way the runner expects. */
function runnerFor(machine: MachineClient): CommandRunner {
  return {
    run: (command, { timeoutMs }) =>
      machine.run(command, timeoutMs).catch((error: Error & { output?: string }) => {
        if (error.name === 'CommandTimeoutError')
          throw Object.assign(error, { partialOutput: error.output ?? '' });
        throw error;
      }),
  };
}

/** Resolves true once the machine is ready, false if it failed to start. */
function whenReady(machine: MachineClient): Promise<boolean> {
  if (machine.status.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const off = machine.on('status', ({ status }) => {
      if (status === 'ready' || status === 'error') {
        off();
        resolve(status === 'ready');
      }
    });
  });
}

class ExerciseElement extends HTMLElement {
  #s = {} as LabStrings;
  #id = '';
  #checks: { id: string; check: string }[] = [];
  #taskIds: string[] = [];
  /** The latest check run's results (this page's, else the stored run's): what each task says now. */
  #latest: readonly TaskCheckResult[] = [];
  #view: ExerciseView | undefined;
  #running = false;
  /** A check asked for while one runs: run once more afterwards (manual if any of the askers was). */
  #again: { manual: boolean } | undefined;
  #lastSummary = '';
  #cleanup: (() => void)[] = [];
  #followUp: ReturnType<typeof setTimeout> | undefined;
  /** Commands typed so far: a follow-up check belongs to the latest. */
  #commands = 0;
  /** On screen now, or checked by hand on this page: see #wantsAutoCheck. */
  #onScreen = false;
  #engaged = false;
  /** A widget exercise's link to its widget (loaded with widget-exercise.ts). */
  #widget: Promise<WidgetLink> | undefined;

  connectedCallback(): void {
    this.#s = JSON.parse(this.dataset.strings ?? '{}') as LabStrings;
    this.#id = this.dataset.exercise ?? '';
    this.#taskIds = [...this.querySelectorAll<HTMLElement>('[data-task]')].map((li) => li.dataset.task ?? '');
    this.#checks = JSON.parse(this.dataset.checks ?? '[]') as { id: string; check: string }[];
    this.#latest = own(readCheckRuns(), this.#id)?.results ?? [];
    this.#render();
    this.#cleanup.push(onLabChange(() => this.#render()));

    for (const button of this.querySelectorAll<HTMLButtonElement>('[data-action="hint"]'))
      button.addEventListener('click', () => this.#revealHint(button));
    this.#button('solution').addEventListener('click', () => this.#revealSolution());
    this.#button('check').addEventListener('click', () => {
      this.#engaged = true;
      void this.check(true);
    });

    if (this.dataset.kind === 'widget') this.#connectWidget();
    if (this.dataset.kind !== 'linux') return;
    const machine = getMachine();
    this.#watchSetup(machine);
    void machine.addSetup(this.dataset.setup ?? '');
    const visibility = new IntersectionObserver((entries) => {
      this.#onScreen = entries.some((entry) => entry.isIntersecting);
    });
    visibility.observe(this);
    this.#cleanup.push(() => visibility.disconnect());
    const settler = new CommandSettler(() => {
      clearTimeout(this.#followUp);
      if (machine.status.status !== 'ready' || !this.#wantsAutoCheck()) return;
      const command = this.#commands;
      const checkAgain = (round: number) => (allPassed: boolean) => {
        const delay = FOLLOW_UPS_MS[round];
        // A newer command has its own checks.
        if (allPassed || delay === undefined || command !== this.#commands) return;
        this.#followUp = setTimeout(() => {
          if (machine.status.status !== 'ready') return;
          void this.check(false).then(checkAgain(round + 1));
        }, delay);
      };
      void this.check(false).then(checkAgain(0));
    });
    this.#cleanup.push(
      machine.on('command', () => {
        clearTimeout(this.#followUp);
        this.#commands++;
        settler.command();
      }),
      machine.on('output', (text) => settler.output(text)),
      () => settler.dispose(),
      () => clearTimeout(this.#followUp),
    );
  }

  /**
   * Tells the learner when this exercise's setup fails (each time the machine becomes ready it runs again; a
   * later pass clears it), at the top of the exercise: what to do depends on who wrote it, the site or the
   * link's author (`data-source="link"`, custom-exercise-view.ts).
   */
  #watchSetup(machine: MachineClient): void {
    const script = this.dataset.setup ?? '';
    if (!script.trim()) return;
    // Its own chunk, loaded for linux exercises only (widget exercise pages sit near the JS budget). It comes long
    // before a setup can end (the machine starts when the learner asks), so the live region is there in time.
    void import('../playground/setup-problem.ts').then(({ createSetupProblem }) => {
      if (!this.isConnected || this.querySelector(':scope > [data-setup-problem]')) return;
      this.#showSetupProblems(machine, script, createSetupProblem);
    });
  }

  #showSetupProblems(
    machine: MachineClient,
    script: string,
    createSetupProblem: typeof import('../playground/setup-problem.ts').createSetupProblem,
  ): void {
    const s = this.#s;
    const problem = createSetupProblem('vx-setup-problem', {
      failed: s.setupFailed,
      timeout: s.setupTimeout,
      couldNotRun: s.setupCouldNotRun,
      advice: this.dataset.source === 'link' ? s.setupAdviceLink : s.setupAdviceSite,
      output: s.setupOutput,
      outputCut: s.setupOutputCut,
    });
    const head = this.querySelector(':scope > .vx-head');
    if (head) head.after(problem.element);
    else this.prepend(problem.element);
    problem.show(machine.setupOutcome(script));
    this.#cleanup.push(
      machine.on('setup', (outcome) => {
        if (outcome.script === script) problem.show(outcome);
      }),
      () => problem.element.remove(),
    );
  }

  #connectWidget(): void {
    const widget = import('./widget-exercise.ts').then(({ linkWidget }) =>
      linkWidget(this, {
        widgetId: this.dataset.widgetId ?? '',
        tasks: this.#checks,
        lang: this.dataset.lang === 'en' ? 'en' : 'ja',
        onChange: () => void this.check(false),
      }),
    );
    this.#widget = widget;
    this.#cleanup.push(() => void widget.then((link) => link.dispose()));
    this.#button('solution-state')?.addEventListener('click', async () => {
      await (await widget).show(JSON.parse(this.dataset.solutionState ?? 'null'));
      void this.check(true);
    });
  }

  /**
   * Every check shares the one program channel with the learner's other tools. A chapter page holds many
   * exercises (nine on kernel-features, ~30 checks): checking them all after every command would keep the
   * guest busy for seconds each time. So after a command only exercises not yet passed are checked, and on a
   * page with several, only those on screen or that the learner has checked by hand here.
   */
  #wantsAutoCheck(): boolean {
    // A passed exercise is checked again only while a task of it fails now (so putting it right shows).
    if (this.dataset.status === 'passed' && !this.#view?.failingNow) return false;
    if (document.querySelectorAll('vlab-exercise').length <= 1) return true;
    return this.#onScreen || this.#engaged;
  }

  disconnectedCallback(): void {
    for (const undo of this.#cleanup.splice(0)) undo();
  }

  /**
   * Runs every task's check. `manual`: the learner pressed Check (a linux exercise starts the playground if
   * needed). Resolves
   * whether every task passed in this run (true when the run was only queued behind another).
   */
  async check(manual: boolean): Promise<boolean> {
    if (this.#running) {
      this.#again = { manual: manual || (this.#again?.manual ?? false) };
      return true;
    }
    this.#running = true;
    const progressLine = this.querySelector<HTMLElement>('[data-progress]') as HTMLElement;
    const check = this.#button('check');
    // Check and its announcement stay where the learner has them while the playground above opens and the
    // results above them appear (otherwise a keyboard user's focus ends up below the window).
    let done = () => {};
    if (manual) holdPlace(check, new Promise<void>((resolve) => (done = resolve)));
    try {
      const results = await (this.#widget
        ? this.#widget.then((link) => link.results())
        : this.#machineResults(manual, progressLine));
      if (!results) return false;
      const at = new Date();
      // Corrupt stored progress stays untouched until the learner deals with it on /progress/.
      if (!readProgress().corrupt) {
        recordCheckRun(this.#id, { at, results });
        const together = this.dataset.passTogether === 'true';
        updateProgress((progress) => recordCheck(progress, this.#id, results, at, { together }));
      }
      this.#latest = results;
      const view = this.#render();
      // Announce every manual check, but an automatic one only when something changed.
      const summary = this.#summaryText(view);
      if (manual || summary !== this.#lastSummary) progressLine.textContent = summary;
      this.#lastSummary = summary;
      return results.every((result) => result.passed);
    } finally {
      done();
      check.removeAttribute('aria-busy');
      this.#running = false;
      const again = this.#again;
      this.#again = undefined;
      if (again) void this.check(again.manual);
    }
  }

  /** The linux checks on the page's machine, starting it for a manual check; undefined if it is not running. */
  async #machineResults(manual: boolean, progressLine: HTMLElement): Promise<TaskCheckResult[] | undefined> {
    const machine = getMachine();
    if (machine.status.status !== 'ready') {
      if (!manual) return undefined;
      progressLine.textContent = this.#s.startingMachine;
      const playground = this.#playground();
      if (playground) void playground.activate();
      else if (!machine.started) machine.start();
      if (!(await whenReady(machine))) {
        progressLine.textContent = this.#s.machineError;
        return undefined;
      }
    }
    this.#button('check').setAttribute('aria-busy', 'true');
    if (manual) progressLine.textContent = this.#s.checking;
    const timeoutMs = Number(this.dataset.checkTimeoutMs) || CHECK_TIMEOUT_MS;
    return runChecks(runnerFor(machine), this.#checks, { timeoutMs });
  }

  #summaryText(view: ExerciseView): string {
    return joinSentences([
      fill(this.#s.summary, { passed: view.passed, total: view.tasks.length }),
      view.failingNow > 0 ? fill(this.#s.summaryFailingNow, { n: view.failingNow }) : '',
      view.errors > 0 ? fill(this.#s.summaryErrors, { n: view.errors }) : '',
    ]);
  }

  #stored(progress: Progress | undefined) {
    return progress ? own(progress.exercises, this.#id) : undefined;
  }

  /**
   * Shows stored progress beside the latest check run: a task that passed once stays passed (progress records
   * achievements), and says so plainly when its latest check fails; messages and evidence are the latest run's.
   */
  #render(): ExerciseView {
    const snapshot = readProgress();
    const stored = this.#stored(snapshot.progress);
    const view = exerciseView(snapshot.progress, this.#id, this.#taskIds, this.#latest);
    this.#view = view;
    for (const li of this.querySelectorAll<HTMLElement>('[data-task]')) {
      const taskId = li.dataset.task ?? '';
      const { state, latest } = view.tasks.find((task) => task.taskId === taskId) ?? { state: 'todo' };
      const result = this.#latest.find((r) => r.taskId === taskId);
      // `data-result` keeps the earned pass (hooks and styles rely on it); `data-now` says it does not hold now.
      li.dataset.result = state === 'passed-failing' ? 'passed' : state;
      if (state === 'passed-failing') li.dataset.now = 'failed';
      else delete li.dataset.now;
      const label = li.querySelector('[data-result-label]') as HTMLElement;
      label.textContent = {
        todo: this.#s.notChecked,
        passed: this.#s.resultPassed,
        'passed-failing': this.#s.resultFailingNow,
        failed: this.#s.resultFailed,
        error: this.#s.resultError,
      }[state];
      // What is missing now matters more than the earlier pass; a check that could not run says why.
      const message =
        latest === 'error' ? 'error' : state === 'passed' ? 'pass' : state === 'todo' ? '' : 'fail';
      for (const line of li.querySelectorAll<HTMLElement>('[data-message]'))
        line.hidden = line.dataset.message !== message;
      const errorLine = li.querySelector<HTMLElement>('[data-message="error"]') as HTMLElement;
      if (result?.status === 'error') errorLine.textContent = this.#errorText(result);
      if (result) {
        const details = li.querySelector<HTMLDetailsElement>('details') as HTMLDetailsElement;
        details.hidden = false;
        (details.querySelector('[data-evidence]') as HTMLElement).textContent =
          result.evidence || this.#s.noEvidence;
      }
      this.#showHints(li, (stored && own(stored.tasks, taskId))?.usedHints ?? 0);
    }

    const { status } = view;
    this.dataset.status = status === 'todo' ? 'todo' : 'passed';
    if (status === 'passed-with-help') this.dataset.help = '1';
    else delete this.dataset.help;
    // Scoped: a widget inside the exercise carries its own `data-state` (its model's state).
    (this.querySelector(':scope > .vx-head [data-state]') as HTMLElement).textContent =
      status === 'todo'
        ? this.#s.statusTodo
        : status === 'passed'
          ? this.#s.statusPassed
          : this.#s.statusHelp;
    // "Every task is done" only while every check agrees; an earned pass that fails now is said as such.
    const success = this.querySelector<HTMLElement>('[data-success]') as HTMLElement;
    success.hidden = status === 'todo';
    if (status !== 'todo' && view.failingNow > 0) success.dataset.now = 'failed';
    else delete success.dataset.now;
    success.textContent =
      status === 'todo'
        ? ''
        : view.failingNow > 0
          ? this.#s.successFailingNow
          : status === 'passed'
            ? this.#s.success
            : this.#s.successHelp;

    const solutionShown = stored?.usedSolution ?? false;
    const unlocked = solutionShown || (stored?.attempts ?? 0) > 0;
    this.#button('solution').disabled = !unlocked;
    this.#button('solution').hidden = solutionShown;
    (this.querySelector('[data-solution-locked]') as HTMLElement).hidden = unlocked;
    (this.querySelector('[data-solution]') as HTMLElement).hidden = !solutionShown;

    const note = this.querySelector<HTMLElement>('[data-storage]') as HTMLElement;
    note.hidden = snapshot.persistent && !snapshot.corrupt;
    note.replaceChildren();
    if (snapshot.corrupt) {
      const link = Object.assign(document.createElement('a'), {
        href: this.#s.progressHref,
        textContent: this.#s.progressLink,
      });
      note.append(`${this.#s.corruptShort}${sentenceGap(this.#s.corruptShort)}`, link);
    } else if (!snapshot.persistent) note.textContent = this.#s.noStorage;
    return view;
  }

  #errorText(result: TaskCheckResult): string {
    // check-runner.ts words a timeout this way; anything else is a check that could not run at all.
    return result.error?.startsWith('the check did not finish')
      ? fill(this.#s.timeout, { s: (Number(this.dataset.checkTimeoutMs) || CHECK_TIMEOUT_MS) / 1000 })
      : fill(this.#s.checkFailed, { reason: result.error ?? '' });
  }

  #showHints(li: HTMLElement, shown: number): void {
    const hints = [...li.querySelectorAll<HTMLElement>('[data-hint]')];
    hints.forEach((hint, i) => {
      hint.hidden = i >= shown;
    });
    const button = li.querySelector<HTMLButtonElement>('[data-action="hint"]') as HTMLButtonElement;
    const done = shown >= hints.length;
    button.disabled = done;
    button.textContent = done
      ? this.#s.noMoreHints
      : fill(this.#s.hint, { n: shown + 1, total: hints.length });
  }

  #revealHint(button: HTMLButtonElement): void {
    const li = button.closest<HTMLElement>('[data-task]') as HTMLElement;
    const taskId = li.dataset.task ?? '';
    const shown = li.querySelectorAll('[data-hint]:not([hidden])').length + 1;
    if (readProgress().corrupt) this.#showHints(li, shown);
    else updateProgress((progress) => recordHints(progress, this.#id, taskId, shown));
    const revealed = li.querySelector<HTMLElement>(`[data-hint="${shown}"]`);
    // The button is disabled after the last hint, which would drop focus: move it to that hint.
    if (revealed && button.disabled) {
      revealed.tabIndex = -1;
      revealed.focus();
    }
  }

  #revealSolution(): void {
    if (!confirm(this.#s.solutionConfirm)) return;
    if (!readProgress().corrupt) updateProgress((progress) => recordSolutionShown(progress, this.#id));
    const solution = this.querySelector<HTMLElement>('[data-solution]') as HTMLElement;
    solution.hidden = false;
    this.#button('solution').hidden = true;
    solution.tabIndex = -1;
    solution.focus();
  }

  #button(action: string): HTMLButtonElement {
    return this.querySelector<HTMLButtonElement>(`[data-action="${action}"]`) as HTMLButtonElement;
  }

  /** The playground this exercise checks: the nearest one above it, else the first on the page. */
  #playground(): Playground | null {
    const all = [...document.querySelectorAll<Playground>('linux-playground')];
    const above = all.filter((p) => p.compareDocumentPosition(this) & Node.DOCUMENT_POSITION_FOLLOWING);
    return above.at(-1) ?? all[0] ?? null;
  }
}

customElements.define('vlab-exercise', ExerciseElement);
