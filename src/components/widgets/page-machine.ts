// How a widget reaches the page's one machine: the same MachineClient the <linux-playground> terminals use.
import { getMachine, type MachineClient } from '../../playground/machine-client.ts';

export { getMachine, type MachineClient };

/** Dispatched on `document` after a widget ran something in the guest that may have changed what others show. */
export const GUEST_CHANGED = 'vlab:guest-changed';

interface PlaygroundElement extends HTMLElement {
  activate(): Promise<unknown>;
}

/**
 * Starts the page's machine the way the learner would: through the page's playground, so its terminal shows
 * the machine too (and runs its setup script). Without a playground on the page, starts the machine alone.
 */
export function startPageMachine(): void {
  const playground = document.querySelector<PlaygroundElement>('linux-playground');
  if (playground && typeof playground.activate === 'function') {
    void playground.activate().catch(() => {
      // The playground shows its own download error and Retry button.
    });
  } else {
    const machine = getMachine();
    if (!machine.started) machine.start();
  }
}

/** Resolves when the machine is ready; rejects if it fails to start (its error is shown by the playground). */
export function whenReady(machine: MachineClient): Promise<void> {
  if (machine.status.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const off = machine.on('status', ({ status, error }) => {
      if (status === 'ready') {
        off();
        resolve();
      } else if (status === 'error') {
        off();
        reject(new Error(error?.message ?? 'the machine did not start'));
      }
    });
  });
}
