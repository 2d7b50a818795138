// Every shell block of the chapter "esxi" (content/docs/chapters/esxi.mdx and its English twin), in page order,
// exactly as the Run button types it, and the host profile script the page's <ContainerScript> runs.
// tests/vm/esxi.test.ts runs each one on the real guest; tests/content/esxi.test.ts fails if a page's blocks, or
// its script, and this file ever differ.

/** The host profile: this toy host's whole configuration, rebuilt from nothing and safe to apply again. */
export const hostProfile = `# Host profile of esx-lab-01: everything this host is, rebuilt from nothing.
# Safe to apply again: each step checks or replaces instead of adding twice.
set -e
hostname esx-lab-01
[ -d /sys/class/net/br0 ] || ip link add br0 type bridge
ip addr replace 192.168.50.10/24 dev br0
ip link set br0 up
mkdir -p /sys/fs/cgroup/pool-web
echo 64M > /sys/fs/cgroup/pool-web/memory.max
echo "50000 100000" > /sys/fs/cgroup/pool-web/cpu.max
echo "applied: $(hostname), br0 $(ip -br -4 addr show br0 | awk '{ print $3 }'), pool-web memory.max $(cat /sys/fs/cgroup/pool-web/memory.max)"`;

export const blocks = {
  /** Configure the host by hand: a name, a bridge with an address, a cgroup with limits. */
  byHand: `hostname esx-lab-01
ip link add br0 type bridge
ip addr add 192.168.50.10/24 dev br0
ip link set br0 up
mkdir /sys/fs/cgroup/pool-web
echo 64M > /sys/fs/cgroup/pool-web/memory.max
echo "50000 100000" > /sys/fs/cgroup/pool-web/cpu.max`,
  /** The host's state: run before and after "Reset machine", and after the profile. */
  show: 'hostname; ip -br addr show br0; cat /sys/fs/cgroup/pool-web/memory.max /sys/fs/cgroup/pool-web/cpu.max',
  /** Why a profile must guard its steps: adding what exists fails. */
  addTwice: 'ip link add br0 type bridge; echo "exit $?"',
  /** Drift: a change made by hand, outside the profile. */
  drift: 'echo 128M > /sys/fs/cgroup/pool-web/memory.max; cat /sys/fs/cgroup/pool-web/memory.max',
} as const;

/** The blocks in the order the pages show them (show appears three times). */
export const chapterBlocks: readonly string[] = [
  blocks.byHand,
  blocks.show,
  blocks.show,
  blocks.show,
  blocks.addTwice,
  blocks.drift,
];
