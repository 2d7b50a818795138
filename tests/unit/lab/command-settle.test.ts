import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { CommandSettler } from '../../../src/lab/command-settle.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function settler() {
  const settled = vi.fn();
  return { settled, s: new CommandSettler(settled, { quietMs: 1_000, maxMs: 10_000 }) };
}

test('the prompt printed again settles a command at once, and nothing more follows', () => {
  const { settled, s } = settler();
  s.command();
  s.output('\r\nhello\r\n');
  expect(settled).not.toHaveBeenCalled();
  s.output('root@vlab:~# ');
  expect(settled).toHaveBeenCalledTimes(1);
  vi.advanceTimersByTime(20_000);
  expect(settled).toHaveBeenCalledTimes(1);
});

test('a prompt followed by terminal escape sequences still counts', () => {
  const { settled, s } = settler();
  s.command();
  s.output('\r\nroot@vlab:~# \x1b[?2004h');
  expect(settled).toHaveBeenCalledTimes(1);
});

test('output that is not a prompt does not settle it; quiet output reports, and the later prompt reports again', () => {
  const { settled, s } = settler();
  s.command();
  s.output('\r\n');
  vi.advanceTimersByTime(999);
  s.output('Memory cgroup out of memory: Killed process 46 (dd)\r\n');
  vi.advanceTimersByTime(999);
  expect(settled).not.toHaveBeenCalled();
  vi.advanceTimersByTime(1);
  expect(settled).toHaveBeenCalledTimes(1);
  s.output('Killed\r\nroot@vlab:~# ');
  expect(settled).toHaveBeenCalledTimes(2);
});

test('output with no command before it is ignored (boot messages, the restored console)', () => {
  const { settled, s } = settler();
  s.output('root@vlab:~# ');
  vi.advanceTimersByTime(5_000);
  expect(settled).not.toHaveBeenCalled();
});

test('the echo of the typed line before Enter does not count as a prompt', () => {
  const { settled, s } = settler();
  s.output('echo "a# ');
  s.command();
  s.output('\r\n> ');
  expect(settled).not.toHaveBeenCalled();
});

test('a command that never gives the prompt back stops being watched after maxMs', () => {
  const { settled, s } = settler();
  s.command();
  for (let t = 0; t < 12_000; t += 500) {
    s.output('.');
    vi.advanceTimersByTime(500);
  }
  expect(settled).not.toHaveBeenCalled();
  s.output('root@vlab:~# ');
  expect(settled).not.toHaveBeenCalled();
});

test('dispose cancels everything', () => {
  const { settled, s } = settler();
  s.command();
  s.dispose();
  vi.advanceTimersByTime(20_000);
  s.output('root@vlab:~# ');
  expect(settled).not.toHaveBeenCalled();
});
