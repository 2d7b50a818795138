// A virtual switch in the guest: three network namespaces as "servers", veth pairs as cables, a Linux bridge as
// the switch, then bridge VLAN filtering (802.1Q) that splits the switch so two of its ports no longer reach each
// other. Written for chapter 1 (why-virtualization), "storage and network virtualization"; the chapter may show
// these blocks verbatim. tests/vm/bridge-vlan.test.ts runs every one on the real guest and checks its output.
//
// Sources: bridge(8) https://man7.org/linux/man-pages/man8/bridge.8.html (`bridge vlan add … pvid untagged`,
// `bridge vlan show`), ip-link(8) https://man7.org/linux/man-pages/man8/ip-link.8.html (`type bridge
// vlan_filtering`, `-d`), ip-netns(8) https://man7.org/linux/man-pages/man8/ip-netns.8.html, veth(4)
// https://man7.org/linux/man-pages/man4/veth.4.html; the kernel's rule (with filtering on, a frame is only
// forwarded within its VLAN; untagged frames get the port's PVID):
// https://www.kernel.org/doc/html/v6.1/networking/switchdev.html#bridge-vlan-filtering

/** The three servers, their addresses and (after the VLAN step) their VLANs. */
export const servers = [
  { name: 'web', address: '10.0.0.11', vlan: 10 },
  { name: 'db', address: '10.0.0.12', vlan: 10 },
  { name: 'mail', address: '10.0.0.13', vlan: 20 },
] as const;

/**
 * Hidden setup (an exercise's or the demo's `setup`): the three servers exist, each with a NIC `eth0` and an address,
 * and the host end of each cable lies unplugged in the root namespace under the server's name. Idempotent: a server
 * that exists is left alone (the learner's bridge and VLANs survive a page reload). The pair is made in the host
 * and one end moved into the namespace, so each end keeps its own interface index (with `peer name eth0 netns web`
 * every eth0 would be index 2 in its namespace, and `bridge link` would print the host's index-2 interface, web, as
 * every port's peer: "db@web"). One `ip -batch` per namespace: each `ip` costs ~0.3-0.5 s under emulation.
 */
export const setup = `for s in web:11 db:12 mail:13; do
  n=\${s%:*}
  [ -e /run/netns/$n ] && continue
  printf '%s\\n' "netns add $n" "link add $n type veth peer name $n-eth0" "link set $n-eth0 netns $n" | ip -batch -
  printf '%s\\n' "link set $n-eth0 name eth0" "addr add 10.0.0.\${s#*:}/24 dev eth0" "link set eth0 up" "link set lo up" | ip -n $n -batch -
done`;

/** What the learner types, in order. Each entry is one block (one Run button). */
export const blocks = {
  /** The servers and the loose cable ends. */
  look: 'ip netns list\nip -br link',
  /** The switch, and every cable plugged into it. */
  plug: [
    'ip link add br0 type bridge',
    'ip link set br0 up',
    'ip link set web master br0 up',
    'ip link set db master br0 up',
    'ip link set mail master br0 up',
    'bridge link',
  ].join('\n'),
  /** Everyone reaches everyone: web → db, web → mail. */
  pingAll: 'ip netns exec web ping -c 1 10.0.0.12\nip netns exec web ping -c 1 10.0.0.13',
  /** The bridge becomes VLAN-aware; every port starts in VLAN 1. */
  filter:
    "ip link set br0 type bridge vlan_filtering 1\nip -d link show br0 | grep -o 'vlan_filtering [0-9]'\nbridge vlan show",
  /** web and db into VLAN 10, mail into VLAN 20, VLAN 1 taken off the three ports. */
  assign: [
    'bridge vlan add dev web vid 10 pvid untagged',
    'bridge vlan add dev db vid 10 pvid untagged',
    'bridge vlan add dev mail vid 20 pvid untagged',
    'bridge vlan del dev web vid 1',
    'bridge vlan del dev db vid 1',
    'bridge vlan del dev mail vid 1',
    'bridge vlan show',
  ].join('\n'),
  /** Same VLAN: reachable. Other VLAN: 100 % packet loss (ping waits 1 s). */
  pingSplit: 'ip netns exec web ping -c 1 -W 1 10.0.0.12\nip netns exec web ping -c 1 -W 1 10.0.0.13',
  /** mail moves to VLAN 10: web reaches it again. */
  rejoin: [
    'bridge vlan add dev mail vid 10 pvid untagged',
    'bridge vlan del dev mail vid 20',
    'bridge vlan show dev mail',
    'ip netns exec web ping -c 1 -W 1 10.0.0.13',
  ].join('\n'),
  /** Everything gone: deleting a namespace deletes its eth0, and with it the host end. */
  cleanup:
    'ip link del br0\nip netns del web\nip netns del db\nip netns del mail\nip netns list\nip -br link',
} as const;
