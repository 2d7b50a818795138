// Iterative pre-copy live migration (Clark et al., NSDI 2005; QEMU and vMotion work the same way): copy all
// memory while the VM runs, then re-copy what it dirtied meanwhile, until the rest can be sent within the
// allowed downtime; then stop the VM, send the rest and resume it on the destination.

export interface PreCopy {
  /** False when the dirty rate keeps the remainder above the downtime limit (no convergence). */
  readonly converged: boolean;
  readonly rounds: number;
  /** Time with the VM still running on the source, in ms. */
  readonly copyMs: number;
  /** The stop-and-copy pause, in ms. */
  readonly downtimeMs: number;
  readonly sentMiB: number;
}

const MAX_ROUNDS = 30;

export function preCopy(
  memoryMiB: number,
  dirtyMiBps: number,
  bandwidthMiBps: number,
  downtimeLimitMs: number,
): PreCopy {
  let remaining = memoryMiB;
  let copyMs = 0;
  let sent = 0;
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const sendMs = (remaining / bandwidthMiBps) * 1000;
    if (sendMs <= downtimeLimitMs)
      return { converged: true, rounds: round, copyMs, downtimeMs: sendMs, sentMiB: sent + remaining };
    copyMs += sendMs;
    sent += remaining;
    // Pages dirtied while this round was sent; never more than the whole memory.
    remaining = Math.min(memoryMiB, (dirtyMiBps * sendMs) / 1000);
  }
  return {
    converged: false,
    rounds: MAX_ROUNDS,
    copyMs,
    downtimeMs: (remaining / bandwidthMiBps) * 1000,
    sentMiB: sent,
  };
}
