// The <namespace-map> element: reads the guest's processes and namespaces on the program channel while it is
// on screen and the machine is ready, and renders src/sim/namespace-map.ts's groups as a table per type.
// All logic about namespaces is in src/sim; this file only schedules, renders and dispatches.
import {
  countsByType,
  diffSnapshots,
  groupsOf,
  NAMESPACE_TYPES,
  type NamespaceType,
  namespaceName,
  type Snapshot,
  summarize,
} from '../../sim/namespace-map.ts';
import { activeSource, NamespaceParseError } from '../../sim/namespace-sources.ts';
import { GUEST_CHANGED, getMachine, startPageMachine } from './page-machine.ts';
import { fill, type NamespaceMapStrings } from './strings.ts';

/** Pause between the end of one reading and the next (one reading costs the guest ~0.5–2 s). */
const POLL_EVERY_MS = 1_500;
/** After the learner's terminal prints something, read again this soon once it has been quiet. */
const AFTER_OUTPUT_MS = 400;
const READ_TIMEOUT_MS = 10_000;
/** How long a namespace or process that just appeared stays marked as new. */
const NEW_FOR_MS = 15_000;

type TypeLabels = Record<NamespaceType, string>;

class NamespaceMapElement extends HTMLElement {
  #strings = {} as NamespaceMapStrings;
  #labels = {} as TypeLabels;
  #help = {} as TypeLabels;
  #type: NamespaceType = 'pid';
  #snapshot: Snapshot | undefined;
  #firstSeen = new Map<string, number>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #dueAt = 0;
  #reading = false;
  #onScreen = false;
  #cleanup: (() => void)[] = [];

  connectedCallback(): void {
    this.#strings = JSON.parse(this.dataset.strings ?? '{}') as NamespaceMapStrings;
    this.#labels = JSON.parse(this.dataset.typeLabels ?? '{}') as TypeLabels;
    this.#help = JSON.parse(this.dataset.typeHelp ?? '{}') as TypeLabels;
    const initial = this.dataset.initialType ?? '';
    if ((NAMESPACE_TYPES as readonly string[]).includes(initial)) this.#type = initial as NamespaceType;
    const machine = getMachine();

    this.querySelector('[data-action="start"]')?.addEventListener('click', () => {
      startPageMachine();
      this.#update();
    });
    this.querySelector('[data-action="refresh"]')?.addEventListener('click', () => this.#schedule(0));
    const tablist = this.querySelector<HTMLElement>('[role="tablist"]');
    tablist?.addEventListener('click', (event) => {
      const tab = (event.target as Element).closest<HTMLElement>('[role="tab"]');
      if (tab) this.#select(tab.dataset.type as NamespaceType, false);
    });
    tablist?.addEventListener('keydown', (event) => this.#onTabKey(event));

    const observer = new IntersectionObserver((entries) => {
      this.#onScreen = entries.some((entry) => entry.isIntersecting);
      this.#update();
    });
    observer.observe(this);
    const onVisibility = () => this.#update();
    const onGuestChanged = () => {
      if (this.#live()) this.#schedule(0);
    };
    document.addEventListener('visibilitychange', onVisibility);
    document.addEventListener(GUEST_CHANGED, onGuestChanged);
    this.#cleanup.push(
      () => observer.disconnect(),
      () => document.removeEventListener('visibilitychange', onVisibility),
      () => document.removeEventListener(GUEST_CHANGED, onGuestChanged),
      machine.on('status', () => this.#update()),
      // The learner's terminal printed something (a command ran, or a prompt came back): read soon.
      machine.on('output', () => {
        if (this.#live()) this.#schedule(AFTER_OUTPUT_MS);
      }),
    );
    this.#renderTabs();
    this.#update();
  }

  #stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  disconnectedCallback(): void {
    this.#stop();
    for (const undo of this.#cleanup.splice(0)) undo();
  }

  /** Whether readings should run now: machine ready, element on screen, tab visible. */
  #live(): boolean {
    return getMachine().status.status === 'ready' && this.#onScreen && document.visibilityState === 'visible';
  }

  /** Follows the machine's state and the element's visibility: shows the right message, starts or stops reading. */
  #update(): void {
    const machine = getMachine();
    const state = machine.status.status;
    const start = this.querySelector<HTMLElement>('[data-action="start"]');
    const refresh = this.querySelector<HTMLElement>('[data-action="refresh"]');
    if (start) start.hidden = machine.started;
    if (refresh) refresh.hidden = state !== 'ready';
    if (!machine.started) {
      this.#setState('idle', this.#strings.idle);
    } else if (state === 'error') {
      this.#stop();
      this.#setState('error', this.#strings.machineError);
    } else if (state !== 'ready') {
      this.#setState('waiting', this.#strings.waiting);
    } else if (!this.#live()) {
      this.#stop();
      if (this.dataset.status !== 'error') this.#setState('paused', this.#strings.paused);
    } else if (this.#timer === undefined && !this.#reading) {
      this.#schedule(0);
    }
  }

  /** Reads after `delayMs`, or sooner if a reading is already due sooner (output bursts never postpone one). */
  #schedule(delayMs: number): void {
    const due = Date.now() + delayMs;
    if (this.#timer !== undefined && this.#dueAt <= due) return;
    clearTimeout(this.#timer);
    this.#dueAt = due;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#read();
    }, delayMs);
  }

  async #read(): Promise<void> {
    if (this.#reading || !this.#live()) {
      this.#update();
      return;
    }
    this.#reading = true;
    if (!this.#snapshot) this.#setState('reading', this.#strings.reading);
    try {
      const result = await getMachine().run(activeSource.command, READ_TIMEOUT_MS);
      const snapshot = activeSource.parse(result.output);
      this.#show(snapshot);
      this.#setState(
        'live',
        fill(this.#strings.live, { time: new Date().toLocaleTimeString(document.documentElement.lang) }),
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof NamespaceParseError) {
        this.#setState('error', fill(this.#strings.parseFailed, { message }));
      } else if (error instanceof Error && error.name === 'CommandTimeoutError') {
        this.#setState('error', fill(this.#strings.timeout, { seconds: READ_TIMEOUT_MS / 1000 }));
      } else {
        this.#setState('error', fill(this.#strings.runFailed, { message }));
      }
      this.dataset.stale = '';
    } finally {
      this.#reading = false;
      if (this.#live() && this.#timer === undefined) this.#schedule(POLL_EVERY_MS);
      else this.#update();
    }
  }

  #setState(status: string, text: string): void {
    this.dataset.status = status;
    const line = this.querySelector('.nm-status');
    if (line && line.textContent !== text) line.textContent = text;
  }

  /** Takes a new reading: remembers when each namespace and process first appeared, then renders. */
  #show(snapshot: Snapshot): void {
    const now = Date.now();
    const previous = this.#snapshot;
    const diff = previous ? diffSnapshots(previous, snapshot) : undefined;
    if (diff) {
      for (const name of diff.newNamespaces) this.#firstSeen.set(name, now);
      for (const pid of diff.newPids) this.#firstSeen.set(`pid ${pid}`, now);
    }
    this.#snapshot = snapshot;
    delete this.dataset.stale;
    this.#renderTabs();
    this.#renderTable();
    this.#announce(diff ? [...diff.newNamespaces] : []);
  }

  #isNew(key: string): boolean {
    const seen = this.#firstSeen.get(key);
    return seen !== undefined && Date.now() - seen < NEW_FOR_MS;
  }

  #renderTabs(): void {
    const counts = this.#snapshot ? countsByType(this.#snapshot) : undefined;
    for (const tab of this.querySelectorAll<HTMLElement>('[role="tab"]')) {
      const type = tab.dataset.type as NamespaceType;
      const selected = type === this.#type;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      const count = tab.querySelector('.nm-count');
      if (count) count.textContent = counts ? String(counts[type]) : '';
    }
    const help = this.querySelector('.nm-help');
    if (help) help.textContent = this.#help[this.#type] ?? '';
    this.querySelector('[role="tabpanel"]')?.setAttribute('aria-labelledby', `${this.id}-tab-${this.#type}`);
  }

  #renderTable(): void {
    const body = this.querySelector('tbody');
    const caption = this.querySelector('caption');
    if (!body || !this.#snapshot) return;
    if (caption) caption.textContent = fill(this.#strings.caption, { type: this.#labels[this.#type] });
    const byPid = new Map(this.#snapshot.processes.map((p) => [p.pid, p]));
    const rows = groupsOf(this.#snapshot, this.#type).map((group) => {
      const name = namespaceName(group.type, group.inode);
      const row = el('tr');
      row.dataset.namespace = name;
      if (group.host) row.dataset.host = '';
      const isNew = this.#isNew(name);
      if (isNew) row.dataset.new = '';
      const head = el('th', { scope: 'row' });
      head.append(el('code', {}, name));
      if (group.host)
        head.append(
          ' ',
          el('span', { class: 'nm-badge nm-host', title: this.#strings.hostTitle }, this.#strings.host),
        );
      if (isNew) head.append(' ', el('span', { class: 'nm-badge nm-new' }, this.#strings.new));
      const list = el('ul', { class: 'nm-procs' });
      for (const pid of group.pids) {
        const item = el('li', {}, `${pid} ${byPid.get(pid)?.comm ?? ''}`);
        if (this.#isNew(`pid ${pid}`)) {
          item.dataset.new = '';
          item.title = this.#strings.newProcess;
        }
        list.append(item);
      }
      const procs = el('td');
      procs.append(list);
      row.append(head, el('td', { class: 'nm-num' }, String(group.pids.length)), procs);
      return row;
    });
    body.replaceChildren(...rows);
    this.querySelector('table')?.removeAttribute('hidden');
    this.querySelector('.nm-hidden-note')?.removeAttribute('hidden');
  }

  /** The one-line summary in the live region: only rewritten when it changes, so it is not read out every poll. */
  #announce(appeared: string[]): void {
    if (!this.#snapshot) return;
    const s = summarize(this.#snapshot, this.#type);
    const type = this.#labels[this.#type];
    let text =
      s.namespaces <= 1
        ? fill(this.#strings.summaryOne, { type, processes: s.processes })
        : fill(this.#strings.summaryMany, {
            type,
            namespaces: s.namespaces,
            outside: s.outsideHost,
            largest: s.largestOther ? namespaceName(this.#type, s.largestOther.inode) : '',
            largestCount: s.largestOther?.processes ?? 0,
          });
    if (appeared.length > 0)
      text = fill(this.#strings.appeared, { names: appeared.join(', '), summary: text });
    const summary = this.querySelector('.nm-summary');
    if (summary && summary.textContent !== text) summary.textContent = text;
  }

  #select(type: NamespaceType, focus: boolean): void {
    this.#type = type;
    this.#renderTabs();
    this.#renderTable();
    this.#announce([]);
    if (focus) this.querySelector<HTMLElement>(`[role="tab"][data-type="${type}"]`)?.focus();
  }

  /** Arrow keys, Home and End move between tabs (WAI-ARIA tabs pattern, automatic activation). */
  #onTabKey(event: KeyboardEvent): void {
    const index = NAMESPACE_TYPES.indexOf(this.#type);
    const last = NAMESPACE_TYPES.length - 1;
    const next = {
      ArrowRight: index === last ? 0 : index + 1,
      ArrowLeft: index === 0 ? last : index - 1,
      Home: 0,
      End: last,
    }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.#select(NAMESPACE_TYPES[next] ?? 'pid', true);
  }
}

function el(tag: string, attributes: Record<string, string> = {}, text?: string): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (text !== undefined) element.textContent = text;
  return element;
}

customElements.define('namespace-map', NamespaceMapElement);
