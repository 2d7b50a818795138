// Every shell block of the chapter "why-virtualization" (content/docs/chapters/why-virtualization.mdx and its
// English twin), in page order, exactly as the Run button types it. tests/vm/why-virtualization.test.ts runs them
// on the real guest, in this order, as one session (each block builds on the one before); the content test
// (tests/content/why-virtualization.test.ts) fails if a page's blocks and this list ever differ.

/**
 * "Try it": a virtual switch (a bridge) and two servers (network namespaces) cabled to it with veth pairs; then
 * VLAN filtering on the bridge puts the two ports in different VLANs, and back in one.
 */
export const switchBlocks = {
  servers: 'ip netns add web; ip netns add db; ip netns list',
  bridge: 'ip link add br0 type bridge; ip link set br0 up; ip -br link show br0',
  cableWeb: 'ip link add web-port type veth peer name eth0 netns web; ip link set web-port master br0 up',
  cableDb: 'ip link add db-port type veth peer name eth0 netns db; ip link set db-port master br0 up',
  addresses: [
    'ip -n web addr add 10.0.0.1/24 dev eth0; ip -n web link set eth0 up',
    'ip -n db addr add 10.0.0.2/24 dev eth0; ip -n db link set eth0 up',
  ].join('\n'),
  ports: 'bridge link show',
  insideDb: 'ip netns exec db ip -br addr',
  ping: 'ip netns exec web ping -c 3 10.0.0.2',
  fdb: 'ip -n web -br link show eth0; ip -n db -br link show eth0; bridge fdb show br br0 dynamic',
  vlanOn: 'ip link set br0 type bridge vlan_filtering 1; bridge vlan show',
  dbToVlan20:
    'bridge vlan add dev db-port vid 20 pvid untagged; bridge vlan del dev db-port vid 1; bridge vlan show dev db-port',
  pingAcrossVlans: 'ip netns exec web ping -c 3 -W 1 10.0.0.2',
  webToVlan20:
    'bridge vlan add dev web-port vid 20 pvid untagged; bridge vlan del dev web-port vid 1; ip netns exec web ping -c 3 10.0.0.2',
  cleanup: 'ip netns del web; ip netns del db; ip link del br0; ip -br link',
} as const;

/** "How it works underneath": RAID 5's parity as XOR, computed by the guest's shell. */
export const underneathBlocks = {
  parity:
    "d1=0x56 d2=0x4c d3=0x41; p=$(( d1 ^ d2 ^ d3 )); printf 'parity %#x; d2 rebuilt from d1, d3 and parity: %#x\\n' $p $(( d1 ^ d3 ^ p ))",
} as const;

/** Every block in page order. */
export const chapterBlocks: readonly string[] = [
  ...Object.values(switchBlocks),
  ...Object.values(underneathBlocks),
];
