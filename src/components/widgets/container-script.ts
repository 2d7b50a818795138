// The <container-script> element: a script shown as a code block, editable (a text box at once, Monaco once it
// has loaded on demand), run as root on the page's machine with its output and exit code shown. The learner's
// edits are kept in localStorage per page and script id.
import type { ScriptEditor } from './monaco-editor.ts';
import { GUEST_CHANGED, getMachine, startPageMachine, whenReady } from './page-machine.ts';
import { type ContainerScriptStrings, fill } from './strings.ts';

const SAVE_AFTER_MS = 300;

class ContainerScriptElement extends HTMLElement {
  #strings = {} as ContainerScriptStrings;
  #default = '';
  #editor: ScriptEditor | undefined;
  #saveTimer: ReturnType<typeof setTimeout> | undefined;
  #storageBroken = false;

  get #key(): string {
    return `vlab:container-script:${location.pathname}:${this.dataset.scriptId ?? ''}`;
  }

  connectedCallback(): void {
    this.#strings = JSON.parse(this.dataset.strings ?? '{}') as ContainerScriptStrings;
    this.#default = this.dataset.default ?? '';
    const saved = this.#load();
    if (saved !== undefined && saved !== this.#default) this.#code().textContent = saved;
    this.#button('edit').addEventListener('click', () => void this.#edit());
    this.#button('run').addEventListener('click', () => void this.#run());
    this.#button('reset').addEventListener('click', () => this.#reset());
    this.#showEdited();
  }

  disconnectedCallback(): void {
    this.#flushSave();
    this.#editor?.dispose();
  }

  /** The script as it stands: the editor's text once editing, else the code block's. */
  get script(): string {
    return this.#editor?.getValue() ?? this.#code().textContent ?? '';
  }

  #button(action: string): HTMLButtonElement {
    return this.querySelector<HTMLButtonElement>(`[data-action="${action}"]`) as HTMLButtonElement;
  }

  #code(): HTMLElement {
    return this.querySelector('.cs-code code') as HTMLElement;
  }

  #note(text: string): void {
    const note = this.querySelector(':scope > .cs-note');
    if (note) note.textContent = text;
  }

  #load(): string | undefined {
    try {
      return localStorage.getItem(this.#key) ?? undefined;
    } catch {
      this.#storageBroken = true;
      return undefined;
    }
  }

  #save(): void {
    clearTimeout(this.#saveTimer);
    this.#saveTimer = undefined;
    const text = this.script;
    try {
      if (text === this.#default) localStorage.removeItem(this.#key);
      else localStorage.setItem(this.#key, text);
    } catch {
      this.#storageBroken = true;
    }
    this.#showEdited();
  }

  #flushSave(): void {
    if (this.#saveTimer !== undefined) this.#save();
  }

  #showEdited(): void {
    const edited = this.script !== this.#default;
    this.dataset.edited = String(edited);
    this.#button('reset').hidden = !edited;
    if (this.#storageBroken) this.#note(this.#strings.notSaved);
    else if (edited && !this.#editor) this.#note(this.#strings.edited);
  }

  #changed(): void {
    clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => this.#save(), SAVE_AFTER_MS);
  }

  /** Swaps the code block for a text box at once, then for Monaco when it has loaded. */
  async #edit(): Promise<void> {
    if (this.#editor) {
      this.#editor.focus();
      return;
    }
    const box = this.querySelector('.cs-code') as HTMLElement;
    const textarea = document.createElement('textarea');
    textarea.value = this.script;
    textarea.spellcheck = false;
    textarea.setAttribute('aria-label', this.#strings.editorLabel);
    textarea.addEventListener('input', () => this.#changed());
    box.replaceChildren(textarea);
    this.#editor = {
      getValue: () => textarea.value,
      setValue: (text) => {
        textarea.value = text;
      },
      focus: () => textarea.focus(),
      dispose: () => {},
    };
    this.dataset.editor = 'textarea';
    this.#button('edit').hidden = true;
    textarea.focus();
    this.#note(this.#strings.loadingEditor);
    const started = performance.now();
    try {
      const { createScriptEditor } = await import('./monaco-editor.ts');
      const host = document.createElement('div');
      host.className = 'cs-monaco';
      const editor = createScriptEditor(host, {
        value: textarea.value,
        ariaLabel: this.#strings.editorLabel,
        onChange: () => this.#changed(),
      });
      const hadFocus = document.activeElement === textarea;
      box.replaceChildren(host);
      editor.layout();
      this.#editor = editor;
      this.dataset.editor = 'monaco';
      this.dataset.editorLoadMs = String(Math.round(performance.now() - started));
      if (hadFocus) editor.focus();
      this.#note(this.#strings.editorReady);
    } catch {
      // The text box stays; it does everything the learner needs.
      this.dataset.editor = 'textarea-fallback';
      this.#note(this.#strings.editorFailed);
    }
  }

  #reset(): void {
    if (!confirm(this.#strings.resetConfirm)) return;
    if (this.#editor) this.#editor.setValue(this.#default);
    else this.#code().textContent = this.#default;
    this.#save();
    this.#note('');
  }

  async #run(): Promise<void> {
    this.#flushSave();
    const run = this.#button('run');
    const output = this.querySelector('.cs-output') as HTMLElement;
    const exit = this.querySelector('.cs-exit') as HTMLElement;
    const out = this.querySelector('.cs-out') as HTMLElement;
    const timeoutS = Number(this.dataset.timeout ?? 60);
    const script = this.script;
    run.disabled = true;
    run.textContent = this.#strings.running;
    this.dataset.run = 'running';
    output.hidden = false;
    out.textContent = '';
    const machine = getMachine();
    try {
      if (machine.status.status !== 'ready') {
        // A machine in error is the playground's to reset or retry (it says how); never restart it from here.
        if (machine.status.status === 'error') throw new Error(this.#strings.machineError);
        exit.textContent = this.#strings.startingMachine;
        if (!machine.started) startPageMachine();
        await whenReady(machine).catch(() => {
          throw new Error(this.#strings.machineError);
        });
      }
      exit.textContent = this.#strings.running;
      const started = performance.now();
      const result = await machine.run(script, timeoutS * 1000);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      out.textContent = result.output || this.#strings.noOutput;
      exit.textContent = fill(result.exitCode === 0 ? this.#strings.exit : this.#strings.exitFailed, {
        code: result.exitCode,
        seconds,
      });
      this.dataset.exitCode = String(result.exitCode);
      this.dataset.run = result.exitCode === 0 ? 'done' : 'failed';
    } catch (error) {
      const { name, message, output: partial } = error as Error & { output?: string };
      delete this.dataset.exitCode;
      this.dataset.run = 'failed';
      if (name === 'CommandTimeoutError') {
        exit.textContent = fill(this.#strings.timeout, { seconds: timeoutS });
        out.textContent = partial || this.#strings.noOutput;
      } else {
        exit.textContent = fill(this.#strings.failed, { message });
      }
    } finally {
      run.disabled = false;
      run.textContent = this.#strings.run;
      // The script may have changed the guest (namespaces, mounts): widgets that show it read it again.
      document.dispatchEvent(new CustomEvent(GUEST_CHANGED));
    }
  }
}

customElements.define('container-script', ContainerScriptElement);
