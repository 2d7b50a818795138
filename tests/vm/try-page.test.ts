// Every command on the "Try Linux" page (content/docs/try.mdx, en/try.mdx), run as the page shows it,
// with the output the page describes.
import { expect, it } from 'vitest';
import { useRestoredGuest } from './guest-fixture.ts';

const { sh } = useRestoredGuest();

it('uname -a names Linux 6.1 on host vlab, on 32-bit x86 (i686)', async () => {
  const out = await sh('uname -a');
  expect(out).toMatch(/^Linux vlab 6\.1\.\d+ .* i686 GNU\/Linux\n$/);
});

it('unshare -p -f --mount-proc ps lists only ps itself, as PID 1', async () => {
  const out = await sh('unshare -p -f --mount-proc ps');
  const rows = out.trim().split('\n');
  expect(rows[0]).toMatch(/^\s*PID\s+TTY\s+TIME\s+CMD$/);
  // TIME is the CPU time ps has used so far: 00:00:00 or, on a slow machine, 00:00:01; PID and CMD are the point.
  const cells = rows.slice(1).map((row) => row.trim().split(/\s+/));
  expect(cells.map(([pid, tty, , cmd]) => [pid, tty, cmd])).toEqual([['1', '?', 'ps']]);
  expect(cells[0]?.[2]).toMatch(/^00:00:0\d$/);
});

it('cat /proc/self/cgroup prints one cgroup v2 line, 0::/ for the root cgroup', async () => {
  const out = await sh('cat /proc/self/cgroup');
  expect(out).toBe('0::/\n');
});
