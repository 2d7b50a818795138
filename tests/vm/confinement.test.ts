// The layers a container runtime adds on top of namespaces and cgroups, each shown holding against
// root: capabilities (setpriv, capsh), seccomp (seccomp-run), Landlock (landlock-run) and Smack.
// capabilities(7), seccomp(2), https://docs.kernel.org/userspace-api/landlock.html,
// https://www.kernel.org/doc/html/v6.1/admin-guide/LSM/Smack.html
import { describe, expect, it } from 'vitest';
import { useRestoredGuest } from './guest-fixture.ts';

const { sh, run } = useRestoredGuest();

/** The value of a "Key:\tvalue" line of /proc/PID/status. */
function statusField(text: string, key: string): string {
  const match = new RegExp(`^${key}:\\s*(.*)$`, 'm').exec(text);
  if (match?.[1] === undefined) throw new Error(`no "${key}" in:\n${text}`);
  return match[1];
}

describe('capabilities', () => {
  it('root has every capability of Linux 6.1 (0-40), and capsh decodes the mask', async () => {
    const status = await sh('cat /proc/self/status');
    expect(statusField(status, 'CapEff')).toBe('000001ffffffffff');
    const decoded = await sh('capsh --decode=0000000000200001');
    expect(decoded).toBe('0x0000000000200001=cap_chown,cap_sys_admin\n');
  });

  it('setpriv --bounding-set=-all leaves root without capabilities after exec', async () => {
    const out = await sh(
      `setpriv --bounding-set=-all,+net_bind_service sh -c 'grep -E "^Cap(Eff|Bnd)" /proc/self/status; id -u; hostname nope 2>&1; true'`,
    );
    expect(statusField(out, 'CapEff')).toBe('0000000000000400'); // bit 10, net_bind_service
    expect(statusField(out, 'CapBnd')).toBe('0000000000000400');
    expect(out).toMatch(/^0$/m); // still uid 0
    expect(out).toContain('Operation not permitted'); // sethostname needs CAP_SYS_ADMIN
    expect(await sh('hostname')).toBe('vlab\n');
  });

  it('setpriv keeps an ambient capability across a switch to the learner', async () => {
    const out = await sh(
      `setpriv --reuid=1000 --regid=1000 --clear-groups --inh-caps=+net_raw --ambient-caps=+net_raw grep -E "^(Uid|CapEff|CapAmb)" /proc/self/status`,
    );
    expect(statusField(out, 'Uid').split(/\s+/)[0]).toBe('1000');
    expect(statusField(out, 'CapEff')).toBe('0000000000002000'); // bit 13, net_raw
    expect(statusField(out, 'CapAmb')).toBe('0000000000002000');
  });

  it('util-linux setpriv cannot grow the bounding set back, and names unknown capabilities', async () => {
    // A capability dropped from the bounding set cannot come back: +chown after -all changes nothing.
    const grow = await sh(
      `setpriv --bounding-set=-all sh -c 'setpriv --bounding-set=+chown grep CapBnd /proc/self/status'`,
    );
    expect(statusField(grow, 'CapBnd')).toBe('0000000000000000');
    const unknown = await run('setpriv --bounding-set=-nope true');
    expect(unknown.exitCode).toBe(1);
    expect(unknown.output).toContain('setpriv: unknown capability "nope"');
  });
});

describe('seccomp', () => {
  it('seccomp-run makes the named system calls fail with EPERM, for root too, and shows Seccomp: 2', async () => {
    const out = await sh(
      `seccomp-run --deny mkdir,mkdirat -- sh -c 'grep -E "^(Seccomp|NoNewPrivs):" /proc/self/status; mkdir /tmp/seccomp-demo 2>&1; echo "mkdir status $?"; id -u'`,
    );
    expect(statusField(out, 'Seccomp')).toBe('2');
    expect(statusField(out, 'NoNewPrivs')).toBe('1');
    expect(out).toContain('Operation not permitted');
    expect(out).toMatch(/^mkdir status 1$/m);
    expect(out).toMatch(/^0$/m);
    expect((await run('test -e /tmp/seccomp-demo')).exitCode).toBe(1);
  });

  it('the filter is inherited and cannot be undone by the children', async () => {
    const out = await sh(
      `seccomp-run --deny unshare -- sh -c 'unshare -u true 2>&1; sh -c "unshare -u true" 2>&1; true'`,
    );
    expect(out.match(/Operation not permitted/g)).toHaveLength(2);
  });

  it('--errno picks the error and unknown names are refused', async () => {
    const out = await sh(`seccomp-run --errno 38 --deny mkdir,mkdirat -- mkdir /tmp/x 2>&1; true`);
    expect(out).toContain('Function not implemented'); // ENOSYS = 38
    const unknown = await run('seccomp-run --deny nosuchcall -- true');
    expect(unknown.exitCode).toBe(2);
    expect(unknown.output).toContain("unknown i386 system call 'nosuchcall'");
  });
});

describe('Landlock', () => {
  it('landlock-run confines root to the paths it names, read-only or read-write', async () => {
    const out = await sh(
      `mkdir -p /tmp/ll/rw /tmp/ll/ro && echo secret > /root/ll-secret && echo data > /tmp/ll/ro/file
       landlock-run --ro /bin --ro /usr --ro /tmp/ll/ro --rw /tmp/ll/rw -- sh -c '
         cat /tmp/ll/ro/file; echo new > /tmp/ll/rw/file && echo "rw ok"
         echo x > /tmp/ll/ro/file 2>&1 || echo "ro write denied"
         cat /root/ll-secret 2>&1 || echo "secret denied"
         id -u' 2>&1`,
    );
    expect(out.trim().split('\n')).toEqual([
      'data',
      'rw ok',
      "sh: can't create /tmp/ll/ro/file: Permission denied",
      'ro write denied',
      "cat: can't open '/root/ll-secret': Permission denied",
      'secret denied',
      '0',
    ]);
  });
});

describe('Smack', () => {
  it('is active, with smackfs mounted and every process labelled "_" (floor)', async () => {
    expect(await sh(`awk '$2 == "/sys/fs/smackfs" { print $3 }' /proc/mounts`)).toBe('smackfs\n');
    expect(await sh('cat /proc/self/attr/current')).toBe('_');
  });

  it('chsmack sets and shows the security.SMACK64 label of a file', async () => {
    const out = await sh(
      'echo hi > /tmp/labelled && chsmack -a Secret /tmp/labelled && chsmack /tmp/labelled',
    );
    expect(out).toBe('/tmp/labelled access="Secret"\n');
  });

  it('a labelled root without CAP_MAC_OVERRIDE and CAP_MAC_ADMIN obeys the rules in load2', async () => {
    // Labelling itself needs CAP_MAC_ADMIN, so the shell takes the label first, then execs setpriv
    // to lose the two capabilities that bypass Smack (mac_override) or change labels (mac_admin).
    const sandboxed = (script: string) =>
      `sh -c 'echo Sandbox > /proc/self/attr/current; exec setpriv --bounding-set=-mac_override,-mac_admin sh -c "${script}"'`;
    const out = await sh(
      `echo secret > /tmp/smack-secret && chsmack -a Secret /tmp/smack-secret
       ${sandboxed(`cat /proc/self/attr/current; echo; id -u
         cat /tmp/smack-secret 2>&1 || echo read denied
         touch /tmp/sandbox-made 2>&1 || echo write denied
         echo _ > /proc/self/attr/current 2>&1 || echo relabel denied`)}
       echo "Sandbox Secret r" > /sys/fs/smackfs/load2
       ${sandboxed('cat /tmp/smack-secret')}
       grep "^Sandbox" /sys/fs/smackfs/load2`,
    );
    expect(out.split('\n').slice(0, 2)).toEqual(['Sandbox', '0']);
    // "_" (floor) objects are readable and executable by every label, never writable by another.
    expect(out).toContain('read denied');
    expect(out).toContain('write denied');
    expect(out).toContain('relabel denied');
    expect(out.trim().split('\n').slice(-2)).toEqual(['secret', 'Sandbox Secret r']);
  });
});
