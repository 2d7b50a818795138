// Every shell block of the chapter "classification" (content/docs/chapters/classification.mdx and its English
// twin), in page order, exactly as the Run button types it. tests/vm/classification.test.ts runs each one on the
// real guest; tests/content/classification.test.ts fails if a page's blocks and this list ever differ.

export const blocks = {
  /** The guest's CPU says it runs under a hypervisor, and has no VT-x (vmx) or AMD-V (svm) of its own. */
  cpuFlags: 'grep -o -w -e hypervisor -e vmx -e svm /proc/cpuinfo',
  /** The guest's PCI devices (vendor:device) and the driver bound to each. */
  pciDevices:
    // biome-ignore lint/suspicious/noTemplateCurlyInString: ${drv##*/} is the shell's, not a template placeholder
    'for d in /sys/bus/pci/devices/*; do drv=$(readlink $d/driver); echo "$(cat $d/vendor):$(cat $d/device) ${drv##*/}"; done',
  /** The one paravirtual device: virtio device type 9 (9P transport), and a file system mounted through it. */
  virtio:
    'ls /sys/bus/virtio/drivers; cat /sys/bus/virtio/devices/virtio0/device; grep -m 1 trans=virtio /proc/mounts',
  /** The host's kernel, as the host sees it. */
  hostKernel: 'cat /proc/version',
  /** The same kernel from inside new UTS, PID and mount namespaces. */
  nsKernel:
    "unshare --uts --pid --mount --fork --mount-proc sh -c 'hostname box; hostname; cat /proc/version; ps -e'",
  /** Eight shells, each PID 1 of its own PID namespace with its own hostname, all in the cgroup "eight". */
  eightStart: [
    'mkdir -p /sys/fs/cgroup/eight',
    'for i in 1 2 3 4 5 6 7 8; do',
    `  sh -c "echo \\$\\$ > /sys/fs/cgroup/eight/cgroup.procs; exec unshare --uts --pid --mount --fork --mount-proc sh -c 'hostname ve$i; while sleep 3600; do :; done'" &`,
    'done',
    'for t in $(seq 60); do [ $(wc -l < /sys/fs/cgroup/eight/cgroup.procs) -ge 24 ] && break; sleep 1; done',
    'echo "processes: $(wc -l < /sys/fs/cgroup/eight/cgroup.procs)"',
  ].join('\n'),
  /** The eight shells: host PID, UTS namespace and hostname (nsmap fields $1, $9, $16; $17 is the command). */
  eightList:
    'nsmap $(cat /sys/fs/cgroup/eight/cgroup.procs) | awk \'$17 == "sh" { print "PID " $1 ": uts:[" $9 "] " $16 }\'',
  /** What the eight cost: bytes charged to the cgroup, then the sum of every process's Pss. */
  eightMemory: [
    'cat /sys/fs/cgroup/eight/memory.current',
    'for p in $(cat /sys/fs/cgroup/eight/cgroup.procs); do cat /proc/$p/smaps_rollup; done | awk \'/^Pss:/ { kb += $2 } END { print kb " kB" }\'',
  ].join('\n'),
  /** Where the charged bytes are, and how much memory this whole virtual machine has. */
  eightStat: "grep -E '^(anon|file|kernel) ' /sys/fs/cgroup/eight/memory.stat; grep MemTotal /proc/meminfo",
  /** Clean up: kill everything in the cgroup, wait until it is empty, remove it. */
  eightStop:
    "echo 1 > /sys/fs/cgroup/eight/cgroup.kill; while grep -q 'populated 1' /sys/fs/cgroup/eight/cgroup.events; do sleep 1; done; rmdir /sys/fs/cgroup/eight",
} as const;

/** The blocks in the order the pages show them. */
export const chapterBlocks: readonly string[] = [
  blocks.cpuFlags,
  blocks.pciDevices,
  blocks.virtio,
  blocks.hostKernel,
  blocks.nsKernel,
  blocks.eightStart,
  blocks.eightList,
  blocks.eightMemory,
  blocks.eightStat,
  blocks.eightStop,
];
