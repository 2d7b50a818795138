// Tells the guest how big the learner's terminal is, so ls, top, less and vi lay out to what is visible (a
// serial console has no size of its own: programs would assume 80x24). The size goes to the console's tty
// (ttyS0, src/guest/rootfs/etc/inittab) with stty on the program channel, never typed into the learner's
// terminal; the kernel then sends SIGWINCH to whatever runs in the foreground there. Sent when the machine
// becomes ready (a restored machine keeps the size it was saved with) and when the terminal is resized.
import type { Terminal } from '@xterm/xterm';
import type { MachineClient } from './machine-client.ts';

/** The console's tty in the guest. */
export const CONSOLE_TTY = '/dev/ttyS0';
const SETTLE_MS = 150;

/** The command that gives the console `rows` x `cols` (both clamped to what a tty accepts). */
export function sttyCommand(rows: number, cols: number): string {
  const clamp = (n: number) => Math.min(999, Math.max(1, Math.floor(n)));
  return `stty -F ${CONSOLE_TTY} rows ${clamp(rows)} cols ${clamp(cols)}`;
}

/** The size last given to each machine's console, so two playgrounds on a page do not repeat it. */
const applied = new WeakMap<MachineClient, string>();

/**
 * Keeps the guest's console size equal to `terminal`'s while it is on show. `report` gets each size the
 * guest accepted (the playground's `data-guest-size`). Returns a function that stops it.
 */
export function syncGuestSize(
  machine: MachineClient,
  terminal: Terminal,
  visible: () => boolean,
  report: (size: string) => void,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const send = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const { rows, cols } = terminal;
      const size = `${rows}x${cols}`;
      if (machine.status.status !== 'ready' || !visible() || applied.get(machine) === size) return;
      applied.set(machine, size);
      machine.run(sttyCommand(rows, cols), 5_000).then(
        (result) => {
          if (result.exitCode === 0) report(size);
          else applied.delete(machine);
        },
        () => applied.delete(machine),
      );
    }, SETTLE_MS);
  };
  const resized = terminal.onResize(send);
  const offStatus = machine.on('status', ({ status }) => {
    // A new start (or a restore) brings the console's size from the saved state: give it ours again.
    if (status !== 'ready') applied.delete(machine);
    else send();
  });
  send();
  return () => {
    clearTimeout(timer);
    resized.dispose();
    offStatus();
  };
}
