// The behaviour simulator's vocabulary: scenarios played by three lanes (ESXi, KVM, Docker) on one timeline.
// Pure data and types; no DOM (src/sim compiles without the dom lib). Every number a learner sees is a `Figure`
// whose `provenance` is a cited source or an assumption the UI labels as such.

export type Lang = 'ja' | 'en';

/** Every learner-facing text exists in Japanese (です・ます調) and English. */
export interface Text {
  readonly ja: string;
  readonly en: string;
}

export const laneIds = ['esxi', 'kvm', 'docker'] as const;
export type LaneId = (typeof laneIds)[number];

export const scenarioIds = [
  'start',
  'consolidation',
  'io',
  'host-failure',
  'exploit',
  'patching',
  'stateless-rebuild',
  'noisy-neighbour',
] as const;
export type ScenarioId = (typeof scenarioIds)[number];

/** A publication, manual page or vendor document. `url` is its primary address (https). */
export interface Source {
  readonly id: string;
  readonly title: string;
  /** Authors or publisher, as cited. */
  readonly by: string;
  readonly year?: number;
  readonly url: string;
}

/**
 * Where a number comes from. `source` + `where` (section, table, page) for a cited figure; `assumption` for a
 * value we chose (the UI marks it **assumption** and shows the reason); `derived` for a value computed by the
 * model from other figures (the reason names them), so it inherits their provenance.
 */
export type Provenance =
  | { readonly kind: 'source'; readonly source: Source; readonly where: string }
  | { readonly kind: 'assumption'; readonly reason: Text }
  | { readonly kind: 'derived'; readonly reason: Text };

export type Unit =
  | 'ms'
  | 's'
  | 'min'
  | 'percent'
  | 'MiB'
  | 'GiB'
  | 'MiB/s'
  | 'Gbit/s'
  | 'count'
  | 'vcpu'
  | 'ratio'
  | 'requests';

export interface Figure {
  /** Stable within a scenario run, e.g. `boot-time`; used by charts, checks and "measure it here". */
  readonly id: string;
  readonly label: Text;
  readonly value: number;
  readonly unit: Unit;
  /** Optional range when the source gives one (e.g. 8–20 %); `value` is what the model uses. */
  readonly low?: number;
  readonly high?: number;
  readonly provenance: Provenance;
}

/** How a step looks on the timeline and what it means for the lane. */
export type StepKind =
  | 'work' // the platform does something (boot, copy memory, schedule)
  | 'wait' // nothing useful happens (detect failure, time out)
  | 'ready' // the workload is doing useful work again / for the first time
  | 'loss' // something is lost (memory state, in-flight requests)
  | 'contained' // a fault or attack stops at a boundary
  | 'breach'; // a fault or attack crosses a boundary

export interface Step {
  readonly lane: LaneId;
  /** Start on the shared timeline, in ms from the scenario's start (0 for scenarios without time). */
  readonly at: number;
  /** How long it takes in ms (0: an instant). */
  readonly duration: number;
  readonly kind: StepKind;
  /** What happens. */
  readonly what: Text;
  /** Why it happens this way on this platform. */
  readonly why: Text;
  /** What it costs (time, memory, requests lost…), each with its provenance. May be empty. */
  readonly costs: readonly Figure[];
}

/** A lane's result, shown at the end of the lane and compared across lanes. */
export interface LaneOutcome {
  readonly lane: LaneId;
  readonly headline: Text;
  readonly figures: readonly Figure[];
}

/** A bar chart the widget draws with the charting library (and as a table for screen readers). */
export interface ChartSpec {
  readonly id: string;
  readonly title: Text;
  readonly unit: Unit;
  /** One category per bar group, e.g. the lanes or the I/O paths. */
  readonly categories: readonly { readonly id: string; readonly label: Text }[];
  /** One series per bar in a group; `values[i]` belongs to `categories[i]` (null: not applicable). */
  readonly series: readonly {
    readonly id: string;
    readonly label: Text;
    readonly values: readonly (number | null)[];
  }[];
}

export type ParamValue = number | boolean | string;
export type Params = Readonly<Record<string, ParamValue>>;

interface ParamBase {
  readonly id: string;
  readonly label: Text;
  /** Why this parameter matters / what the default stands for. */
  readonly help: Text;
  /** Where the default comes from. */
  readonly provenance: Provenance;
  /** When set, the parameter belongs to one lane (shown in its column). */
  readonly lane?: LaneId;
}
export type ParamSpec =
  | (ParamBase & {
      readonly type: 'number';
      readonly unit: Unit;
      readonly min: number;
      readonly max: number;
      readonly step: number;
      readonly default: number;
    })
  | (ParamBase & { readonly type: 'boolean'; readonly default: boolean })
  | (ParamBase & {
      readonly type: 'choice';
      readonly options: readonly { readonly value: string; readonly label: Text }[];
      readonly default: string;
    });

/**
 * Something the page's in-browser Linux can measure for real, shown next to the cited figure `compareTo`
 * and labelled "measured in an emulator". `script` runs as root on the program channel (busybox sh + the
 * guest's Debian tools) and prints one line `value=<number>` in `unit`; `parse` reads it (undefined: failed).
 */
export interface Measurement {
  readonly id: string;
  readonly label: Text;
  readonly script: string;
  readonly unit: Unit;
  readonly compareTo: string;
  readonly timeoutMs: number;
}

export interface ScenarioRun {
  readonly scenario: ScenarioId;
  /** The parameters the run used, every spec's id present (defaults filled in). */
  readonly params: Params;
  /** Sorted by `at`, then lane order; the widget plays them in this order. */
  readonly steps: readonly Step[];
  readonly outcomes: Readonly<Record<LaneId, LaneOutcome>>;
  readonly charts: readonly ChartSpec[];
  /** True when `at`/`duration` are real times worth a timeline axis (false for e.g. consolidation). */
  readonly timed: boolean;
}

export interface Scenario {
  readonly id: ScenarioId;
  readonly title: Text;
  /** One or two sentences: the situation the learner is asked to picture. */
  readonly summary: Text;
  readonly params: readonly ParamSpec[];
  /** Model assumptions, listed under the widget. */
  readonly assumptions: readonly Text[];
  readonly measurements: readonly Measurement[];
  /** Deterministic: the same params give the same run. Unknown or out-of-range params are clamped by `normalise`. */
  run(params: Params): ScenarioRun;
}

/** The state a learner changes in the widget; widget exercises check it (src/sim/behaviour/checks.ts). */
export interface SimulatorState {
  readonly scenario: ScenarioId;
  readonly params: Params;
}

/** What a widget check says about a state: like a Linux check's exit status and printed evidence. */
export interface WidgetCheckOutcome {
  readonly passed: boolean;
  /** Evidence for the learner and the report, in both languages (numbers the check looked at). */
  readonly evidence: Text;
}

export type WidgetCheck = (state: SimulatorState) => WidgetCheckOutcome;
