// A saved v86 state only restores into the same v86 build with the same hardware options, and
// it contains the kernel and BIOS it booted, and the 9p device's file index (the lazily served tree,
// lazy.json: a state holds its inode numbers and the sha256 of each file). This key names all of that;
// the manifest stores it next to the state, and a mismatch means "regenerate the state"
// (src/guest/make-state.ts).

/** Hardware options shared by cold boots and restores. Changing one invalidates every state. */
export const emulatorOptions = {
  memorySize: 64 * 1024 * 1024,
  // The smallest v86 allows: the guest has no display (serial consoles only), and every byte here is in each
  // saved state and restored on each start.
  vgaMemorySize: 256 * 1024,
  /** ttyS1, the program channel. */
  uart1: true,
  acpi: false,
  /**
   * v86's virtio-9p device, serving the lazily loaded tree (lazy-files.ts). A state saved with it does not
   * restore without it: the guest's mount would hang.
   */
  virtio9p: true,
} as const;

export type EmulatorOptions = typeof emulatorOptions;

export interface StateKey {
  /** Version of the `v86` npm package, as in its package.json. */
  v86: string;
  kernelSha256: string;
  biosSha256: string;
  /** sha256 of lazy.json, the 9p index the state's mount was made from. */
  lazyIndexSha256: string;
  options: EmulatorOptions;
}

export function stateKey(
  v86: string,
  kernelSha256: string,
  biosSha256: string,
  lazyIndexSha256: string,
): StateKey {
  return { v86, kernelSha256, biosSha256, lazyIndexSha256, options: emulatorOptions };
}

/** Compares two keys field by field, ignoring the order keys were written in. */
export function sameStateKey(a: StateKey, b: StateKey): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const entries = Object.entries(value).sort(([x], [y]) => (x < y ? -1 : 1));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}
