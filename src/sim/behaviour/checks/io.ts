// Checks over the I/O scenario, for the exercise "synthetic devices for a disk-heavy database" (chapter
// classification). The workload stays the exercise's (random disk I/O). A VM must use the paravirtual (synthetic)
// device: emulation is what the source article gives 8–20 % for, and direct assignment ties the VM to one host's
// device, which is what the article's closing trade-off is about. A container must keep its data on a volume, the
// path the study (Felter et al., RC25482) measured at native random-I/O speed and Docker's storage documentation
// recommends for write-heavy data. Each check judges only its own parameter, so a near miss names one task.
import { normalise } from '../params.ts';
import { io } from '../scenarios/io.ts';
import type { Params, SimulatorState, WidgetCheck, WidgetCheckOutcome } from '../types.ts';

const fail = (ja: string, en: string): WidgetCheckOutcome => ({ passed: false, evidence: { ja, en } });

/** Refusals shared by both checks: another scenario, or a workload other than random disk I/O. */
function precondition(state: SimulatorState): { params: Params } | { outcome: WidgetCheckOutcome } {
  if (state.scenario !== 'io')
    return {
      outcome: fail(
        `シナリオが io ではありません（${state.scenario}）。`,
        `The scenario is not io (${state.scenario}).`,
      ),
    };
  const p = normalise(io.params, state.params);
  if (p.workload !== 'disk')
    return {
      outcome: fail(
        `I/O の種類が「ディスク（ランダム 4 KB）」ではありません（${p.workload}）。この演習はデータベースのディスク I/O についてです。`,
        `The kind of I/O is not "Disk (random 4 KB)" (${p.workload}). The exercise is about a database's disk I/O.`,
      ),
    };
  return { params: p };
}

/** The VM lanes use the paravirtual (synthetic) device: the same on every host, no hardware emulated. */
export const ioVmSynthetic: WidgetCheck = (state) => {
  const pre = precondition(state);
  if ('outcome' in pre) return pre.outcome;
  const path = pre.params.vmPath;
  if (path === 'paravirtual')
    return {
      passed: true,
      evidence: {
        ja: 'VM のデバイス：準仮想化ドライバー（ESXi は PVSCSI、KVM は virtio-blk）。どのホストでも同じデバイスに見え、ライブマイグレーションできます。',
        en: 'VM device: paravirtual drivers (PVSCSI on ESXi, virtio-blk on KVM). They look the same on every host, and the VM can be live-migrated.',
      },
    };
  if (path === 'passthrough')
    return fail(
      'VM のデバイス：直接割り当て。速いかわりに、VM はそのホストの NVMe コントローラーに縛られ、ライブマイグレーションが制限されます。',
      'VM device: direct assignment. It is fast, but the VM is tied to that host’s NVMe controller, which limits live migration.',
    );
  return fail(
    'VM のデバイス：完全エミュレーション。どこでも動きますが、I/O のたびに VM exit とデバイスの模倣が起きます（記事は 8〜20 % の損失としています）。',
    'VM device: full emulation. It runs anywhere, but every I/O causes VM exits and device imitation (the article gives an 8–20 % loss).',
  );
};

/** The container lane keeps the data on a volume instead of overlay's writable layer. */
export const ioContainerVolume: WidgetCheck = (state) => {
  const pre = precondition(state);
  if ('outcome' in pre) return pre.outcome;
  if (pre.params.containerPath === 'direct')
    return {
      passed: true,
      evidence: {
        ja: 'コンテナの I/O の経路：ボリューム。研究では、ボリュームを使った Docker のランダム I/O はネイティブと同等でした。',
        en: 'Container I/O path: a volume. The study found Docker’s random I/O on a volume as fast as native.',
      },
    };
  return fail(
    'コンテナの I/O の経路：overlay の書き込みレイヤー。最初の書き込みでファイル全体のコピーアップが起き、コンテナを消すとデータも消えます。',
    'Container I/O path: overlay’s writable layer. The first write copies the whole file up, and the data goes when the container is removed.',
  );
};

export const ioChecks = { ioVmSynthetic, ioContainerVolume } as const;
