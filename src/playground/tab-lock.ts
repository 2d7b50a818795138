// One machine per browser profile: two tabs each running the learner's machine would each save it, and the
// later save would silently throw away the other tab's work. The tab that runs the machine holds a Web Lock;
// another tab is told the machine is busy elsewhere and can ask for it: the running tab saves, stops and lets
// go, and the asking tab then restores what was just saved. Without the Web Locks API every tab runs its own.
// Each saved machine has its own lock (machine-slot.ts lockName): a link exercise's machine in one tab and the
// chapters' in another save to different records, so both may run.

export class TabLock {
  readonly #name: string;
  #release: (() => void) | null = null;
  #channel: BroadcastChannel | null;
  #onRequested: (() => Promise<void>) | null = null;

  /** `name`: the lock's and the channel's name (`vlab-machine` for the chapters' machine). */
  constructor(name: string) {
    this.#name = name;
    this.#channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : null;
    this.#channel?.addEventListener('message', (event: MessageEvent) => {
      if (event.data === 'hand-over' && this.#release && this.#onRequested) void this.#handOver();
    });
  }

  get held(): boolean {
    return this.#release !== null || !locks();
  }

  /** Takes the lock if no other tab holds it; true when this tab may run the machine. */
  acquire(): Promise<boolean> {
    const api = locks();
    if (!api || this.#release) return Promise.resolve(true);
    return new Promise((resolve) => {
      void api.request(this.#name, { ifAvailable: true }, (lock) => {
        if (!lock) {
          resolve(false);
          return undefined;
        }
        resolve(true);
        return this.#hold();
      });
    });
  }

  /** Asks the tab that runs the machine to hand it over, and resolves once this tab holds the lock. */
  takeOver(): Promise<void> {
    const api = locks();
    if (!api || this.#release) return Promise.resolve();
    return new Promise((resolve) => {
      void api.request(this.#name, () => {
        resolve();
        return this.#hold();
      });
      this.#channel?.postMessage('hand-over');
    });
  }

  /** What to do when another tab asks for the machine (save and stop it); the lock is let go afterwards. */
  onRequested(handler: () => Promise<void>): void {
    this.#onRequested = handler;
  }

  #hold(): Promise<void> {
    return new Promise<void>((release) => {
      this.#release = release;
    });
  }

  async #handOver(): Promise<void> {
    try {
      await this.#onRequested?.();
    } finally {
      this.#release?.();
      this.#release = null;
    }
  }
}

function locks(): LockManager | null {
  return typeof navigator === 'object' && navigator.locks ? navigator.locks : null;
}
