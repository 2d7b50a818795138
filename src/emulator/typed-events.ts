// A minimal typed event emitter: listeners are keyed by the event map, and subscribing returns
// a Disposable (xterm.js IDisposable style) instead of needing the same function to unsubscribe.

export interface Disposable {
  dispose(): void;
}

type Listener<T> = (payload: T) => void;

export class TypedEvents<Events extends object> {
  readonly #listeners = new Map<keyof Events, Set<Listener<never>>>();

  on<K extends keyof Events>(event: K, listener: Listener<Events[K]>): Disposable {
    let set = this.#listeners.get(event);
    if (!set) {
      set = new Set();
      this.#listeners.set(event, set);
    }
    set.add(listener as Listener<never>);
    return { dispose: () => set.delete(listener as Listener<never>) };
  }

  emit<K extends keyof Events>(event: K, payload: Events[K]): void {
    for (const listener of this.#listeners.get(event) ?? []) (listener as Listener<Events[K]>)(payload);
  }

  clear(): void {
    this.#listeners.clear();
  }
}
