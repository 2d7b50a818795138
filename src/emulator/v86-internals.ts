// The places where the core reaches past v86's public API, kept together so a v86 upgrade
// has one file to check. All are pinned to v86 0.5.x (src/main.js, src/browser/starter.js,
// lib/filesystem.js).
import type { V86 } from 'v86';
import type { V86FileStorage } from './lazy-files.ts';

interface InnerLoop {
  do_tick?: () => void;
  stopping?: boolean;
  yield?: (ms: number, tick: number) => void;
  yield_callback?: (tick: number) => void;
  unregister_yield?: () => void;
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

/**
 * In a browser, v86 0.5 paces its CPU loop through a second Web Worker of its own (src/main.js,
 * `register_yield`): after every slice of guest code it posts a message to that worker and waits for the
 * answer, a round trip between threads on each slice. In our emulator worker that made every guest command
 * ~3× slower than in Node. This paces the loop in the emulator's own thread instead: `scheduler.postTask`
 * where the browser has it (delays are not clamped), else a MessageChannel for "now" and setTimeout for a
 * delay. Node keeps v86's own setImmediate pacing (`process` exists there).
 */
export function paceInThisThread(emulator: V86): void {
  const inner = (emulator as unknown as { v86?: InnerLoop }).v86;
  const callback = inner?.yield_callback;
  if (!inner || typeof callback !== 'function' || typeof inner.yield !== 'function') return;
  if (typeof process !== 'undefined' || typeof MessageChannel !== 'function') return;
  inner.unregister_yield?.();
  inner.unregister_yield = () => {};
  const scheduler = (
    globalThis as { scheduler?: { postTask?: (f: () => void, o: { delay: number }) => void } }
  ).scheduler;
  const channel = new MessageChannel();
  channel.port1.onmessage = (event: MessageEvent<number>) => callback.call(inner, event.data);
  inner.yield = (ms, tick) => {
    if (ms < 1) channel.port2.postMessage(tick);
    else if (scheduler?.postTask) scheduler.postTask(() => callback.call(inner, tick), { delay: ms });
    else setTimeout(() => callback.call(inner, tick), ms);
  };
}

interface CpuInternals {
  zero_memory?: (address: number, length: number) => void;
  memory_size?: Uint32Array;
  mem8?: Uint8Array;
}

/** v86's CPU object (src/cpu.js), for the few places above that need it. */
export function cpuOf(emulator: V86): CpuInternals | undefined {
  return (emulator as unknown as { v86?: { cpu?: CpuInternals } }).v86?.cpu;
}

/**
 * Below this address a new emulator's RAM is not all zero: v86 sets itself up with short-lived heap
 * allocations there, and one of them leaves a word at 0xefdc (found by tests/vm/fresh-ram.test.ts).
 */
export const DIRTY_LOW_RAM_BYTES = 1024 * 1024;

/**
 * A saved state leaves out RAM pages that are all zero, so v86's restore first zeroes the whole of RAM
 * (`unpack_memory` → `zero_memory(0, memory_size)`). For an emulator that was only just created, that is
 * ~55 ms spent faulting in 64 MB of fresh memory the guest may never use. Fresh WebAssembly memory is zero,
 * and v86's set-up writes only below DIRTY_LOW_RAM_BYTES (tests/vm/fresh-ram.test.ts checks the rest), so for
 * such an emulator that one full-RAM zeroing is cut down to the first megabyte. Any other call is passed on.
 */
export function skipZeroingFreshRam(emulator: V86): void {
  const cpu = cpuOf(emulator);
  const zero = cpu?.zero_memory;
  if (!cpu || typeof zero !== 'function' || !cpu.memory_size) return;
  cpu.zero_memory = (address, length) => {
    cpu.zero_memory = zero;
    const all = address === 0 && length === cpu.memory_size?.[0] && length > DIRTY_LOW_RAM_BYTES;
    zero.call(cpu, address, all ? DIRTY_LOW_RAM_BYTES : length);
  };
}

interface V86Filesystem {
  storage?: V86FileStorage;
  load_from_json?: (index: unknown) => void;
}

interface StarterInternals {
  fs9p?: V86Filesystem;
  zstd_decompress?: (size: number, packed: Uint8Array) => ArrayBuffer;
}

function filesystemOf(emulator: V86): V86Filesystem {
  const fs = (emulator as unknown as StarterInternals).fs9p;
  if (!fs || typeof fs.load_from_json !== 'function' || !fs.storage) {
    throw new Error('v86 has no 9p filesystem (was the emulator created with `filesystem: {}`?)');
  }
  return fs;
}

/**
 * Makes `storage` the source of the 9p files' bytes, in place of v86's own (src/browser/filestorage.js),
 * which drops a file's bytes whenever the guest closes it (lazy-files.ts). Call before the guest runs.
 */
export function useFileStorage(emulator: V86, storage: V86FileStorage): void {
  filesystemOf(emulator).storage = storage;
}

/**
 * Loads the 9p tree's index (v86's basefs JSON) into a new emulator, for a cold boot. v86 would fetch it
 * itself from `filesystem.basefs`, but only by URL (XHR, or fs.readFile in Node); this way it comes through
 * GuestAssets like every other file. A restore needs none: the state carries the index.
 */
export function loadFileIndex(emulator: V86, index: unknown): void {
  filesystemOf(emulator).load_from_json?.(index);
}

/** v86's zstd decoder (inside its wasm, src/browser/starter.js `zstd_decompress`): `packed` to `size` bytes. */
export function zstdDecoderOf(emulator: V86): (size: number, packed: Uint8Array) => Uint8Array {
  const starter = emulator as unknown as StarterInternals;
  const decompress = starter.zstd_decompress;
  if (typeof decompress !== 'function') throw new Error('v86 has no zstd_decompress');
  return (size, packed) => new Uint8Array(decompress.call(starter, size, packed));
}

interface VirtQueueInternals {
  avail_last_idx?: number;
  num_staged_replies?: number;
  is_configured?: () => unknown;
  used_get_idx?: () => number;
}

/**
 * Requests the guest's 9p driver has sent that v86 took off the queue (src/virtio.js `pop_request`) but has
 * not answered yet (`push_reply`): a read of a lazily served file waits for its bytes (lazy-files.ts) between
 * the two. The state does not keep such a request, only the queue's indices, so a machine saved with one in
 * flight comes back with a process waiting for an answer that never comes. Taken: `avail_last_idx`; answered:
 * the used ring's index plus replies staged but not yet published (`num_staged_replies`). 0 before the guest
 * has set the queue up, or if v86 has no 9p device.
 */
export function ninePRequestsInFlight(emulator: V86): number {
  const devices = (cpuOf(emulator) as { devices?: { virtio_9p?: { virtqueue?: VirtQueueInternals } } })
    ?.devices;
  const queue = devices?.virtio_9p?.virtqueue;
  if (!queue || typeof queue.used_get_idx !== 'function' || typeof queue.is_configured !== 'function')
    return 0;
  if (!queue.is_configured()) return 0;
  const taken = queue.avail_last_idx ?? 0;
  const answered = queue.used_get_idx() + (queue.num_staged_replies ?? 0);
  return (taken - answered) & 0xffff;
}
