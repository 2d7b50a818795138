// The eager half every state-keeping widget shares (capacity planner, RAID array, VLAN switch): it knows the
// learner's state (from localStorage when the component gave a storage key, else the component's props),
// keeps `data-state` current, stores it, and tells listeners; its view (controls, drawings, charts) is
// imported when the widget comes near the viewport. This is the contract widget exercises rely on, the same
// as the behaviour simulator's (src/components/mdx/BehaviourSimulator.astro):
//
// - `element.state`: the current state, synchronous once connected (normalised by the model once the view has
//   loaded); `data-state` is its JSON.
// - `element.setState(state)`: from a script (an exercise's "load the solution", a test): shown and stored,
//   not announced.
// - a bubbling `vlab-widget-change` CustomEvent (detail: the state) after every change the learner makes and
//   after a restore from storage.
import { keepPlace } from './keep-place.ts';

/** Dispatched (bubbling) after every change the learner makes and after a restore from storage. */
export const WIDGET_CHANGE = 'vlab-widget-change';
/** How far below the viewport the view starts loading. */
const NEAR_VIEWPORT = '600px 0px';

export interface WidgetView<State> {
  show(state: State): void;
  dispose(): void;
}

/** What a view gets from its element. */
export interface WidgetHost<State, Strings> {
  readonly element: HTMLElement;
  readonly strings: Strings;
  readonly lang: 'ja' | 'en';
  readonly state: State;
  /** The learner changed something (the view passes the normalised state). */
  change(state: State): void;
  /** The model normalised the state it was given (no learner action): stored, not announced as a change. */
  normalised(state: State): void;
}

export interface StatefulWidgetOptions<State, Strings> {
  /** A cheap shape check (the model normalises fully once the view has loaded). */
  isState(value: unknown): value is State;
  loadView(): Promise<{ mountView(host: WidgetHost<State, Strings>): WidgetView<State> }>;
}

export function defineStatefulWidget<State, Strings>(
  tag: string,
  options: StatefulWidgetOptions<State, Strings>,
): void {
  class StatefulWidget extends HTMLElement {
    #state: State | undefined;
    #view: WidgetView<State> | undefined;
    #observer: IntersectionObserver | undefined;
    #releasePlace: (() => void) | undefined;

    get #storageKey(): string | undefined {
      const key = this.dataset.storageKey;
      return key ? `vlab:widget:${key}` : undefined;
    }

    get state(): State | undefined {
      return this.#state;
    }

    setState(state: unknown): void {
      if (!options.isState(state)) return;
      this.#apply(state);
      this.#view?.show(state);
    }

    connectedCallback(): void {
      let initial: unknown;
      try {
        initial = JSON.parse(this.dataset.initial ?? '');
      } catch {
        initial = undefined;
      }
      if (options.isState(initial)) this.#state = initial;
      const restored = this.#restore();
      if (restored) {
        this.#apply(restored);
        queueMicrotask(() => this.#announce());
      } else if (this.#state !== undefined) this.#apply(this.#state);

      this.#observer = new IntersectionObserver(
        (entries) => {
          if (!entries.some((entry) => entry.isIntersecting)) return;
          this.#observer?.disconnect();
          void this.#load();
        },
        { rootMargin: NEAR_VIEWPORT },
      );
      this.#observer.observe(this);
      this.#releasePlace = keepPlace(this);
    }

    disconnectedCallback(): void {
      this.#observer?.disconnect();
      this.#releasePlace?.();
      this.#view?.dispose();
      this.#view = undefined;
    }

    async #load(): Promise<void> {
      if (this.#view || !this.isConnected || this.#state === undefined) return;
      const strings = JSON.parse(this.dataset.strings ?? '{}') as Strings & { loadFailed?: string };
      const status = this.querySelector<HTMLElement>('[data-loading]');
      try {
        const { mountView } = await options.loadView();
        if (!this.isConnected || this.#state === undefined) return;
        this.#view = mountView({
          element: this,
          strings,
          lang: this.dataset.lang === 'en' ? 'en' : 'ja',
          state: this.#state,
          change: (state) => {
            this.#apply(state);
            this.#announce();
          },
          normalised: (state) => this.#apply(state),
        });
        if (status) status.hidden = true;
        this.dataset.ready = '';
      } catch (error) {
        if (status)
          status.textContent = (strings.loadFailed ?? '{message}').replace(
            '{message}',
            error instanceof Error ? error.message : String(error),
          );
      }
    }

    #announce(): void {
      this.dispatchEvent(new CustomEvent(WIDGET_CHANGE, { bubbles: true, detail: this.#state }));
    }

    #apply(state: State): void {
      this.#state = state;
      this.dataset.state = JSON.stringify(state);
      const key = this.#storageKey;
      if (!key) return;
      try {
        localStorage.setItem(key, JSON.stringify(state));
      } catch {
        // Storage full or refused (private mode): the widget works, the state is not kept.
      }
    }

    /** The stored state; corrupt JSON or a wrong shape is dropped (and replaced by the next #apply). */
    #restore(): State | undefined {
      const key = this.#storageKey;
      if (!key) return undefined;
      try {
        const text = localStorage.getItem(key);
        if (text === null) return undefined;
        const value: unknown = JSON.parse(text);
        return options.isState(value) ? value : undefined;
      } catch {
        return undefined;
      }
    }
  }
  if (!customElements.get(tag)) customElements.define(tag, StatefulWidget);
}
