// Checks over the consolidation scenario, for the exercise "largest mix with HA headroom". The cluster and the
// per-instance model are the scenario's defaults (the exercise describes them); a state that changes them is
// refused with the fields named, so no one passes by buying a bigger cluster or shrinking the guest OS.
import { defaults, normalise } from '../params.ts';
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
] as const;
/** Kinds whose counts must stay at least the defaults: the databases and caches are not negotiable. */
const kept = ['dbCount', 'cacheCount'] as const;

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
    ja: `${fit.lane}: メモリ ${gib(fit.demandMiB)} / ${gib(fit.usableMiB)} GiB、CPU ${fit.demandCores} / ${fit.usableCores} コア、vCPU ${fit.demandVcpus} / ${fit.usableVcpus} → ${status[0]}`,
    en: `${fit.lane}: memory ${gib(fit.demandMiB)} / ${gib(fit.usableMiB)} GiB, CPU ${fit.demandCores} / ${fit.usableCores} cores, vCPUs ${fit.demandVcpus} / ${fit.usableVcpus} → ${status[1]}`,
  };
}

/** Refusals shared by every check: another scenario, a changed cluster, dropped databases or caches, no web servers. */
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
        `クラスターと VM のモデルは演習のとおりにしてください。変更されています：${changed.map((id) => `${id}=${p[id]}（演習では ${base[id]}）`).join('、')}`,
        `Keep the cluster and the VM model as the exercise gives them. Changed: ${changed.map((id) => `${id}=${p[id]} (exercise: ${base[id]})`).join(', ')}`,
      ),
    };
  const dropped = kept.filter((id) => (p[id] as number) < (base[id] as number));
  if (dropped.length > 0)
    return {
      outcome: fail(
        `データベースとキャッシュは減らせません：${dropped.map((id) => `${id}=${p[id]}（${base[id]} 以上）`).join('、')}`,
        `Databases and caches cannot be reduced: ${dropped.map((id) => `${id}=${p[id]} (at least ${base[id]})`).join(', ')}`,
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
    ja: lines.map((l) => l.ja).join('／'),
    en: lines.map((l) => l.en).join('; '),
  };
}

/** HA headroom is on and the whole mix fits both VM lanes without swapping. */
export const consolidationFitsWithHa: WidgetCheck = (state) => {
  const pre = precondition(state);
  if ('outcome' in pre) return pre.outcome;
  const p = pre.params;
  const fit = vmLanesFit(p);
  const mix = `web ${p.webCount}, db ${p.dbCount}, cache ${p.cacheCount}`;
  if (p.haHeadroom !== true)
    return fail(
      `HA の余裕（1 台の故障に備える）がオフです。${mix}。${fit.ja}`,
      `HA headroom (tolerate one host failure) is off. ${mix}. ${fit.en}`,
    );
  return {
    passed: fit.ok,
    evidence: { ja: `HA の余裕あり、${mix}。${fit.ja}`, en: `HA headroom on, ${mix}. ${fit.en}` },
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
