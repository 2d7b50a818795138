// Every command of the chapter "cloud" (content/docs/chapters/cloud.mdx and its English twin), in page order,
// exactly as the Run button types it, and the script of its <ContainerScript id="supervisor">.
// tests/vm/cloud.test.ts runs each one on the real guest; tests/content/cloud.test.ts fails if a page's blocks or
// its script and these ever differ.

/**
 * The <ContainerScript id="supervisor">: writes the control loop to /root/supervisor.sh, sets the desired state
 * (/etc/replicas) to 3 and (re)starts the loop in the background. Both pages define it as
 * `export const supervisor = String.raw\`…\``. No `${` in it: the pages hold it in a template literal.
 * Why each piece: a pod's processes are found through its cgroup (cgroup.events "populated", cgroup v2), so the
 * loop needs no PID files; "echo 0 > cgroup.procs" moves the writing process (the subshell) before it execs
 * unshare, so the pod's namespaces start inside its cgroup; cgroup.kill (Linux 5.14) stops every process of a pod
 * at once. https://docs.kernel.org/admin-guide/cgroup-v2.html
 */
export const supervisorScript = String.raw`cat > /root/supervisor.sh <<'EOF'
#!/bin/sh
# Keeps as many pods running as /etc/replicas asks for. A pod here is a cgroup
# under /sys/fs/cgroup/pods, with limits, holding a process that runs in new
# PID, UTS and mount namespaces.
cd /sys/fs/cgroup && mkdir -p pods && cd pods
echo '+memory +pids' > cgroup.subtree_control
n=0

start_pod() {
  mkdir $1
  echo 16M > $1/memory.max
  echo 16 > $1/pids.max
  ( echo 0 > $1/cgroup.procs
    exec unshare -p -f -u -m --mount-proc \
      sh -c "hostname $1; exec sleep 100000"
  ) > /dev/null 2>&1 &
  echo "$(date +%T) started $1"
}

while true; do
  # 1. Observe: a pod is running while its cgroup holds a process.
  running='' have=0
  for pod in web-*; do
    [ -d $pod ] || continue
    while read key value; do
      [ $key = populated ] && break
    done < $pod/cgroup.events
    if [ $value = 1 ]; then
      running="$running $pod" have=$((have + 1))
    else
      rmdir $pod && echo "$(date +%T) $pod has stopped"
    fi
  done
  # 2. Compare with the desired state.
  read want < /etc/replicas
  # 3. Act: start the missing pods, or stop the extra ones.
  while [ $have -lt $want ]; do
    n=$((n + 1))
    [ -d web-$n ] && continue
    start_pod web-$n
    have=$((have + 1))
  done
  for pod in $running; do
    [ $have -gt $want ] || break
    echo 1 > $pod/cgroup.kill
    have=$((have - 1))
    echo "$(date +%T) stopping $pod"
  done
  sleep 1
done
EOF
echo 3 > /etc/replicas
[ -s /run/supervisor.pid ] && kill $(cat /run/supervisor.pid) 2>/dev/null
sh /root/supervisor.sh >> /run/supervisor.log 2>&1 &
echo $! > /run/supervisor.pid
echo "supervisor: PID $!, desired replicas: $(cat /etc/replicas)"`;

/** One line per running pod: its cgroup, the host PID of its PID 1, NSpid (host PID, then 1), its hostname. */
const listPods = `nsmap | awk '$7 ~ /^\\/pods\\// && $4 ~ /,1$/ { print $7, $1, $4, $16 }'`;

/** Kills the PID 1 of one pod (chosen by its cgroup) with SIGKILL. */
const killPod = (pod: string) => `kill -9 $(nsmap | awk '$7 == "/pods/${pod}" && $4 ~ /,1$/ { print $1 }')`;

export const blocks = {
  /** No VT-x (vmx) or AMD-V (svm) in v86's CPU, so no KVM and no /dev/kvm. */
  noKvm: 'grep -c -w -e vmx -e svm /proc/cpuinfo; ls /dev/kvm',
  /** What the supervisor has done so far. */
  log: 'cat /run/supervisor.log',
  listPods,
  /** The limits each pod's cgroup got. */
  limits: 'cat /sys/fs/cgroup/pods/web-1/memory.max /sys/fs/cgroup/pods/web-1/pids.max',
  /** A pod dies: SIGKILL to its PID 1 ends its whole PID namespace. */
  killWeb2: killPod('web-2'),
  /** The last two lines of the log: the pod noticed gone, a new one started. */
  tail2: 'tail -n 2 /run/supervisor.log',
  scaleUp: 'echo 5 > /etc/replicas',
  scaleDown: 'echo 2 > /etc/replicas',
  /** The control loop stops; the pods it started do not. */
  stopSupervisor: 'kill $(cat /run/supervisor.pid)',
  killWeb5: killPod('web-5'),
} as const;

/** The blocks in the order the pages show them. */
export const chapterBlocks: readonly string[] = [
  blocks.noKvm,
  blocks.log,
  blocks.listPods,
  blocks.limits,
  blocks.killWeb2,
  blocks.tail2,
  blocks.scaleUp,
  blocks.listPods,
  blocks.scaleDown,
  blocks.listPods,
  blocks.stopSupervisor,
  blocks.killWeb5,
  blocks.listPods,
];
