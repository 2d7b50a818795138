// The <behaviour-simulator> element, eager and small: it knows the learner's state (from the URL fragment, the
// stored state or the component's props, in that order), keeps `data-state` current, stores it, writes the
// fragment, and tells listeners. Everything else (model, controls, lanes, charts) is view.ts, imported when the
// widget comes near the viewport. The contract with widget exercises is at the top of
// src/components/mdx/BehaviourSimulator.astro.
import { encodeFragment, parseFragment } from '../../../sim/behaviour/fragment.ts';
import type { SimulatorState } from '../../../sim/behaviour/types.ts';
import { keepPlace } from '../keep-place.ts';
import type { SimulatorStrings } from './strings.ts';

/** Dispatched (bubbling) after every change the learner makes and after a restore from storage. */
export const WIDGET_CHANGE = 'vlab-widget-change';
/** How far below the viewport the view starts loading (the charts still wait until they are on screen). */
const NEAR_VIEWPORT = '600px 0px';

export interface SimulatorView {
  show(state: SimulatorState): void;
  dispose(): void;
}

/** What view.ts gets from the element. */
export interface SimulatorHost {
  readonly element: HTMLElement;
  readonly strings: SimulatorStrings;
  readonly lang: 'ja' | 'en';
  readonly lockScenario: boolean;
  readonly state: SimulatorState;
  /** The learner changed something (a normalised state). */
  change(state: SimulatorState): void;
  /** The model normalised the state it was given (no learner action): stored, not announced as a change. */
  normalised(state: SimulatorState): void;
}

function isState(value: unknown): value is SimulatorState {
  if (typeof value !== 'object' || value === null) return false;
  const { scenario, params } = value as Record<string, unknown>;
  return (
    typeof scenario === 'string' && typeof params === 'object' && params !== null && !Array.isArray(params)
  );
}

class BehaviourSimulatorElement extends HTMLElement {
  #state: SimulatorState = { scenario: 'start', params: {} };
  #view: SimulatorView | undefined;
  #observer: IntersectionObserver | undefined;
  #releasePlace: (() => void) | undefined;
  #onHash = () => this.#readFragment(true);

  get #storageKey(): string | undefined {
    const key = this.dataset.storageKey;
    return key ? `vlab:widget:${key}` : undefined;
  }

  get #syncUrl(): boolean {
    return this.dataset.syncUrl === 'true';
  }

  /** The learner's current state: available as soon as the element is connected (normalised once the view loads). */
  get state(): SimulatorState {
    return this.#state;
  }

  /** Sets the state from a script (an exercise's reset, a test): stored and shown, not announced as a change. */
  setState(state: SimulatorState): void {
    if (!isState(state)) return;
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
    if (isState(initial)) this.#state = initial;
    const restored = this.#restore();
    const fromFragment = this.#syncUrl ? this.#fragmentState() : undefined;
    this.#apply(fromFragment ?? restored ?? this.#state, { write: fromFragment !== undefined });
    if (restored && !fromFragment) queueMicrotask(() => this.#announce());
    if (this.#syncUrl) window.addEventListener('hashchange', this.#onHash);

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
    window.removeEventListener('hashchange', this.#onHash);
    this.#view?.dispose();
    this.#view = undefined;
  }

  async #load(): Promise<void> {
    if (this.#view || !this.isConnected) return;
    const strings = JSON.parse(this.dataset.strings ?? '{}') as SimulatorStrings;
    const loading = this.querySelector<HTMLElement>('.bs-loading');
    try {
      const { mountView } = await import('./view.ts');
      if (!this.isConnected) return;
      const host: SimulatorHost = {
        element: this,
        strings,
        lang: this.dataset.lang === 'en' ? 'en' : 'ja',
        lockScenario: this.dataset.lockScenario === 'true',
        state: this.#state,
        change: (state) => {
          this.#apply(state);
          this.#announce();
        },
        normalised: (state) => this.#apply(state),
      };
      this.#view = mountView(host);
      this.dataset.ready = '';
    } catch (error) {
      if (loading) {
        loading.textContent = (strings.loadFailed ?? '').replace(
          '{message}',
          error instanceof Error ? error.message : String(error),
        );
      }
    }
  }

  #announce(): void {
    this.dispatchEvent(new CustomEvent(WIDGET_CHANGE, { bubbles: true, detail: this.#state }));
  }

  /** Takes a state: data attributes, storage, fragment. */
  #apply(state: SimulatorState, { write = true }: { write?: boolean } = {}): void {
    this.#state = state;
    this.dataset.scenario = state.scenario;
    this.dataset.state = JSON.stringify(state);
    const key = this.#storageKey;
    if (key) {
      try {
        localStorage.setItem(key, JSON.stringify(state));
      } catch {
        // Storage full or refused (private mode): the widget works, the state is not kept.
      }
    }
    if (this.#syncUrl && write) {
      const fragment = `#${encodeFragment(state)}`;
      if (location.hash !== fragment) history.replaceState(history.state, '', fragment);
    }
  }

  /** The stored state; corrupt JSON or a wrong shape is dropped (and replaced by the next #apply). */
  #restore(): SimulatorState | undefined {
    const key = this.#storageKey;
    if (!key) return undefined;
    try {
      const text = localStorage.getItem(key);
      if (text === null) return undefined;
      const value: unknown = JSON.parse(text);
      return isState(value) ? value : undefined;
    } catch {
      return undefined;
    }
  }

  #fragmentState(): SimulatorState | undefined {
    const raw = parseFragment(location.hash);
    return raw ? { scenario: raw.scenario as SimulatorState['scenario'], params: raw.params } : undefined;
  }

  /** A fragment pasted into the address bar of an open page (a heading's anchor is not ours and is left alone). */
  #readFragment(fromHashChange: boolean): void {
    const state = this.#fragmentState();
    if (!state || (fromHashChange && `#${encodeFragment(this.#state)}` === location.hash)) return;
    this.#apply(state, { write: false });
    this.#view?.show(state);
    this.#announce();
  }
}

customElements.define('behaviour-simulator', BehaviourSimulatorElement);
