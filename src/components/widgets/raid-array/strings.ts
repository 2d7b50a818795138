// The RAID array widget's words, in both languages. The component embeds the page's language as JSON.
import type { RaidLevel } from '../../../sim/raid/model.ts';

export interface RaidStrings {
  title: string;
  loading: string;
  loadFailed: string;
  level: string;
  levelName: Record<`${RaidLevel}`, string>;
  disks: string;
  diskSize: string;
  tb: string;
  repairAll: string;
  disk: string;
  working: string;
  failed: string;
  disksLegend: string;
  failHint: string;
  usable: string;
  usableValue: string;
  tolerance: string;
  toleranceValue: Record<`${RaidLevel}`, string>;
  status: string;
  statusValue: { optimal: string; degraded: string; failed: string };
  lost: string;
  rebuilt: string;
  none: string;
  layout: string;
  layoutName: Record<`${RaidLevel}`, string>;
  stripe: string;
  kinds: { data: string; mirror: string; parity: string; 'q-parity': string; lost: string };
  layoutDesc: string;
  sources: string;
}

export const raidStrings: Record<'ja' | 'en', RaidStrings> = {
  ja: {
    title: 'RAID アレイ',
    loading: 'RAID アレイを読み込んでいます…',
    loadFailed: 'RAID アレイを読み込めませんでした（{message}）。',
    level: 'RAID レベル',
    levelName: {
      0: 'RAID 0（ストライピング）',
      1: 'RAID 1（ミラーリング）',
      5: 'RAID 5（分散パリティ）',
      6: 'RAID 6（二重パリティ）',
      10: 'RAID 10（ミラーのストライプ）',
    },
    disks: 'ディスクの台数',
    diskSize: 'ディスク 1 台の容量（TB）',
    tb: 'TB',
    repairAll: '故障を元に戻す',
    disk: 'ディスク {n}',
    working: '正常',
    failed: '故障',
    disksLegend: 'ディスク（押すと故障・復旧を切り替えます）',
    failHint:
      'ディスクのボタンを押す（Enter / Space でも可）と、そのディスクを故障させたり元に戻したりできます。',
    usable: '使える容量',
    usableValue: '{usable} TB（ディスク全体 {raw} TB の {pct} %）',
    tolerance: '耐えられる故障',
    toleranceValue: {
      0: 'なし。1 台でも壊れるとデータを失います',
      1: 'どの {n} 台が壊れても大丈夫です（1 台でも残っていれば読めます）',
      5: 'どの 1 台が壊れても大丈夫です',
      6: 'どの 2 台が壊れても大丈夫です',
      10: 'どの 1 台でも大丈夫です。ミラーの組ごとに 1 台までなら、最大 {best} 台まで耐えます',
    },
    status: 'アレイの状態',
    statusValue: {
      optimal: '正常（すべてのディスクが動いています）',
      degraded: '縮退（壊れたディスクがありますが、データはすべて読めます）',
      failed: '停止（データを失いました）',
    },
    lost: '読めなくなったブロック',
    rebuilt: 'パリティや別のコピーから読んでいるブロック',
    none: 'なし',
    layout: 'ブロックの配置（Linux md の {name}）',
    layoutName: {
      0: 'RAID 0',
      1: 'RAID 1',
      5: 'RAID 5、left-symmetric（mdadm の既定）',
      6: 'RAID 6、left-symmetric',
      10: 'RAID 10、near 2（隣り合う 2 台が同じデータを持つ）',
    },
    stripe: 'ストライプ {n}',
    kinds: {
      data: 'データ',
      mirror: 'コピー（ミラー）',
      parity: 'パリティ P',
      'q-parity': 'パリティ Q',
      lost: '失われたブロック',
    },
    layoutDesc:
      '{disks} 台のディスクに、{stripes} 本のストライプを並べた図です。故障したディスク：{failed}。読めなくなったブロック：{lost}。',
    sources: '出典',
  },
  en: {
    title: 'RAID array',
    loading: 'Loading the RAID array…',
    loadFailed: 'The RAID array could not be loaded ({message}).',
    level: 'RAID level',
    levelName: {
      0: 'RAID 0 (striping)',
      1: 'RAID 1 (mirroring)',
      5: 'RAID 5 (distributed parity)',
      6: 'RAID 6 (dual parity)',
      10: 'RAID 10 (striped mirrors)',
    },
    disks: 'Disks',
    diskSize: 'Size of each disk (TB)',
    tb: 'TB',
    repairAll: 'Repair all disks',
    disk: 'Disk {n}',
    working: 'working',
    failed: 'failed',
    disksLegend: 'Disks (press one to fail it or bring it back)',
    failHint: 'Press a disk’s button (or Enter or Space on it) to fail that disk or bring it back.',
    usable: 'Usable capacity',
    usableValue: '{usable} TB ({pct} % of the {raw} TB of disks)',
    tolerance: 'Failures it survives',
    toleranceValue: {
      0: 'None: any failed disk loses data',
      1: 'Any {n} (every disk but the last)',
      5: 'Any one disk',
      6: 'Any two disks',
      10: 'Any one disk; up to {best} if no mirror pair loses both of its disks',
    },
    status: 'Array state',
    statusValue: {
      optimal: 'optimal (every disk is working)',
      degraded: 'degraded (disks have failed, but all data can still be read)',
      failed: 'failed (data is lost)',
    },
    lost: 'Blocks lost',
    rebuilt: 'Blocks read from parity or the other copy',
    none: 'none',
    layout: 'Block layout (Linux md, {name})',
    layoutName: {
      0: 'RAID 0',
      1: 'RAID 1',
      5: 'RAID 5, left-symmetric (mdadm’s default)',
      6: 'RAID 6, left-symmetric',
      10: 'RAID 10, near 2 (neighbouring disks hold the same data)',
    },
    stripe: 'Stripe {n}',
    kinds: {
      data: 'Data',
      mirror: 'Copy (mirror)',
      parity: 'Parity P',
      'q-parity': 'Parity Q',
      lost: 'Lost block',
    },
    layoutDesc: '{stripes} stripes laid over {disks} disks. Failed disks: {failed}. Blocks lost: {lost}.',
    sources: 'Sources',
  },
};
