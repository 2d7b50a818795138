// Public surface of the emulator core. Node code adds `nodeAssets` from './node-assets.ts';
// the browser worker (worker.ts) downloads with progress and builds its own. Protocol and design: README.md.
export type { GuestAssets } from './assets.ts';
export type { RunOptions, RunResult } from './command-runner.ts';
export { CommandTimeoutError, GuestCrashedError, GuestError, type GuestErrorCode } from './errors.ts';
export { Guest, type GuestEventMap, type GuestOptions, type GuestStatus, type StartResult } from './guest.ts';
export { emulatorOptions, type StateKey } from './state-key.ts';
export type { Disposable } from './typed-events.ts';
