// Widget checks for the noisy-neighbour scenario (exercise 12-noisy-neighbour): each normalises the state,
// runs the model, and prints the numbers it looked at for every lane. The Docker lane's CPU is judged under
// both of runc's --cpu-shares → cpu.weight conversions, whichever one the state selects: a learner rarely
// knows which runc a host runs, and an answer that holds under one only (--cpu-shares 256: enough with
// runc 1.3.1, not with 1.3.2) is not a safe one.
import { normalise } from '../params.ts';
import { round } from '../scenarios/lane-steps.ts';
import { type CpuResult, cpuResult, memoryResult, noisyNeighbour } from '../scenarios/noisy-neighbour.ts';
import { cpuWeightFormulas } from '../scenarios/noisy-neighbour-model.ts';
import type { LaneId, Params, SimulatorState, WidgetCheck, WidgetCheckOutcome } from '../types.ts';
import { laneIds } from '../types.ts';

const laneName = { esxi: 'ESXi', kvm: 'KVM', docker: 'Docker' } as const;
const formulaName = {
  linear: { ja: 'runc 1.3.1 までの換算', en: 'runc up to 1.3.1' },
  quadratic: { ja: 'runc 1.3.2 からの換算', en: 'runc 1.3.2 and later' },
} as const;

/** The CPU results a lane is judged on: one for ESXi and KVM, one per runc conversion formula for Docker. */
function judged(p: Params, lane: LaneId): { ja: string; en: string; cpu: CpuResult }[] {
  if (lane !== 'docker') return [{ ja: laneName[lane], en: laneName[lane], cpu: cpuResult(p, lane) }];
  return cpuWeightFormulas.map((formula) => ({
    ja: `Docker（${formulaName[formula].ja}）`,
    en: `Docker (${formulaName[formula].en})`,
    cpu: cpuResult({ ...p, dockerCpuWeightFormula: formula }, lane),
  }));
}

function wrongScenario(state: SimulatorState): WidgetCheckOutcome {
  return {
    passed: false,
    evidence: {
      ja: `このタスクは「騒がしい隣人」のシナリオで確かめます（今は ${state.scenario}）。`,
      en: `This task is checked on the noisy-neighbour scenario (the state is ${state.scenario}).`,
    },
  };
}

/** The lane settings reset to each platform's defaults, keeping the state's host and workload. */
function withLaneDefaults(p: Params): Params {
  const laneParams = noisyNeighbour.params.filter((spec) => spec.lane).map((spec) => spec.id);
  return normalise(
    noisyNeighbour.params,
    Object.fromEntries(Object.entries(p).filter(([id]) => !laneParams.includes(id))),
  );
}

const servedBy = (p: Params, cpu: CpuResult) =>
  cpu.running === p.victims && cpu.victimEach + 1e-9 >= (p.victimVcpus as number);
const served = (p: Params, lane: LaneId) => judged(p, lane).every(({ cpu }) => servedBy(p, cpu));

/**
 * A state whose host and workload let the victims get their CPU in some lane even at the platforms' defaults
 * has no noisy neighbour to tame there: the CPU checks refuse it, so shrinking the workload (which can spare one
 * or two lanes the work) is not a way to pass.
 */
function noContention(p: Params): WidgetCheckOutcome | undefined {
  const defaults = withLaneDefaults(p);
  const spared = laneIds.filter((lane) => served(defaults, lane));
  if (spared.length === 0) return undefined;
  const names = spared.map((lane) => laneName[lane]);
  return {
    passed: false,
    evidence: {
      ja: `このホスト（${p.hostCores} コア）と負荷では、${names.join('、')} で設定を変えなくてもほかのインスタンスが CPU を得られます。演習のホストと負荷のままで試してください。`,
      en: `With this host (${p.hostCores} cores) and workload the victims get their CPU on ${names.join(', ')} even at the defaults. Keep the exercise's host and workload.`,
    },
  };
}

function cpuLines(p: Params): { ja: string; en: string } {
  const lines = laneIds.flatMap((lane) =>
    judged(p, lane).map(({ ja, en, cpu }) => ({
      ja: `${ja}：動いているほかのインスタンス ${cpu.running}/${p.victims}、1 つあたり ${round(cpu.victimEach)}/${p.victimVcpus} コア、騒がしいインスタンス ${round(cpu.noisy)} コア（ほかがアイドルのとき ${round(cpu.noisyAlone)} コア）`,
      en: `${en}: victims running ${cpu.running}/${p.victims}, each gets ${round(cpu.victimEach)}/${p.victimVcpus} cores; noisy instance ${round(cpu.noisy)} cores (${round(cpu.noisyAlone)} with the others idle)`,
    })),
  );
  return { ja: lines.map((l) => l.ja).join('\n'), en: lines.map((l) => l.en).join('\n') };
}

/**
 * Every victim in every lane (Docker under both conversions) runs and gets the CPU it needs while the noisy
 * instance is busy.
 */
export const noisyNeighbourVictimsServed: WidgetCheck = (state) => {
  if (state.scenario !== 'noisy-neighbour') return wrongScenario(state);
  const p = normalise(noisyNeighbour.params, state.params);
  const refused = noContention(p);
  if (refused) return refused;
  return { passed: laneIds.every((lane) => served(p, lane)), evidence: cpuLines(p) };
};

/**
 * The victims are served and no cap holds the noisy instance below what the host could give it when the others
 * are idle: weights and reservations, not limits, did the work.
 */
export const noisyNeighbourNoIdleCap: WidgetCheck = (state) => {
  if (state.scenario !== 'noisy-neighbour') return wrongScenario(state);
  const p = normalise(noisyNeighbour.params, state.params);
  const refused = noContention(p);
  if (refused) return refused;
  const full = Math.min(p.noisyVcpus as number, p.hostCores as number);
  const passed = laneIds.every(
    (lane) => served(p, lane) && judged(p, lane).every(({ cpu }) => cpu.noisyAlone + 1e-9 >= full),
  );
  return { passed, evidence: cpuLines(p) };
};

/** In no lane can the noisy instance's memory push the host into reclaiming the victims' memory. */
export const noisyNeighbourMemoryContained: WidgetCheck = (state) => {
  if (state.scenario !== 'noisy-neighbour') return wrongScenario(state);
  const p = normalise(noisyNeighbour.params, state.params);
  const victimsMem = (p.victims as number) * (p.victimMemGiB as number);
  const lines = laneIds.map((lane) => {
    const mem = memoryResult(p, lane);
    return {
      pressure: mem.hostPressure,
      ja: `${laneName[lane]}：騒がしいインスタンスは最大 ${mem.noisyMax} GiB、ほかのインスタンスの合計 ${victimsMem} GiB、ホスト ${p.hostMemGiB} GiB（${mem.hostPressure ? 'ホストのメモリが足りなくなります' : '収まります'}）`,
      en: `${laneName[lane]}: noisy instance up to ${mem.noisyMax} GiB, victims ${victimsMem} GiB in all, host ${p.hostMemGiB} GiB (${mem.hostPressure ? 'the host runs short' : 'fits'})`,
    };
  });
  return {
    passed: lines.every((l) => !l.pressure),
    evidence: { ja: lines.map((l) => l.ja).join('\n'), en: lines.map((l) => l.en).join('\n') },
  };
};

export const noisyNeighbourChecks = {
  noisyNeighbourVictimsServed,
  noisyNeighbourNoIdleCap,
  noisyNeighbourMemoryContained,
} as const satisfies Record<string, WidgetCheck>;
