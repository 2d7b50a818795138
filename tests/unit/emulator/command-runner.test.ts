import { afterEach, describe, expect, it, vi } from 'vitest';
import { CommandRunner } from '../../../src/emulator/command-runner.ts';
import { GuestError } from '../../../src/emulator/errors.ts';

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

/** A runner wired to a scripted agent: `sent` collects what the host wrote to ttyS1. */
function setup() {
  const sent: string[] = [];
  const runner = new CommandRunner((bytes) => sent.push(text(bytes)));
  const reply = (frame: string) => {
    for (const byte of new TextEncoder().encode(frame)) runner.push(byte);
  };
  const idOf = (line: string | undefined) => line?.split(' ')[1] ?? '';
  return { runner, sent, reply, idOf };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('CommandRunner', () => {
  it('sends RUN, reads the frame, resolves with output and exit code', async () => {
    const { runner, sent, reply, idOf } = setup();
    const result = runner.run('echo hi', { timeoutMs: 1000 });
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatch(/^RUN \S+ 1000 ZWNobyBoaQ==\n$/);
    const id = idOf(sent[0]);
    reply(`\x1eVLAB-BEGIN ${id}\nhi\n\x1eVLAB-END ${id} 0\n`);
    await expect(result).resolves.toMatchObject({ output: 'hi\n', exitCode: 0 });
  });

  it('runs one command at a time, in order', async () => {
    const { runner, sent, reply, idOf } = setup();
    const first = runner.run('first');
    const second = runner.run('second');
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    const id1 = idOf(sent[0]);
    reply(`\x1eVLAB-BEGIN ${id1}\n1\x1eVLAB-END ${id1} 0\n`);
    await expect(first).resolves.toMatchObject({ output: '1' });
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    const id2 = idOf(sent[1]);
    expect(id2).not.toBe(id1);
    reply(`\x1eVLAB-BEGIN ${id2}\n2\x1eVLAB-END ${id2} 4\n`);
    await expect(second).resolves.toMatchObject({ output: '2', exitCode: 4 });
  });

  it('a guest that never answers: CANCEL after the deadline, then guest-unresponsive with partial output', async () => {
    vi.useFakeTimers();
    const { runner, sent, reply, idOf } = setup();
    const result = runner.run('yes', { timeoutMs: 100 }).catch((e: unknown) => e);
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    const id = idOf(sent[0]);
    reply(`\x1eVLAB-BEGIN ${id}\ny\ny\n`);
    await vi.advanceTimersByTimeAsync(1_100);
    expect(sent[1]).toBe(`CANCEL ${id}\n`);
    await vi.advanceTimersByTimeAsync(4_000);
    const error = await result;
    expect(error).toMatchObject({ code: 'guest-unresponsive', partialOutput: 'y\ny\n' });
  });

  it('fail() rejects the running command and every later one', async () => {
    const { runner, sent } = setup();
    const running = runner.run('sleep 100');
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    runner.fail(new GuestError('kernel-panic', 'boom'));
    await expect(running).rejects.toMatchObject({ code: 'kernel-panic' });
    await expect(runner.run('echo later')).rejects.toMatchObject({ code: 'kernel-panic' });
  });
});
