// The two places where the core reaches past v86's public API, kept together so a v86 upgrade
// has one file to check. Both are pinned to v86 0.5.x (src/main.js, src/browser/starter.js).
import type { V86 } from 'v86';

interface InnerLoop {
  do_tick?: () => void;
  stopping?: boolean;
}

/**
 * v86 runs the CPU from timer callbacks, so an exception there (an emulator bug, a wasm trap)
 * would escape to the host as an uncaught error. This wraps the internal tick so it is handed
 * to `onException` instead. If v86 has no such tick, nothing is wrapped.
 */
export function catchEmulatorExceptions(emulator: V86, onException: (cause: unknown) => void): void {
  const inner = (emulator as unknown as { v86?: InnerLoop }).v86;
  const tick = inner?.do_tick;
  if (!inner || typeof tick !== 'function') return;
  inner.do_tick = function wrappedTick(this: InnerLoop) {
    try {
      tick.call(this);
    } catch (cause) {
      // Let v86 take its own "stopping" path, so it sends emulator-stopped and a later
      // destroy() does not wait forever for a tick that will never come.
      this.stopping = true;
      tick.call(this);
      onException(cause);
    }
  };
}

/** Resolves when `promise` settles or after `ms`, whichever is first; never rejects. */
export async function settleWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const giveUp = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  await Promise.race([promise.catch(() => undefined), giveUp]);
  clearTimeout(timer);
}
