// Where the VLAN switch widget's rules come from.
import type { Citation } from '../citation.ts';

export const vlanSources = {
  ieee8021q: {
    title: 'IEEE Std 802.1Q: Bridges and Bridged Networks',
    by: 'IEEE 802.1 Working Group',
    url: 'https://standards.ieee.org/ieee/802.1Q/10323/',
    section:
      '9.6 VLAN Tag Control Information (12-bit VID; Table 9-2: VID 0 and 4095 reserved); the PVID assigns untagged frames to a VLAN',
  },
  bridgeReservedVids: {
    title: "bridge: Don't use VID 0 and 4095 in vlan filtering (quotes IEEE 802.1Q-2011 6.9.1 and Table 9-2)",
    by: 'T. Makita, Linux kernel commit 8adff41c3d25',
    year: 2013,
    url: 'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/commit/?id=8adff41c3d259eb5e313b7b04669eee545925154',
  },
  bridgeDefaultPvid: {
    title:
      'bridge: Add vlan filtering support for default pvid ("VLAN 1 (as recommended by 802.1q spec) is used as default pvid")',
    by: 'V. Yasevich, Linux kernel merge ad9eef52085c',
    year: 2014,
    url: 'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/commit/?id=ad9eef52085c5c6047e44705806a1b5b14b7f476',
  },
} as const satisfies Record<string, Citation>;
