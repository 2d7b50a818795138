// Where the RAID widget's definitions come from. RAID 1 and RAID 5 (distributed parity, the paper's level 5)
// are the 1988 paper's; RAID 0 and RAID 6 (P+Q) are named in the 1994 survey by the same group; the layouts,
// tolerances and RAID 10 are the Linux md driver's, as md(4) describes them.
import type { Citation, Text } from '../citation.ts';

export const raidSources = {
  patterson1988: {
    title: 'A Case for Redundant Arrays of Inexpensive Disks (RAID)',
    by: 'D. A. Patterson, G. Gibson, R. H. Katz, Proc. ACM SIGMOD 1988, pp. 109–116',
    year: 1988,
    url: 'https://doi.org/10.1145/50202.50214',
    section: 'levels 1 (mirrored disks) and 5 (parity spread over all disks)',
  },
  chen1994: {
    title: 'RAID: High-Performance, Reliable Secondary Storage',
    by: 'P. M. Chen, E. K. Lee, G. A. Gibson, R. H. Katz, D. A. Patterson, ACM Computing Surveys 26(2)',
    year: 1994,
    url: 'https://doi.org/10.1145/176979.176981',
    section:
      '3.2 Basic RAID Organizations: 3.2.1 Nonredundant (RAID Level 0), 3.2.7 P + Q Redundancy (RAID Level 6)',
  },
  md4: {
    title: 'md(4): Multiple Device driver aka Linux Software RAID',
    by: 'Linux man-pages / mdadm',
    url: 'https://man7.org/linux/man-pages/man4/md.4.html',
    section: 'DESCRIPTION (failures each level survives); RAID0, RAID1, RAID5, RAID6, RAID10 ("near" layout)',
  },
  raid5c: {
    title: 'drivers/md/raid5.c: raid5_compute_sector() (left-symmetric layouts of RAID 5 and RAID 6)',
    by: 'The Linux kernel',
    url: 'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/drivers/md/raid5.c',
  },
} as const satisfies Record<string, Citation>;

/** The article expands RAID as "Independent Disks" (as md(4) does); the 1988 paper's I was "Inexpensive". */
export const raidNameNote: Text = {
  ja: 'RAID の I は、1988 年の論文では Inexpensive（安価な）でした。いまは md(4) のように Independent（独立した）と書かれることが多く、どちらも同じ技術を指します。',
  en: 'The I in RAID was "Inexpensive" in the 1988 paper; today it is often "Independent", as in md(4). Both name the same technique.',
};
