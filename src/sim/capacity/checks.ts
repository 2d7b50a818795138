// Named checks over the capacity planner's state, for `kind: widget` exercises, and the strict validation of a
// state as an exercise file writes it.
import type { CheckOutcome } from '../citation.ts';
import { elasticCost, provisionedNeed, rentedSteps, runCapacity } from './model.ts';
import { type CapacityParamId, type CapacityState, capacitySpecs, capacityStateProblems } from './params.ts';

/** What the hybrid exercise lets the learner change: only how many servers the elastic plan owns. */
const HYBRID_FREE: readonly CapacityParamId[] = ['ownedServers'];
/** "The cheapest" allows rounding: within 0.5 % of the lowest cost over every number of owned servers. */
const CHEAPEST_TOLERANCE = 0.005;

const usd = (value: number) => `$${Math.round(value).toLocaleString('en-US')}`;

/** Parameters changed from their defaults that the exercise keeps fixed (the year, the fleet, the prices). */
function changedFixed(state: CapacityState): CapacityParamId[] {
  return capacitySpecs
    .filter((spec) => !HYBRID_FREE.includes(spec.id) && state[spec.id] !== spec.default)
    .map((spec) => spec.id);
}

function fixedChanged(state: CapacityState): CheckOutcome | undefined {
  const changed = changedFixed(state);
  if (changed.length === 0) return undefined;
  return {
    passed: false,
    evidence: {
      ja: `演習の条件が変わっています（${changed.join(', ')}）。所有するサーバーの台数以外は既定値に戻してください。`,
      en: `The exercise's conditions have changed (${changed.join(', ')}). Put everything but the owned servers back to its default.`,
    },
  };
}

/** The elastic plan owns some servers and rents the rest, and costs less than both pure plans. */
function hybridCheaper(input: CapacityState): CheckOutcome {
  const run = runCapacity(input);
  const fixed = fixedChanged(run.state);
  if (fixed) return fixed;
  const rented = rentedSteps(provisionedNeed(run.load, run.state.interval), run.state.granularity);
  const cloudOnly = elasticCost(run.state, rented, 0);
  const mine = run.elasticPlan.cost;
  const owned = run.state.ownedServers;
  const numbers = {
    ja: `所有 ${owned} 台＋オンデマンド：${usd(mine)}、すべてオンデマンド：${usd(cloudOnly)}、ピークに合わせた ${run.peakServers} 台：${usd(run.peak.cost)}`,
    en: `${owned} owned + on demand: ${usd(mine)}; all on demand: ${usd(cloudOnly)}; ${run.peakServers} servers sized for the peak: ${usd(run.peak.cost)}`,
  };
  const passed = owned > 0 && owned < run.peakServers && mine < cloudOnly && mine < run.peak.cost;
  return {
    passed,
    evidence: {
      ja: `${numbers.ja}。${passed ? '両方より安くなっています。' : owned === 0 ? 'サーバーを 1 台も所有していません。' : '両方より安くはなっていません。'}`,
      en: `${numbers.en}. ${passed ? 'Cheaper than both.' : owned === 0 ? 'No server is owned.' : 'Not cheaper than both.'}`,
    },
  };
}

/** The number of owned servers gives (within rounding) the lowest cost of any number. */
function hybridCheapest(input: CapacityState): CheckOutcome {
  const run = runCapacity(input);
  const fixed = fixedChanged(run.state);
  if (fixed) return fixed;
  const mine = run.elasticPlan.cost;
  const best = run.cheapestOwned;
  const passed = mine <= best.cost * (1 + CHEAPEST_TOLERANCE);
  return {
    passed,
    evidence: passed
      ? {
          ja: `所有 ${run.state.ownedServers} 台で年 ${usd(mine)}。最も安い組み合わせ（${usd(best.cost)}）との差は 0.5 % 以内です。`,
          en: `${run.state.ownedServers} owned servers: ${usd(mine)} a year, within 0.5 % of the cheapest mix (${usd(best.cost)}).`,
        }
      : {
          ja: `所有 ${run.state.ownedServers} 台で年 ${usd(mine)}。所有する台数を変えると、もっと安くできます。`,
          en: `${run.state.ownedServers} owned servers: ${usd(mine)} a year. Another number of owned servers costs less.`,
        },
  };
}

export const capacityChecks: Readonly<Record<string, (state: CapacityState) => CheckOutcome>> = {
  capacityHybridCheaper: (state) => hybridCheaper(state),
  capacityHybridCheapest: (state) => hybridCheapest(state),
};

export type { CapacityState };
export { capacityStateProblems };
