// Iterative pre-copy live migration (Clark et al., NSDI 2005; QEMU and vMotion work the same way): copy all
// memory while the VM runs, then re-copy what it dirtied meanwhile, until the rest can be sent within the
// allowed downtime; then stop the VM, send the rest and resume it on the destination.

export interface PreCopy {
  /**
   * False when the guest dirties memory at least as fast as the link sends it: the remainder never shrinks, so
   * it never fits in the downtime limit. Below the link speed the remainder shrinks every round and pre-copy
   * always converges, however many rounds that takes (QEMU sets no round limit).
   */
  readonly converged: boolean;
  readonly rounds: number;
  /** Time with the VM still running on the source, in ms. */
  readonly copyMs: number;
  /** The stop-and-copy pause, in ms. */
  readonly downtimeMs: number;
  readonly sentMiB: number;
}

/** A guard against endless loops only: with a dirty rate below the link speed the copy converges long before. */
const MAX_ROUNDS = 100_000;

export function preCopy(
  memoryMiB: number,
  dirtyMiBps: number,
  bandwidthMiBps: number,
  downtimeLimitMs: number,
): PreCopy {
  let remaining = memoryMiB;
  let copyMs = 0;
  let sent = 0;
  let rounds = 0;
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    rounds = round;
    const sendMs = (remaining / bandwidthMiBps) * 1000;
    if (sendMs <= downtimeLimitMs)
      return { converged: true, rounds: round, copyMs, downtimeMs: sendMs, sentMiB: sent + remaining };
    copyMs += sendMs;
    sent += remaining;
    // Pages dirtied while this round was sent; never more than the whole memory.
    remaining = Math.min(memoryMiB, (dirtyMiBps * sendMs) / 1000);
    if (dirtyMiBps >= bandwidthMiBps) break;
  }
  return {
    converged: false,
    rounds,
    copyMs,
    downtimeMs: (remaining / bandwidthMiBps) * 1000,
    sentMiB: sent,
  };
}
