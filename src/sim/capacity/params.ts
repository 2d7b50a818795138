// The capacity planner's parameters: what the learner can change, with limits, defaults and where each default
// comes from. Every default is an assumption of this model (flagged in the widget with its reason) except the
// unit of sale, which is the article's example.
import type { Text } from '../citation.ts';

export const capacityParamIds = [
  'baseLoad',
  'springPeak',
  'springWidthDays',
  'holidays',
  'holidayPeak',
  'holidayWidthDays',
  'unitsPerServer',
  'granularity',
  'interval',
  'ownedServers',
  'ownedServerHourPrice',
  'onDemandUnitHourPrice',
] as const;
export type CapacityParamId = (typeof capacityParamIds)[number];

export type Interval = 'hour' | 'day';

export interface CapacityState {
  /** Average load of an ordinary day, in units of sale (1 vCPU / 1 GB / 50 GB instances). */
  readonly baseLoad: number;
  /** Load at the top of the Spring Festival peak, as a multiple of an ordinary day's. */
  readonly springPeak: number;
  /** Days the Spring Festival peak lasts, rising and falling (ending on the first day of the holiday). */
  readonly springWidthDays: number;
  /** How many of the other public holidays have a peak (0–5, in holidayOrder). */
  readonly holidays: number;
  readonly holidayPeak: number;
  readonly holidayWidthDays: number;
  /** Units of sale one physical server hosts. */
  readonly unitsPerServer: number;
  /** Units the elastic fleet adds or removes at a time (a divisor of unitsPerServer). */
  readonly granularity: number;
  /** How often the elastic fleet is resized: every hour, or once a day for the day's peak. */
  readonly interval: Interval;
  /** Servers the elastic plan owns all year; it rents only what the load needs beyond them. */
  readonly ownedServers: number;
  /** Cost of one owned server for one hour (purchase spread over its life, power, space, operations), USD. */
  readonly ownedServerHourPrice: number;
  /** On-demand price of one unit for one hour, USD. */
  readonly onDemandUnitHourPrice: number;
}

interface NumberSpec {
  readonly kind: 'number';
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly default: number;
  /** Allowed values, when only some are (powers of two). */
  readonly choices?: readonly number[];
}
interface ChoiceSpec {
  readonly kind: 'choice';
  readonly choices: readonly Interval[];
  readonly default: Interval;
}
export type CapacityParamSpec = (NumberSpec | ChoiceSpec) & {
  readonly id: CapacityParamId;
  /** Why the default is what it is: every default here is a flagged assumption, or the article's figure. */
  readonly basis: Text;
  readonly provenance: 'assumption' | 'article';
};

const powersOfTwo = (from: number, to: number) => {
  const values: number[] = [];
  for (let v = from; v <= to; v *= 2) values.push(v);
  return values;
};

export const capacitySpecs: readonly CapacityParamSpec[] = [
  {
    id: 'baseLoad',
    kind: 'number',
    min: 10,
    max: 2000,
    step: 10,
    default: 400,
    provenance: 'assumption',
    basis: {
      ja: '平常日の平均で 400 ユニット（1 vCPU / 1 GB / 50 GB の単位）とした仮定です。12306 の実際の規模ではありません。',
      en: 'An ordinary day averages 400 units (of 1 vCPU / 1 GB / 50 GB): an assumption, not 12306’s real size.',
    },
  },
  {
    id: 'springPeak',
    kind: 'number',
    min: 1,
    max: 12,
    step: 0.5,
    default: 5,
    provenance: 'assumption',
    basis: {
      ja: '春節前のピークを平常日の 5 倍とした仮定です。記事は「春節の時期に最も顕著」と書くだけで、倍率は示していません。',
      en: 'The Spring Festival peak is 5 times an ordinary day: an assumption. The article says only that it is the most pronounced.',
    },
  },
  {
    id: 'springWidthDays',
    kind: 'number',
    min: 1,
    max: 40,
    step: 1,
    default: 21,
    provenance: 'assumption',
    basis: {
      ja: '帰省の切符を買う期間が長いので、春節のピークは 21 日かけて上がり下がりし、連休の初日に終わるとした仮定です。',
      en: 'Travellers book over weeks, so the Spring Festival peak rises and falls over 21 days, ending on the first day of the holiday: an assumption.',
    },
  },
  {
    id: 'holidays',
    kind: 'number',
    min: 0,
    max: 5,
    step: 1,
    default: 5,
    provenance: 'assumption',
    basis: {
      ja: '春節以外の祝日（国慶節、労働節、清明節、端午節、元日）のうち、ピークを置く数です。日付は 2025 年の国務院の通知によります。',
      en: 'How many of the other holidays (National Day, Labour Day, Qingming, Dragon Boat, New Year) get a peak; dates from the State Council’s notice for 2025.',
    },
  },
  {
    id: 'holidayPeak',
    kind: 'number',
    min: 1,
    max: 12,
    step: 0.5,
    default: 2.5,
    provenance: 'assumption',
    basis: {
      ja: 'ほかの祝日前のピークを平常日の 2.5 倍とした仮定です。',
      en: 'The other holidays peak at 2.5 times an ordinary day: an assumption.',
    },
  },
  {
    id: 'holidayWidthDays',
    kind: 'number',
    min: 1,
    max: 20,
    step: 1,
    default: 7,
    provenance: 'assumption',
    basis: {
      ja: 'ほかの祝日のピークは 7 日かけて上がり下がりし、連休の初日に終わるとした仮定です。',
      en: 'The other peaks rise and fall over 7 days, ending on the first day of the holiday: an assumption.',
    },
  },
  {
    id: 'unitsPerServer',
    kind: 'number',
    min: 8,
    max: 128,
    step: 1,
    choices: powersOfTwo(8, 128),
    default: 32,
    provenance: 'assumption',
    basis: {
      ja: '物理サーバー 1 台に 32 ユニット（32 vCPU、32 GB、1.6 TB）が載るとした仮定です。',
      en: 'One physical server hosts 32 units (32 vCPUs, 32 GB, 1.6 TB): an assumption.',
    },
  },
  {
    id: 'granularity',
    kind: 'number',
    min: 1,
    max: 128,
    step: 1,
    choices: powersOfTwo(1, 128),
    default: 1,
    provenance: 'article',
    basis: {
      ja: '記事の例（Tencent Cloud の 1C/1G/50GB）のとおり、1 ユニットずつ買えるとしました。サーバー 1 台分を超える単位にはできません。',
      en: 'One unit at a time, as in the article’s example (Tencent Cloud’s 1C/1G/50GB). A step can be no larger than one server.',
    },
  },
  {
    id: 'interval',
    kind: 'choice',
    choices: ['hour', 'day'],
    default: 'hour',
    provenance: 'assumption',
    basis: {
      ja: '伸縮する側は 1 時間ごとに台数を変えられるとした仮定です（1 日ごとにすると、その日のピークに合わせます）。',
      en: 'The elastic fleet is resized every hour: an assumption (once a day, it follows the day’s peak).',
    },
  },
  {
    id: 'ownedServers',
    kind: 'number',
    min: 0,
    max: 10_000,
    step: 1,
    default: 0,
    provenance: 'assumption',
    basis: {
      ja: '伸縮する側が通年で所有するサーバーの台数です。0 なら、すべてをオンデマンドで借ります。ピークに合わせた台数までにしか増やせません。',
      en: 'Servers the elastic plan owns all year; 0 rents everything on demand. At most the peak-sized fleet.',
    },
  },
  {
    id: 'ownedServerHourPrice',
    kind: 'number',
    min: 0.01,
    max: 10,
    step: 0.01,
    default: 0.64,
    provenance: 'assumption',
    basis: {
      ja: '所有するサーバー 1 台 1 時間あたり 0.64 ドルとした仮定です（購入費 14,000 ドルを 5 年で割った約 0.32 ドルに、電力・冷却・設置場所・運用で同額を加えたもの）。自社の数字に置き換えてください。',
      en: 'An owned server costs $0.64 an hour: an assumption ($14,000 spread over 5 years is about $0.32, plus as much again for power, cooling, space and operations). Put in your own figures.',
    },
  },
  {
    id: 'onDemandUnitHourPrice',
    kind: 'number',
    min: 0.001,
    max: 1,
    step: 0.001,
    default: 0.04,
    provenance: 'assumption',
    basis: {
      ja: 'オンデマンドの 1 ユニット 1 時間あたり 0.04 ドル、つまり所有するサーバーをフルに使ったときの 2 倍とした仮定です。価格はクラウドや地域ごとに違います。',
      en: 'On demand, a unit costs $0.04 an hour, twice an owned server’s cost per unit when it is fully used: an assumption. Prices differ by cloud and region.',
    },
  },
];

export function specOf(id: CapacityParamId): CapacityParamSpec {
  const spec = capacitySpecs.find((s) => s.id === id);
  if (!spec) throw new Error(`no parameter ${id}`);
  return spec;
}

export const defaultCapacityState = Object.fromEntries(
  capacitySpecs.map((spec) => [spec.id, spec.default]),
) as unknown as CapacityState;

/** The nearest allowed value of a number parameter (a listed choice, or the range on its step). */
export function clampNumber(spec: NumberSpec, value: number): number {
  if (spec.choices) {
    return spec.choices.reduce(
      (best, c) => (Math.abs(c - value) < Math.abs(best - value) ? c : best),
      spec.default,
    );
  }
  const stepped = Math.round((value - spec.min) / spec.step) * spec.step + spec.min;
  return Number(Math.min(spec.max, Math.max(spec.min, stepped)).toFixed(6));
}

/**
 * Any value made into a valid state: missing or bad values take their defaults, numbers are clamped to their
 * range and step; the granularity is at most one server; owned servers at most `maxOwned` (the peak fleet).
 */
export function normaliseCapacityState(value: unknown, maxOwned = Number.POSITIVE_INFINITY): CapacityState {
  const raw = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const out: Record<string, number | Interval> = {};
  for (const spec of capacitySpecs) {
    const given = raw[spec.id];
    if (spec.kind === 'choice') out[spec.id] = spec.choices.find((c) => c === given) ?? spec.default;
    else
      out[spec.id] =
        typeof given === 'number' && Number.isFinite(given) ? clampNumber(spec, given) : spec.default;
  }
  const state = out as unknown as CapacityState;
  return {
    ...state,
    granularity: Math.min(state.granularity, state.unitsPerServer),
    ownedServers: Math.min(state.ownedServers, maxOwned),
  };
}

/** Problems with a state as an exercise file writes it (unknown fields, values off their range or step). */
export function capacityStateProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return [`: Received ${JSON.stringify(value)} / Expected an object of capacity parameters`];
  const raw = value as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(raw))
    if (!capacityParamIds.includes(key as CapacityParamId))
      problems.push(
        `${key}: Received "${key}" / Expected one of ${capacityParamIds.map((id) => `"${id}"`).join(', ')}`,
      );
  for (const spec of capacitySpecs) {
    if (!(spec.id in raw)) continue;
    const given = raw[spec.id];
    if (spec.kind === 'choice') {
      if (!spec.choices.some((c) => c === given))
        problems.push(
          `${spec.id}: Received ${JSON.stringify(given)} / Expected one of ${spec.choices.map((c) => `"${c}"`).join(', ')}`,
        );
    } else if (typeof given !== 'number' || clampNumber(spec, given) !== given) {
      problems.push(
        `${spec.id}: Received ${JSON.stringify(given)} / Expected ${
          spec.choices
            ? `one of ${spec.choices.join(', ')}`
            : `a number from ${spec.min} to ${spec.max} in steps of ${spec.step}`
        }`,
      );
    }
  }
  const units =
    typeof raw.unitsPerServer === 'number' ? raw.unitsPerServer : specOf('unitsPerServer').default;
  if (typeof raw.granularity === 'number' && raw.granularity > (units as number))
    problems.push(`granularity: Received ${raw.granularity} / Expected at most unitsPerServer (${units})`);
  return problems;
}
