// The only playground code on a page before the learner starts anything: the <linux-playground> element,
// which loads the rest (./attach.ts, xterm, the emulator worker) on Start, and the Run buttons on shell code
// blocks. Keep it tiny: it counts against the page's JS budget.
import type { PlaygroundController } from './attach.ts';
import type { PlaygroundDock } from './dock.ts';
import { holdPlace } from './hold-place.ts';
import { getMachine, pageMachineSlot } from './machine-client.ts';
import { recordKey } from './machine-slot.ts';
import type { PlaygroundStrings } from './strings.ts';

const SHELL_LANGUAGES = new Set(['sh', 'bash', 'shell', 'shellscript', 'console']);

class LinuxPlaygroundElement extends HTMLElement {
  static observedAttributes = ['data-machine-slot'];
  #controller: Promise<PlaygroundController> | undefined;
  #strings = {} as PlaygroundStrings;
  #dock: PlaygroundDock | undefined;
  #wired = false;

  connectedCallback(): void {
    this.#strings = JSON.parse(this.dataset.strings ?? '{}') as PlaygroundStrings;
    this.querySelector('[data-action="start"]')?.addEventListener('click', () => {
      this.dataset.focusOnReady = '1';
      void this.activate();
    });
    if (!this.#waitsForSlot()) this.#wire();
  }

  /** A link exercise's page named its machine (data-machine-slot): the playground can start now. */
  attributeChangedCallback(): void {
    if (this.isConnected && !this.#waitsForSlot()) this.#wire();
  }

  /**
   * A link exercise's playground (data-machine="link") until its page has named the exercise's own machine:
   * Start stays disabled (as rendered) and nothing touches a machine, so the chapters' is never used here.
   */
  #waitsForSlot(): boolean {
    return this.dataset.machine === 'link' && !this.dataset.machineSlot;
  }

  /** Once per element: the attribute can come before connectedCallback (set before the element was upgraded). */
  #wire(): void {
    if (this.#wired) return;
    this.#wired = true;
    const start = this.querySelector<HTMLButtonElement>('[data-action="start"]');
    if (start) start.disabled = false;
    // The worker's thread comes up before the learner clicks (see MachineClient.prewarm).
    const prewarm = () => getMachine().prewarm();
    start?.addEventListener('pointerenter', prewarm, { once: true });
    start?.addEventListener('focus', prewarm, { once: true });
    const near = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        near.disconnect();
        prewarm();
      },
      { rootMargin: '300px' },
    );
    near.observe(this);
    // When the page is idle (a reload can land far from the playground, so not on approach).
    const idle = window.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 200));
    idle(() => {
      if (this.dataset.status === 'idle') void this.#describeStart();
    });
    if (this.dataset.autostart === 'visible') {
      const observer = new IntersectionObserver((entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          observer.disconnect();
          void this.activate();
        }
      });
      observer.observe(this);
    }
  }

  disconnectedCallback(): void {
    void this.#controller?.then((controller) => controller.dispose());
  }

  /** Starts (or joins) the page's machine and loads the terminal, in parallel. Safe to call again. */
  activate(): Promise<PlaygroundController> {
    if (!this.#controller) {
      // The machine starts at once, while the terminal's code is still downloading: its output is buffered
      // and replayed into the terminal. Setup scripts are registered first so they run before the prompt.
      const machine = getMachine();
      void machine.addSetup(this.dataset.setup ?? '');
      if (!machine.started) machine.start();
    }
    this.#controller ??= import('./attach.ts')
      .then(({ attach }) => attach(this, this.#strings))
      .catch((error: unknown) => {
        // The code itself could not be downloaded: say so and let the learner try again.
        this.#controller = undefined;
        this.dataset.status = 'error';
        const status = this.querySelector('.lp-status');
        if (status) status.textContent = this.#strings.downloadFailed;
        const start = this.querySelector<HTMLButtonElement>('[data-action="start"]');
        if (start) start.textContent = this.#strings.retry;
        throw error;
      });
    this.dataset.status = this.dataset.status === 'idle' ? 'loading' : (this.dataset.status ?? 'loading');
    return this.#controller;
  }

  /**
   * Types a command into this playground's terminal, starting the machine first if needed. The page does not
   * scroll: a playground that is not entirely on screen docks to the bottom of the window (./dock.ts).
   * `focusTerminal`: whether the terminal takes focus (a pointer's Run) or it stays where it is (a keyboard's
   * Run: the learner keeps their place in the page's tab order, which the docked terminal is not part of).
   */
  async runCommand(command: string, { focusTerminal = true } = {}): Promise<void> {
    if (focusTerminal) this.dataset.focusOnReady = '1';
    // Docked before it starts: the placeholder takes the idle height, which is what the page had.
    const { createDock, fullyVisible } = await import('./dock.ts');
    this.#dock ??= createDock(this, this.#strings);
    if (this.#dock.docked || !fullyVisible(this)) this.#dock.dock();
    await (await this.activate()).type(command, { focus: focusTerminal });
  }

  /** Says what Start will do: restore this browser's machine, boot the guest it keeps, or download it. */
  async #describeStart(): Promise<void> {
    const files = JSON.parse(this.dataset.guestFiles ?? '{}') as Record<string, { sha256?: string }>;
    const { probeStartSource } = await import('./stored-machine-probe.ts');
    const source = await probeStartSource(files['state.bin.zst']?.sha256 ?? '', recordKey(pageMachineSlot()));
    const status = this.querySelector('.lp-status');
    if (source === 'download' || !status || this.dataset.status !== 'idle') return;
    status.textContent = source === 'saved' ? this.#strings.startHintRestore : this.#strings.startHintCached;
    this.dataset.startSource = source;
  }
}

/** The playground a Run button feeds: the nearest one above the code block, else the first on the page. */
function playgroundFor(block: Element): LinuxPlaygroundElement | null {
  const all = [...document.querySelectorAll<LinuxPlaygroundElement>('linux-playground')];
  const above = all.filter((p) => p.compareDocumentPosition(block) & Node.DOCUMENT_POSITION_FOLLOWING);
  return above.at(-1) ?? all[0] ?? null;
}

/** Adds a Run button next to Expressive Code's Copy button on every shell code block. */
function addRunButtons(strings: PlaygroundStrings): void {
  for (const pre of document.querySelectorAll<HTMLElement>('.expressive-code pre[data-language]')) {
    if (!SHELL_LANGUAGES.has(pre.dataset.language ?? '')) continue;
    const figure = pre.closest('figure');
    if (!figure || figure.querySelector('.lp-run')) continue;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'lp-run';
    button.textContent = strings.run;
    button.setAttribute('aria-label', strings.runLabel);
    button.addEventListener('click', async (event) => {
      const command = [...pre.querySelectorAll('.ec-line')].map((line) => line.textContent ?? '').join('\n');
      const playground = playgroundFor(figure);
      if (!playground) return;
      // The block shows that its command ran: waiting (for the machine), then done (Run again).
      button.dataset.run = 'waiting';
      button.textContent = strings.runWaiting;
      // Its name is what it shows (WCAG 2.5.3), until it says what ran.
      button.removeAttribute('aria-label');
      try {
        // A click from the keyboard (Enter, Space) has no pointer behind it (detail 0): focus stays on Run.
        const ran = playground.runCommand(command.trim(), { focusTerminal: event.detail > 0 });
        holdPlace(figure, ran);
        await ran;
        button.dataset.run = 'done';
        figure.dataset.ran = '';
        button.textContent = strings.runAgain;
        button.setAttribute('aria-label', strings.ranLabel);
      } catch {
        delete button.dataset.run;
        button.textContent = strings.run;
        button.setAttribute('aria-label', strings.runLabel);
      }
    });
    figure.append(button);
  }
}

customElements.define('linux-playground', LinuxPlaygroundElement);
const first = document.querySelector<HTMLElement>('linux-playground');
if (first) addRunButtons(JSON.parse(first.dataset.strings ?? '{}') as PlaygroundStrings);
