// The check runner against a fake guest: verdicts from exit codes, bounded evidence, and a hung check that
// becomes an error instead of a hang.
import { describe, expect, it } from 'vitest';
import { boundEvidence, type CommandRunner, runChecks } from '../../../src/exercises/check-runner.ts';

type Reply = { output: string; exitCode: number } | 'hang' | 'guest-timeout' | 'crash';

/** Answers each command from a table; records what it was asked to run. */
function fakeRunner(
  replies: Record<string, Reply>,
): CommandRunner & { calls: { command: string; timeoutMs: number }[] } {
  const calls: { command: string; timeoutMs: number }[] = [];
  return {
    calls,
    run(command, { timeoutMs }) {
      calls.push({ command, timeoutMs });
      const reply = replies[command];
      if (reply === undefined) throw new Error(`unexpected command ${command}`);
      if (reply === 'hang') return new Promise(() => {});
      if (reply === 'crash') return Promise.reject(new Error('guest crashed: kernel panic'));
      if (reply === 'guest-timeout') {
        // What src/emulator's CommandTimeoutError looks like to a duck.
        return Promise.reject(Object.assign(new Error('timed out'), { partialOutput: 'half a line' }));
      }
      return Promise.resolve(reply);
    },
  };
}

const task = (id: string) => ({ id, check: `check-${id}` });

describe('runChecks', () => {
  it('passes on exit 0 and fails otherwise, in task order, with the given timeout', async () => {
    const runner = fakeRunner({
      'check-a': { output: 'cgroup found\n', exitCode: 0 },
      'check-b': { output: 'no overlay\n', exitCode: 1 },
    });
    const results = await runChecks(runner, [task('a'), task('b')], { timeoutMs: 3000 });
    expect(results.map((r) => [r.taskId, r.status, r.passed, r.evidence])).toEqual([
      ['a', 'passed', true, 'cgroup found'],
      ['b', 'failed', false, 'no overlay'],
    ]);
    expect(runner.calls).toEqual([
      { command: 'check-a', timeoutMs: 3000 },
      { command: 'check-b', timeoutMs: 3000 },
    ]);
  });

  it('turns a check that never answers into an error after the timeout, and runs the next one', async () => {
    const runner = fakeRunner({ 'check-a': 'hang', 'check-b': { output: 'ok', exitCode: 0 } });
    const started = performance.now();
    const [hung, next] = await runChecks(runner, [task('a'), task('b')], { timeoutMs: 50, graceMs: 10 });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(hung).toMatchObject({ taskId: 'a', status: 'error', passed: false });
    expect(hung?.error).toBe('the check did not finish within 0.05 s and was stopped');
    expect(next?.status).toBe('passed');
  });

  it('keeps the output of a check the guest killed at its timeout as evidence', async () => {
    const [result] = await runChecks(fakeRunner({ 'check-a': 'guest-timeout' }), [task('a')]);
    expect(result).toMatchObject({ status: 'error', evidence: 'half a line' });
    expect(result?.error).toContain('did not finish');
  });

  it('reports a guest failure as an error with its message', async () => {
    const [result] = await runChecks(fakeRunner({ 'check-a': 'crash' }), [task('a')]);
    expect(result).toMatchObject({
      status: 'error',
      passed: false,
      error: 'the check could not run: guest crashed: kernel panic',
    });
  });

  it('measures the duration with the injected clock', async () => {
    let t = 1000;
    const runner: CommandRunner = {
      run: async () => {
        t += 42;
        return { output: '', exitCode: 0 };
      },
    };
    const [result] = await runChecks(runner, [task('a')], { now: () => t });
    expect(result?.durationMs).toBe(42);
  });
});

describe('boundEvidence', () => {
  it('strips terminal escapes and control characters, keeps newlines and tabs, and trims', () => {
    expect(boundEvidence('\x1b[31mred\x1b[0m\tx\r\nline\x07two\x00\n\n')).toBe('red\tx\nlinetwo');
  });

  it('cuts long output and says how much was left out', () => {
    const out = boundEvidence('x'.repeat(2_500), 2_000);
    expect(out.startsWith('x'.repeat(2_000))).toBe(true);
    expect(out.endsWith('… (500 more characters)')).toBe(true);
  });
});
