// What the playground shows when the machine cannot be saved because the browser's storage is full: what it
// means, and three ways on (try again after freeing space elsewhere, delete what this site keeps and try again,
// go on without saving). The running machine is never touched by any of them.
import type { MachineClient } from './machine-client.ts';
import type { PlaygroundStrings } from './strings.ts';

/** Adds the panel under the playground's notes; returns its cleanup. */
export function mountSaveProblem(
  root: HTMLElement,
  machine: MachineClient,
  strings: PlaygroundStrings,
): () => void {
  const panel = document.createElement('div');
  panel.className = 'lp-save-problem';
  panel.dataset.saveProblem = 'quota';
  panel.setAttribute('role', 'alert');
  panel.hidden = true;
  const text = document.createElement('p');
  const still = document.createElement('p');
  still.hidden = true;
  still.textContent = strings.saveStillFull;
  const actions = document.createElement('div');
  actions.className = 'lp-save-actions';
  const button = (label: string, action: string, onClick: () => Promise<void> | void) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'vl-button';
    b.dataset.action = action;
    b.textContent = label;
    b.addEventListener('click', async () => {
      for (const other of actions.querySelectorAll('button')) other.disabled = true;
      try {
        await onClick();
      } finally {
        for (const other of actions.querySelectorAll('button')) other.disabled = false;
        // Still full after trying: say so beside the choices, which stay.
        still.hidden = machine.saveProblem !== 'quota' || action === 'keep-unsaved';
      }
    });
    return b;
  };
  actions.append(
    button(strings.saveRetry, 'save-retry', () => machine.retrySave().catch(() => undefined)),
    button(strings.saveFreeSpace, 'save-free-space', () => machine.freeSpaceAndSave().catch(() => undefined)),
    button(strings.saveKeepUnsaved, 'keep-unsaved', () => machine.keepUnsaved()),
  );
  text.textContent = strings.saveQuota;
  panel.append(text, still, actions);
  // After the toolbar's note, before the terminal.
  const note = root.querySelector('.lp-note');
  if (note) note.after(panel);
  else root.prepend(panel);

  const update = (problem: 'quota' | null) => {
    panel.hidden = problem !== 'quota';
    if (problem !== 'quota') still.hidden = true;
  };
  update(machine.saveProblem);
  const off = machine.on('save-problem', update);
  return () => {
    off();
    panel.remove();
  };
}
