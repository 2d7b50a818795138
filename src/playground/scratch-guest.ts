// A throwaway clean guest for the exercise editor's try: its own emulator worker, started with `scratch` (the
// learner's saved machine is neither restored nor cleared), never saved, terminated on dispose. The learner's
// machine (machine-client.ts: tab lock, input journal, saves) is not involved. The page must render the guest's
// files as <LinuxPlayground> does (data-guest-files, data-guest-screen). The try's Stop aborts `signal`: a
// guest still starting is terminated then and there.
import wasmUrl from 'v86/build/v86.wasm?url';
import type { RunResult } from '../emulator/command-runner.ts';
import type { FromWorker, ToWorker } from '../emulator/worker-protocol.ts';
import type { DisposableRunner } from '../exercises/verify-exercise.ts';
import { guestFiles, guestScreen, newWorker } from './machine-client.ts';

/** Downloading (first time only) and restoring the guest; a worker that is not up by then has failed. */
const START_TIMEOUT_MS = 180_000;

export class ScratchGuestError extends Error {
  override name = 'ScratchGuestError';
}

export function startScratchGuest(signal?: AbortSignal): Promise<DisposableRunner> {
  const worker = newWorker();
  const post = (message: ToWorker) => worker.postMessage(message);
  const pending = new Map<number, { resolve: (r: RunResult) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let gone: Error | undefined;
  const dispose = async () => {
    gone ??= new ScratchGuestError('the guest was disposed');
    worker.terminate();
    for (const { reject } of pending.values()) reject(gone);
    pending.clear();
  };
  const runner: DisposableRunner = {
    run: (command, { timeoutMs }) =>
      new Promise<RunResult>((resolve, reject) => {
        if (gone) return reject(gone);
        const id = nextId++;
        pending.set(id, { resolve, reject });
        post({ type: 'run', id, command, timeoutMs });
      }),
    dispose,
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void dispose();
      reject(new ScratchGuestError(`the guest did not start within ${START_TIMEOUT_MS / 1000} s`));
    }, START_TIMEOUT_MS);
    const onAbort = () => {
      gone ??= new ScratchGuestError('stopped while the guest was starting');
      clearTimeout(timer);
      void dispose();
      reject(gone);
    };
    if (signal?.aborted) {
      onAbort();
      return;
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      gone = new ScratchGuestError(event.message || 'the emulator worker stopped');
      clearTimeout(timer);
      void dispose();
      reject(gone);
    });
    worker.addEventListener('message', (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      if (message.type === 'status' && message.status === 'ready') {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        resolve(runner);
      } else if (message.type === 'status' && message.status === 'error') {
        gone = new ScratchGuestError(message.error?.message ?? 'the guest failed to start');
        clearTimeout(timer);
        void dispose();
        reject(gone);
      } else if (message.type === 'reply') {
        const waiting = pending.get(message.id);
        pending.delete(message.id);
        if (!waiting) return;
        if (message.ok && message.result) waiting.resolve(message.result);
        else if (!message.ok) {
          const { name, message: text, output } = message.error;
          // `partialOutput`, as on the emulator's CommandTimeoutError, so the check runner keeps the evidence.
          waiting.reject(
            Object.assign(new Error(text), { name }, output !== undefined ? { partialOutput: output } : {}),
          );
        }
      }
    });
    post({
      type: 'start',
      fresh: false,
      scratch: true,
      // Never read nor written: a scratch guest starts clean and is never saved.
      record: 'scratch',
      files: guestFiles(),
      cleanScreen: guestScreen(),
      promptNow: true,
      guestUrl: new URL('/guest/', location.href).href,
      wasmUrl: new URL(wasmUrl, location.href).href,
    });
  });
}
