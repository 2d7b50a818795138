// Checks over the consolidation scenario, for the exercise "largest mix with HA headroom". The cluster, the
// per-instance model and the databases and caches are the scenario's defaults (the exercise describes them); a
// state that changes them is refused with the fields named, so no one passes by buying a bigger cluster,
// shrinking the guest OS, or crowding out web servers with extra databases. The vCPU overcommit ratio may only
// be raised: lowering it would make a smaller "largest" count pass.
import { defaults, normalise } from '../params.ts';
import { laneNames } from '../run-helpers.ts';
import { consolidationScenario } from '../scenarios/consolidation.ts';
import { consolidation, type LaneFit } from '../scenarios/consolidation-model.ts';
import type { Params, SimulatorState, WidgetCheck, WidgetCheckOutcome } from '../types.ts';

/** Fields the learner must leave as the exercise gives them. */
const fixed = [
  'hosts',
  'hostRamGiB',
  'hostCores',
  'hostReserveGiB',
  'guestOsMiB',
  'vmOverheadMiB',
  'pageSharingPercent',
  'containerOverheadMiB',
  'dbCount',
  'cacheCount',
] as const;
/** Fields that may be raised but not lowered below the exercise's value. */
const atLeast = ['vcpuPerCore'] as const;

const specs = consolidationScenario.params;
const base = defaults(specs);

const fail = (ja: string, en: string): WidgetCheckOutcome => ({ passed: false, evidence: { ja, en } });

function laneLine(fit: LaneFit): { ja: string; en: string } {
  const gib = (mib: number) => (mib / 1024).toFixed(1);
  const status = {
    fits: ['収まる', 'fits'],
    swaps: ['スワップが起きる', 'swaps'],
    no: ['収まらない', 'does not fit'],
  }[fit.status];
  return {
    ja: `${laneNames[fit.lane].ja}（メモリ ${gib(fit.demandMiB)} / ${gib(fit.usableMiB)} GiB、CPU ${fit.demandCores} / ${fit.usableCores} コア、vCPU ${fit.demandVcpus} / ${fit.usableVcpus} → ${status[0]}）`,
    en: `${laneNames[fit.lane].en}: memory ${gib(fit.demandMiB)} / ${gib(fit.usableMiB)} GiB, CPU ${fit.demandCores} / ${fit.usableCores} cores, vCPUs ${fit.demandVcpus} / ${fit.usableVcpus} → ${status[1]}`,
  };
}

/** Refusals shared by every check: another scenario, a changed cluster or mix, a lowered vCPU ratio, no web servers. */
function precondition(state: SimulatorState): { params: Params } | { outcome: WidgetCheckOutcome } {
  if (state.scenario !== 'consolidation')
    return {
      outcome: fail(
        `シナリオが consolidation ではありません（${state.scenario}）。`,
        `The scenario is not consolidation (${state.scenario}).`,
      ),
    };
  const p = normalise(specs, state.params);
  const changed = fixed.filter((id) => p[id] !== base[id]);
  if (changed.length > 0)
    return {
      outcome: fail(
        `クラスター、VM のモデル、データベースとキャッシュの数は演習のとおりにしてください。変更されています：${changed.map((id) => `${id}=${p[id]}（演習では ${base[id]}）`).join('、')}`,
        `Keep the cluster, the VM model and the numbers of databases and caches as the exercise gives them. Changed: ${changed.map((id) => `${id}=${p[id]} (exercise: ${base[id]})`).join(', ')}`,
      ),
    };
  const lowered = atLeast.filter((id) => (p[id] as number) < (base[id] as number));
  if (lowered.length > 0)
    return {
      outcome: fail(
        `vCPU のオーバーコミット率は上げられますが、下げられません（下げると、より少ない数が「最大」になってしまいます）：${lowered.map((id) => `${id}=${p[id]}（${base[id]} 以上）`).join('、')}`,
        `The vCPU overcommit ratio may be raised but not lowered (lowering it would make a smaller count the "largest"): ${lowered.map((id) => `${id}=${p[id]} (at least ${base[id]})`).join(', ')}`,
      ),
    };
  if ((p.webCount as number) < 1)
    return { outcome: fail('Web サーバーが 1 台もありません。', 'There are no web servers.') };
  return { params: p };
}

function vmLanesFit(p: Params): { ok: boolean; ja: string; en: string } {
  const r = consolidation(p);
  const lines = [laneLine(r.lanes.esxi), laneLine(r.lanes.kvm)];
  return {
    ok: r.lanes.esxi.status === 'fits' && r.lanes.kvm.status === 'fits',
    ja: lines.map((l) => l.ja).join('、'),
    en: lines.map((l) => l.en).join('; '),
  };
}

/** HA headroom is on and the whole mix fits both VM lanes without swapping. */
export const consolidationFitsWithHa: WidgetCheck = (state) => {
  const pre = precondition(state);
  if ('outcome' in pre) return pre.outcome;
  const p = pre.params;
  const fit = vmLanesFit(p);
  const mix = {
    ja: `Web サーバー ${p.webCount}、データベース ${p.dbCount}、キャッシュ ${p.cacheCount}`,
    en: `web ${p.webCount}, db ${p.dbCount}, cache ${p.cacheCount}`,
  };
  if (p.haHeadroom !== true)
    return fail(
      `HA の余裕（1 台の故障に備える）がオフです。${mix.ja}。${fit.ja}`,
      `HA headroom (tolerate one host failure) is off. ${mix.en}. ${fit.en}`,
    );
  return {
    passed: fit.ok,
    evidence: {
      ja: `HA の余裕あり、${mix.ja}。${fit.ja}`,
      en: `HA headroom on, ${mix.en}. ${fit.en}`,
    },
  };
};

/** As above, and one more web server would not fit on at least one VM lane: the mix is as large as it gets. */
export const consolidationLargestMix: WidgetCheck = (state) => {
  const first = consolidationFitsWithHa(state);
  if (!first.passed) return first;
  const p = normalise(specs, state.params);
  const more = (p.webCount as number) + 1;
  const next = vmLanesFit({ ...p, webCount: more });
  return {
    passed: !next.ok,
    evidence: next.ok
      ? {
          ja: `Web サーバーを ${more} 台にしても、両方の VM レーンに収まります。まだ増やせます。${next.ja}`,
          en: `With ${more} web servers both VM lanes still fit: there is room for more. ${next.en}`,
        }
      : {
          ja: `Web サーバー ${p.webCount} 台が上限です。${more} 台では：${next.ja}`,
          en: `${p.webCount} web servers is the limit. With ${more}: ${next.en}`,
        },
  };
};

export const consolidationChecks = { consolidationFitsWithHa, consolidationLargestMix } as const;
