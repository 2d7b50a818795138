// Everything a started playground needs, loaded on demand (xterm, the machine client, the worker):
// nothing here is downloaded before the learner starts a playground.
import type { MachineNotice } from '../emulator/worker-protocol.ts';
import { syncGuestSize } from './guest-size.ts';
import { getMachine, type MachineEvents } from './machine-client.ts';
import { mountSaveProblem } from './save-problem.ts';
import { mountSetupProblem } from './setup-problem.ts';
import type { PlaygroundStrings } from './strings.ts';
import { createTerminalPanel } from './terminal.ts';

export interface PlaygroundController {
  /** Detaches this terminal; the page's machine keeps running for the other playgrounds. */
  dispose(): void;
  /**
   * Types a command into the learner's terminal and presses Enter, once the machine is ready; `focus`: the
   * terminal takes focus (default).
   */
  type(command: string, options?: { focus?: boolean }): Promise<void>;
}

/**
 * How long a notice that stops being news stays: "restored" is stale once the learner has seen it and typed
 * a command (or after a while); "saved machine was corrupt" lasts longer. "Cannot store" stays: it stays true.
 */
const NOTICE_FADES: Partial<Record<MachineNotice, { afterMs: number; onCommand: boolean }>> = {
  'restored-saved': { afterMs: 20_000, onCommand: true },
  'saved-corrupt': { afterMs: 30_000, onCommand: false },
};
/** Notices already faded, per start (the client's `notices` array is new on each start). */
const fadedNotices = new WeakMap<readonly MachineNotice[], Set<MachineNotice>>();

/** Numbers the playgrounds of a page, for the ids their terminals' descriptions point at. */
let playgroundCount = 0;

function formatBytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

export function attach(root: HTMLElement, strings: PlaygroundStrings): PlaygroundController {
  const $ = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector) as T;
  const status = $('.lp-status');
  const note = $('.lp-note');
  const progress = $<HTMLProgressElement>('.lp-progress');
  const bytes = $('.lp-bytes');
  const retry = $<HTMLButtonElement>('[data-action="retry"]');
  const reset = $<HTMLButtonElement>('[data-action="reset"]');
  const takeOver = $<HTMLButtonElement>('[data-action="take-over"]');
  const screenReader = $<HTMLInputElement>('[data-action="screen-reader"]');
  const start = $<HTMLButtonElement>('[data-action="start"]');
  const exitHint = $('.lp-exit-hint');
  exitHint.id ||= `lp-exit-hint-${++playgroundCount}`;

  const machine = getMachine();
  const panel = createTerminalPanel($('.lp-terminal'), strings, exitHint.id);
  panel.terminal.write(machine.replay);

  const show = (element: HTMLElement, visible: boolean) => {
    element.hidden = !visible;
  };
  const say = (text: string) => {
    if (text === '') delete note.dataset.notice;
    note.textContent = text;
    show(note, text !== '');
  };

  const errorText = (code: string, message: string) =>
    ({
      'download-failed': strings.downloadFailed,
      crashed: strings.crashed,
      hung: strings.hung,
      'no-wasm': strings.noWasm,
      elsewhere: strings.elsewhere,
      moved: strings.moved,
    })[code] ?? strings.errorDetail.replace('{message}', message);

  const onStatus = ({ status: state, error }: MachineEvents['status']) => {
    root.dataset.status = state === 'ready' ? 'ready' : state === 'error' ? 'error' : 'loading';
    show(start, false);
    show(progress, state === 'downloading');
    show(bytes, state === 'downloading');
    // Another tab runs the learner's machine: the only way on is to bring it here.
    const elsewhere = error?.code === 'elsewhere' || error?.code === 'moved';
    // What this tab's machine showed before it stopped in favour of another tab's is not the machine anymore.
    if (error?.code === 'elsewhere') panel.terminal.reset();
    show(retry, state === 'error' && !elsewhere && error?.code !== 'no-wasm' && error?.code !== 'hung');
    show(reset, state === 'ready' || (state === 'error' && !elsewhere && error?.code !== 'no-wasm'));
    show(takeOver, state === 'error' && elsewhere);
    show(screenReader.parentElement as HTMLElement, state === 'ready');
    show(exitHint, state === 'ready');
    status.textContent = state === 'error' && error ? errorText(error.code, error.message) : strings[state];
    if (state === 'ready') {
      // Take focus only when the learner asked (Start, Run), never for a playground that started on scroll.
      if (root.dataset.focusOnReady) panel.terminal.focus();
      delete root.dataset.focusOnReady;
      root.dataset.timings = JSON.stringify(machine.timings);
    }
  };

  let fadeTimer: ReturnType<typeof setTimeout> | undefined;
  let offFadeCommand: (() => void) | undefined;
  const stopFading = () => {
    clearTimeout(fadeTimer);
    offFadeCommand?.();
    offFadeCommand = undefined;
  };
  const fade = (notice: MachineNotice) => {
    const notices = machine.notices;
    const faded = fadedNotices.get(notices) ?? new Set();
    fadedNotices.set(notices, faded.add(notice));
    stopFading();
    if (note.dataset.notice !== notice) return;
    // The CSS fades it out (at once with reduced motion), then it goes.
    note.dataset.fading = '';
    fadeTimer = setTimeout(() => {
      delete note.dataset.fading;
      delete note.dataset.notice;
      say('');
    }, 600);
  };
  const sayNotice = (notice: MachineNotice) => {
    if (fadedNotices.get(machine.notices)?.has(notice)) return;
    stopFading();
    delete note.dataset.fading;
    say(
      {
        'restored-saved': strings.restoredSaved,
        'saved-corrupt': strings.savedCorrupt,
        'not-persistent': strings.notPersistent,
        replayed: strings.replayed.replace('{count}', String(machine.replayedLines)),
      }[notice],
    );
    note.dataset.notice = notice;
    const rule = NOTICE_FADES[notice];
    if (!rule) return;
    fadeTimer = setTimeout(() => fade(notice), rule.afterMs);
    if (rule.onCommand) {
      // Seen and acted on: go a little after the learner's next command.
      offFadeCommand = machine.on('command', () => {
        clearTimeout(fadeTimer);
        fadeTimer = setTimeout(() => fade(notice), 1_500);
      });
    }
  };
  // Notices that came while this panel's code was still downloading.
  for (const notice of machine.notices) sayNotice(notice);

  const subscriptions = [
    machine.on('status', onStatus),
    machine.on('output', (text) => panel.terminal.write(text)),
    machine.on('progress', ({ done, total }) => {
      // A download still running after another one failed must not hide the error.
      if (machine.status.status !== 'downloading') return;
      progress.max = total;
      progress.value = done;
      // Outside the live region: a screen reader announces the step, not every chunk.
      bytes.textContent = strings.bytes
        .replace('{done}', formatBytes(done))
        .replace('{total}', formatBytes(total));
    }),
    machine.on('notice', sayNotice),
    machine.on('saved', (at) => {
      root.dataset.savedAt = String(at);
    }),
    // What the last save cost (see SaveReport), for `npm run bench:save` and tests.
    machine.on('save-report', (report) => {
      root.dataset.lastSave = JSON.stringify(report);
    }),
    // Storage full: the learner is told, with ways on (save-problem.ts).
    mountSaveProblem(root, machine, strings),
    // Its own setup script failed (an exercise's setup is told on the exercise).
    mountSetupProblem(root, machine, strings),
  ];

  // The machine client saves by itself: when a command settles, every minute, and when the page is hidden
  // or left; what is typed in between is kept by its input journal (input-journal.ts).
  panel.onInput((data) => machine.sendInput(data));

  retry.addEventListener('click', () => machine.start());
  takeOver.addEventListener('click', () => {
    root.dataset.focusOnReady = '1';
    panel.terminal.reset();
    say('');
    void machine.takeOver();
  });
  reset.addEventListener('click', () => {
    if (confirm(strings.resetConfirm)) {
      panel.terminal.reset();
      say('');
      machine.reset();
    }
  });
  screenReader.addEventListener('change', () => panel.setScreenReaderMode(screenReader.checked));

  onStatus(machine.status);
  const stopSizing = syncGuestSize(
    machine,
    panel.terminal,
    () => $('.lp-terminal').offsetHeight > 0,
    (size) => {
      root.dataset.guestSize = size;
    },
  );

  return {
    dispose() {
      stopFading();
      stopSizing();
      for (const unsubscribe of subscriptions) unsubscribe();
      panel.dispose();
    },
    async type(command, { focus = true } = {}) {
      if (machine.status.status !== 'ready') {
        await new Promise<void>((resolve) => {
          const off = machine.on('status', ({ status: state }) => {
            if (state === 'ready') {
              off();
              resolve();
            }
          });
        });
      }
      if (focus) panel.terminal.focus();
      // As typing does (xterm's scrollOnUserInput): a Run shows its command and output, even if the learner had
      // scrolled the terminal back.
      panel.terminal.scrollToBottom();
      machine.sendInput(`${command}\r`);
    },
  };
}
