import { describe, expect, test } from 'vitest';
import { labStrings } from '../../../src/lab/strings.ts';
import {
  outputPreview,
  PREVIEW_LINES,
  runSetupScript,
  type SetupRun,
  setupFailed,
  setupProblemText,
} from '../../../src/playground/setup-outcome.ts';
import { playgroundStrings } from '../../../src/playground/strings.ts';

const SCRIPT = 'echo half-done; exit 3';

/** A run that answers like the machine client: a result, or a rejection shaped as its #onMessage makes it. */
const answers = (answer: () => Promise<{ exitCode: number; output: string }>): SetupRun => {
  const calls: { script: string; timeoutMs: number }[] = [];
  const run: SetupRun = async (script, timeoutMs) => {
    calls.push({ script, timeoutMs });
    return { ...(await answer()), durationMs: 5 };
  };
  return Object.assign(run, { calls });
};

describe('runSetupScript', () => {
  test('exit 0 passes; a non-zero exit is a failure with its code and output', async () => {
    const passing = answers(async () => ({ exitCode: 0, output: 'ready\n' }));
    expect(await runSetupScript(passing, 'true', 30_000)).toEqual({
      script: 'true',
      status: 'passed',
      output: 'ready\n',
    });
    const failing = answers(async () => ({ exitCode: 3, output: 'half-done\n' }));
    const outcome = await runSetupScript(failing, SCRIPT, 30_000);
    expect(outcome).toEqual({ script: SCRIPT, status: 'failed', exitCode: 3, output: 'half-done\n' });
    expect(setupFailed(outcome)).toBe(true);
    // The script itself, with the limit it was given.
    expect((failing as unknown as { calls: unknown[] }).calls).toEqual([
      { script: SCRIPT, timeoutMs: 30_000 },
    ]);
  });

  test('a timeout keeps what the script printed before it was killed', async () => {
    const slow = answers(async () => {
      throw Object.assign(new Error('command did not finish within 30000 ms and was killed'), {
        name: 'CommandTimeoutError',
        partialOutput: 'step 1\n',
      });
    });
    expect(await runSetupScript(slow, 'sleep 60', 30_000)).toEqual({
      script: 'sleep 60',
      status: 'timeout',
      timeoutMs: 30_000,
      output: 'step 1\n',
    });
  });

  test('a script that cannot run at all says why, and never throws', async () => {
    const gone = answers(async () => {
      throw new Error('the machine is not running');
    });
    const outcome = await runSetupScript(gone, SCRIPT, 30_000);
    expect(outcome).toEqual({ script: SCRIPT, status: 'error', reason: 'the machine is not running' });
    expect(setupFailed(outcome)).toBe(true);
  });

  test('running, passed and no outcome yet are not problems', () => {
    expect(setupFailed(undefined)).toBe(false);
    expect(setupFailed({ script: SCRIPT, status: 'running' })).toBe(false);
    expect(setupFailed({ script: SCRIPT, status: 'passed', output: '' })).toBe(false);
  });
});

describe('setupProblemText', () => {
  const texts = (lang: 'ja' | 'en', advice: 'setupAdviceLink' | 'setupAdviceSite') => {
    const s = labStrings[lang];
    return {
      failed: s.setupFailed,
      timeout: s.setupTimeout,
      couldNotRun: s.setupCouldNotRun,
      advice: s[advice],
    };
  };
  const failed = { script: SCRIPT, status: 'failed', exitCode: 3, output: 'half-done' } as const;

  test("a link's exercise: the exit code, then its machine's Reset or its author", () => {
    expect(setupProblemText(failed, texts('ja', 'setupAdviceLink'))).toBe(
      'この演習のセットアップが失敗しました（終了コード 3）。「この演習のマシンをリセット」を押すか、リンクの作成者に知らせてください。',
    );
    expect(setupProblemText(failed, texts('en', 'setupAdviceLink'))).toBe(
      `This exercise's setup failed (exit code 3). Press "Reset this exercise's machine" or tell the link's author.`,
    );
  });

  test("a site exercise: the playground's Reset as it is labelled, and that it is the site's fault", () => {
    const ja = setupProblemText(failed, texts('ja', 'setupAdviceSite'));
    expect(ja).toContain(`「${playgroundStrings.ja.reset}」を押してください。`);
    expect(ja).toContain('このサイトの不具合');
    expect(ja).not.toContain('作成者');
    const en = setupProblemText(failed, texts('en', 'setupAdviceSite'));
    expect(en).toContain(`(exit code 3). Press "${playgroundStrings.en.reset}".`);
    expect(en).toContain('fault of this site');
  });

  test("the advice quotes the playground's Reset exactly as it is labelled, in both languages", () => {
    for (const lang of ['ja', 'en'] as const) {
      const [open, close] = lang === 'ja' ? ['「', '」'] : ['"', '"'];
      expect(labStrings[lang].setupAdviceSite).toContain(`${open}${playgroundStrings[lang].reset}${close}`);
      expect(labStrings[lang].setupAdviceLink).toContain(
        `${open}${playgroundStrings[lang].resetLink}${close}`,
      );
    }
  });

  test('a timeout in seconds; a script that could not run, with the reason', () => {
    const timeout = { script: SCRIPT, status: 'timeout', timeoutMs: 30_000, output: '' } as const;
    expect(setupProblemText(timeout, texts('ja', 'setupAdviceLink'))).toMatch(
      /^この演習のセットアップが 30 秒以内に終わらなかったため、中止しました。「/,
    );
    expect(setupProblemText(timeout, texts('en', 'setupAdviceLink'))).toMatch(
      /^This exercise's setup did not finish within 30 seconds and was stopped\. Press /,
    );
    const error = { script: SCRIPT, status: 'error', reason: 'no machine' } as const;
    expect(setupProblemText(error, texts('en', 'setupAdviceSite'))).toMatch(
      /^This exercise's setup could not run \(no machine\)\. Press /,
    );
  });

  test("the playground's own setup names its Reset", () => {
    const s = playgroundStrings.ja;
    const advice = s.setupAdvice.replace('{reset}', s.reset);
    expect(
      setupProblemText(failed, {
        failed: s.setupFailed,
        timeout: s.setupTimeout,
        couldNotRun: s.setupCouldNotRun,
        advice,
      }),
    ).toBe(
      'このプレイグラウンドのセットアップが失敗しました（終了コード 3）。「マシンをリセット」を押してください。それでも失敗する場合は、このサイトの不具合です。サイトの運営者に知らせてください。',
    );
  });
});

describe('outputPreview', () => {
  test('a short output whole; none for an empty one', () => {
    expect(outputPreview('half-done\n')).toEqual({ text: 'half-done', cut: false });
    expect(outputPreview('a\r\nb\n\n')).toEqual({ text: 'a\nb', cut: false });
    expect(outputPreview('')).toEqual({ text: '', cut: false });
    expect(outputPreview('\n\n')).toEqual({ text: '', cut: false });
  });

  test('only the first lines, and a very long line cut short, each saying so', () => {
    const many = Array.from({ length: 50 }, (_, i) => `line ${i + 1}`).join('\n');
    const preview = outputPreview(many);
    expect(preview.cut).toBe(true);
    expect(preview.text.split('\n')).toHaveLength(PREVIEW_LINES);
    expect(preview.text.split('\n').at(-1)).toBe(`line ${PREVIEW_LINES}`);
    const long = outputPreview(`start\n${'x'.repeat(5_000)}\nend`);
    expect(long.cut).toBe(true);
    expect(long.text.length).toBeLessThan(400);
    expect(long.text).toMatch(/^start\nx+…\nend$/);
  });
});
