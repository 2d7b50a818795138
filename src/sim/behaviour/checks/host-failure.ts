// Widget checks for the host-failure scenario (exercise 24-live-migration): planned maintenance with a VM that
// dirties memory faster than the default migration network sends it. Each check normalises the state, runs the
// model's migration for the two VM lanes and prints what it looked at, with what an HA restart would have cost
// for contrast. A state with a lighter workload than the exercise's (a smaller VM, whose whole memory fits in a
// long pause, or a lower dirty rate, which a slightly faster link outruns) has changed the problem and is refused.
import { normalise } from '../params.ts';
import { hostFailure, vmMigration } from '../scenarios/host-failure.ts';
import { round } from '../scenarios/lane-steps.ts';
import type { Params, SimulatorState, WidgetCheck, WidgetCheckOutcome } from '../types.ts';

const vmLanes = ['esxi', 'kvm'] as const;
const laneName = { esxi: 'ESXi（vMotion）', kvm: 'KVM（QEMU）' } as const;
const laneNameEn = { esxi: 'ESXi (vMotion)', kvm: 'KVM (QEMU)' } as const;

/** The exercise's workload: a VM this large that dirties memory this fast. A lighter one is refused. */
export const EXERCISE_WORKLOAD = { memoryGiB: 64, dirtyMiBps: 1500 } as const;
/** The switchover pause the exercise asks of the KVM lane, in ms. */
export const KVM_DOWNTIME_TARGET_MS = 100;

function refused(state: SimulatorState, p: Params | undefined): WidgetCheckOutcome | undefined {
  if (state.scenario !== 'host-failure')
    return {
      passed: false,
      evidence: {
        ja: `このタスクは「ホストのハードウェアが故障する」のシナリオで確かめます（今は ${state.scenario}）。`,
        en: `This task is checked on the host-failure scenario (the state is ${state.scenario}).`,
      },
    };
  const dirty = p?.dirtyMiBps as number;
  const memory = p?.memoryGiB as number;
  const { memoryGiB, dirtyMiBps } = EXERCISE_WORKLOAD;
  if (dirty < dirtyMiBps || memory < memoryGiB)
    return {
      passed: false,
      evidence: {
        ja: `VM の負荷が演習より軽くなっています（メモリ ${memory} GiB、書き換え ${dirty} MiB/s）。演習の負荷（${memoryGiB} GiB、${dirtyMiBps} MiB/s）のままで試してください。`,
        en: `The VM's workload is lighter than the exercise's (${memory} GiB, dirtying ${dirty} MiB/s). Keep the exercise's workload (${memoryGiB} GiB, ${dirtyMiBps} MiB/s).`,
      },
    };
  return undefined;
}

interface LaneMigration {
  lane: (typeof vmLanes)[number];
  converged: boolean;
  throttled: boolean;
  downtimeMs: number;
  copyS: number;
}

const migrations = (p: Params): LaneMigration[] =>
  vmLanes.map((lane) => {
    const { result, throttled } = vmMigration(lane, p);
    return {
      lane,
      converged: result.converged,
      throttled,
      downtimeMs: Math.round(result.downtimeMs),
      copyS: round(result.copyMs / 1000),
    };
  });

function lines(p: Params, ms: LaneMigration[]): { ja: string; en: string } {
  const restartS = (p.esxiDetectS as number) + (p.guestBootS as number);
  const ja = ms.map((m) =>
    !m.converged
      ? `${laneName[m.lane]}：コピーが終わらない（${m.copyS} 秒で打ち切り）`
      : `${laneName[m.lane]}：事前コピー ${m.copyS} 秒、停止 ${m.downtimeMs} ms${m.throttled ? '、vCPU を減速して収束' : '、減速なし'}`,
  );
  const en = ms.map((m) =>
    !m.converged
      ? `${laneNameEn[m.lane]}: the copy never finishes (given up after ${m.copyS} s)`
      : `${laneNameEn[m.lane]}: pre-copy ${m.copyS} s, paused ${m.downtimeMs} ms${m.throttled ? ', vCPUs slowed to converge' : ', not slowed'}`,
  );
  const event = p.event === 'planned';
  ja.push(
    event
      ? `比較：同じ VM がホストの故障で vSphere HA に再起動されると、約 ${restartS} 秒止まり、メモリの状態を失います。`
      : `今は「ホストの故障（予告なし）」です。vSphere HA は VM を約 ${restartS} 秒後に別のホストで再起動しますが、メモリの状態は失われます。ライブマイグレーションは、計画した保守でしか使えません。`,
  );
  en.push(
    event
      ? `For contrast: if the host crashed, vSphere HA would restart the same VM after about ${restartS} s, and its memory state would be lost.`
      : `The event is a host crash: vSphere HA restarts the VM on another host after about ${restartS} s, but its memory state is lost. Live migration needs planned maintenance.`,
  );
  return { ja: ja.join('\n'), en: en.join('\n') };
}

function judge(state: SimulatorState, passes: (m: LaneMigration) => boolean): WidgetCheckOutcome {
  const p = normalise(hostFailure.params, state.params);
  const refusal = refused(state, p);
  if (refusal) return refusal;
  const ms = migrations(p);
  return { passed: p.event === 'planned' && ms.every(passes), evidence: lines(p, ms) };
}

/** Planned maintenance, and in both VM lanes the live migration finishes: the VM keeps its memory state. */
export const hostFailureMigrationCompletes: WidgetCheck = (state) => judge(state, (m) => m.converged);

/** Both VM lanes' migrations finish without slowing the guest's vCPUs (no SDPS, no auto-converge needed). */
export const hostFailureMigrationUnthrottled: WidgetCheck = (state) =>
  judge(state, (m) => m.converged && !m.throttled);

/** The KVM lane's migration finishes with a switchover pause of at most KVM_DOWNTIME_TARGET_MS. */
export const hostFailureKvmDowntimeTarget: WidgetCheck = (state) =>
  judge(state, (m) => m.lane !== 'kvm' || (m.converged && m.downtimeMs <= KVM_DOWNTIME_TARGET_MS));

export const hostFailureChecks = {
  hostFailureMigrationCompletes,
  hostFailureMigrationUnthrottled,
  hostFailureKvmDowntimeTarget,
} as const satisfies Record<string, WidgetCheck>;
