// Files and permissions the chapters rely on: overlayfs layers, the chroot jail, and the
// unprivileged learner. overlayfs: https://www.kernel.org/doc/html/v6.1/filesystems/overlayfs.html
import { describe, expect, it } from 'vitest';
import { useRestoredGuest } from './guest-fixture.ts';

const { sh, run } = useRestoredGuest();

describe('overlayfs over the image layers', () => {
  it('merges app over base; copy-up and whiteout land in upperdir and the lower layers stay untouched', async () => {
    const out = await sh(
      `o=/tmp/overlay-demo; mkdir -p $o/upper $o/work $o/merged
       mount -t overlay overlay -o lowerdir=/var/lib/images/app:/var/lib/images/base,upperdir=$o/upper,workdir=$o/work $o/merged
       echo "greeting: $(cat $o/merged/etc/greeting)"
       echo "ID=changed" >> $o/merged/etc/os-release
       rm $o/merged/bin/ls
       echo "upper os-release: $(tail -n 1 $o/upper/etc/os-release)"
       echo "upper ls: $(stat -c '%F %t,%T' $o/upper/bin/ls)"
       echo "merged ls: $(test -e $o/merged/bin/ls && echo present || echo gone)"
       echo "base os-release: $(tail -n 1 /var/lib/images/base/etc/os-release)"
       echo "base ls: $(test -e /var/lib/images/base/bin/ls && echo present || echo gone)"
       umount $o/merged`,
    );
    expect(out).toBe(
      [
        'greeting: hello from the app layer',
        'upper os-release: ID=changed',
        // A whiteout is a character device 0,0 in the upper layer.
        'upper ls: character special file 0,0',
        'merged ls: gone',
        'base os-release: ID=vlab-base',
        'base ls: present',
        '',
      ].join('\n'),
    );
  });
});

describe('chroot', () => {
  it('/srv/jail becomes / and the rest of the guest is out of reach', async () => {
    const out = await sh(
      `chroot /srv/jail /bin/sh -c 'ls /; head -n 1 /README; test -e /etc/motd && echo motd visible || echo motd hidden'`,
    );
    expect(out.split('\n').slice(0, 6)).toEqual(['README', 'bin', 'dev', 'etc', 'proc', 'tmp']);
    expect(out).toContain('You are inside /srv/jail.');
    expect(out).toContain('motd hidden');
  });
});

describe('users and permissions', () => {
  it("the learner (uid 1000) cannot write root's files but can write its home", async () => {
    const denied = await run(`su learner -c 'id; touch /etc/motd'`);
    expect(denied.output).toContain('uid=1000(learner) gid=1000(learner)');
    expect(denied.output).toContain('Permission denied');
    expect(denied.exitCode).not.toBe(0);
    expect((await run(`su learner -c 'cat /etc/shadow'`)).output).toContain('Permission denied');
    expect(await sh(`su learner -c 'cd && touch mine && ls -n mine' | awk '{print $3, $4}'`)).toBe(
      '1000 1000\n',
    );
  });
});

describe('the guest itself', () => {
  it('has its hostname, motd, and the clock set to real time after a restore', async () => {
    expect(await sh('hostname')).toBe('vlab\n');
    expect(await sh('cat /etc/motd')).toContain('Virtualization Lab');
    const guestSeconds = Number((await sh('date +%s')).trim());
    expect(Math.abs(guestSeconds - Date.now() / 1000)).toBeLessThan(30);
  });
});
