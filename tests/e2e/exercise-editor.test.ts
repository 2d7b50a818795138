// The exercise editor (issue 19) in real Chromium with the real guest: write an exercise, see malformed YAML and
// hostile Markdown handled, try it (setup fails, solution passes, the near miss fails; a loophole is caught),
// export the files and load them back as a folder. ja in full, en shorter.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { decodeAssignment, encodeAssignment } from '../../src/exercises/assignment.ts';
import { canonicalJson, sha256Hex } from '../../src/exercises/canonical-json.ts';
import { forLink } from '../../src/exercises/custom-exercise.ts';
import { importExercise } from '../../src/exercises/exercise-files.ts';
import type { Report } from '../../src/exercises/report.ts';
import { templateYaml } from '../../src/trainer/editor/template.ts';
import { axeViolations } from './support/axe.ts';
import { type Browser, launchBrowser, watchPage } from './support/browser.ts';
import { startPlayground, typeLine } from './support/playground.ts';
import { shoot } from './support/screenshots.ts';

const origin = inject('origin');
const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));
/** Two or three fresh guests per try on a shared 2-core machine. */
const TRY_TIMEOUT_MS = 300_000;
const poll = <T>(read: () => Promise<T>, timeout = 15_000) => expect.poll(read, { timeout });

let browser: Browser;
let work: string;
beforeAll(async () => {
  browser = await launchBrowser();
  work = await mkdtemp(join(tmpdir(), 'vlab-editor-'));
  mkdirSync(screenshots, { recursive: true });
});
afterAll(() => browser?.close());

/** A hostname exercise the test writes itself: one task, a near miss that sets the wrong name. */
const yaml = `id: set-hostname
chapter: kernel-features
kind: linux
difficulty: 1
estimatedMinutes: 5
title:
  ja: ホスト名を lab1 にする
  en: Set the hostname to lab1
setup: |
  true
tasks:
  - id: hostname-lab1
    title:
      ja: ホスト名が lab1 である
      en: The hostname is lab1
    check: |
      read -r name < /proc/sys/kernel/hostname; echo "hostname: $name"; [ "$name" = lab1 ]
    pass:
      ja: ホスト名は lab1 です。
      en: The hostname is lab1.
    fail:
      ja: ホスト名がまだ lab1 ではありません。
      en: The hostname is not lab1 yet.
    hints:
      - ja: hostname コマンドを使います。
        en: Use the hostname command.
solution: |
  hostname lab1
nearMisses:
  - title:
      ja: 大文字で設定する
      en: Set in capitals
    script: |
      hostname LAB1
    fails: [hostname-lab1]
`;

const hostileMarkdown =
  'ホスト名を変えてください。<script>document.title="pwned"</script>\n\n' +
  '[危ないリンク](javascript:document.title="pwned") [外のサイト](https://evil.example/) [この章](/chapters/kernel-features/)\n\n' +
  '![追跡用の画像](https://evil.example/pixel.png)';

const result = (page: Page, stage: string, task: string) =>
  page.locator(`[data-stage="${stage}"] [data-task-result="${task}"]`);

async function bothThemes(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(scheme);
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, { path: `${screenshots}exercise-editor-${name}-${scheme}.png`, fullPage: true });
  }
}

async function download(page: Page, file: string): Promise<string> {
  const [event] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`[data-action="download"][data-file="${file}"]`).click(),
  ]);
  const path = join(work, file);
  await event.saveAs(path);
  return readFileSync(path, 'utf8');
}

describe('the exercise editor in ja', () => {
  let link = '';
  let madeDigest = '';

  test(
    'write, refuse malformed YAML, render hostile Markdown inert, try on the guest, export and load back',
    async () => {
      const page = await browser.context.newPage();
      const problems = await watchPage(page, origin);
      await page.goto(`${origin}/exercise-editor/`);
      const editor = page.locator('[data-exercise-editor]');
      // The template is a working exercise.
      await poll(() => editor.getAttribute('data-valid')).toBe('true');

      await page.locator('[data-editor-import]').fill('id: [broken');
      await poll(() => editor.getAttribute('data-valid')).toBe('false');
      expect(await page.locator('[data-editor-problems] li').first().textContent()).toMatch(
        /^exercise\.yaml: Received invalid YAML at line \d+, column \d+ \/ Expected a YAML document/,
      );
      expect(await page.locator('[data-action="try"]').isDisabled()).toBe(true);

      await page.locator('[data-editor-import]').fill(yaml);
      await page.locator('[data-editor-instructions="ja"]').fill(hostileMarkdown);
      await page.locator('[data-editor-instructions="en"]').fill('Change the hostname to `lab1`.');
      await poll(() => editor.getAttribute('data-valid')).toBe('true');
      const preview = page.locator('[data-editor-preview]');
      await poll(() => preview.locator('h3').textContent()).toBe('ホスト名を lab1 にする');
      // Raw HTML is text, unsafe and foreign links are text, the image is its description; the site's link stays.
      expect(await preview.textContent()).toContain('<script>document.title="pwned"</script>');
      expect(await preview.locator('script, img, iframe').count()).toBe(0);
      expect(
        await preview.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
      ).toEqual([`${origin}/chapters/kernel-features/`]);
      expect(await preview.textContent()).toContain('追跡用の画像');
      expect(await page.title()).not.toBe('pwned');
      await bothThemes(page, 'ja');

      // A reload loses nothing: the texts come back from this browser's storage.
      await page.reload();
      await poll(() => page.locator('[data-editor-preview] h3').textContent()).toBe('ホスト名を lab1 にする');
      expect(await page.locator('[data-editor-instructions="ja"]').inputValue()).toBe(hostileMarkdown);

      await page.locator('[data-action="try"]').click();
      await poll(() => editor.getAttribute('data-tried'), TRY_TIMEOUT_MS).toBe('ok');
      expect(await result(page, 'setup', 'hostname-lab1').getAttribute('data-status')).toBe('failed');
      expect(await result(page, 'solution', 'hostname-lab1').getAttribute('data-status')).toBe('passed');
      // The setup once more on the solved machine, as the learner's reload runs it: still passed.
      expect(await result(page, 'setup-again', 'hostname-lab1').getAttribute('data-status')).toBe('passed');
      expect(await result(page, 'near-miss-0', 'hostname-lab1').getAttribute('data-status')).toBe('failed');
      expect(await result(page, 'solution', 'hostname-lab1').textContent()).toContain('hostname: lab1');
      expect(await result(page, 'near-miss-0', 'hostname-lab1').textContent()).toContain('hostname: LAB1');
      expect(await result(page, 'setup', 'hostname-lab1').textContent()).toMatch(/\d+ ms/);
      // The proof held; the headline says so, and says too when a check's median was over the budget (a loaded
      // machine's checks can be): it never calls a slow check fine.
      const slow = await page.locator('[data-timing][data-over-budget]').count();
      expect(await page.locator('[data-try-message]').textContent()).toMatch(
        slow > 0 ? /^検証は想定どおりでしたが、所要時間の警告があります/ : /^すべて想定どおりでした/,
      );
      await bothThemes(page, 'ja-tried');

      const exported = await download(page, 'exercise.yaml');
      expect(exported).toContain('id: set-hostname');
      expect(await download(page, 'instructions.ja.md')).toBe(`${hostileMarkdown}\n`);
      await download(page, 'instructions.en.md');
      // The exported files, chosen as a folder, load back to the same exercise.
      const folder = join(work, '30-set-hostname');
      mkdirSync(folder, { recursive: true });
      for (const file of ['exercise.yaml', 'instructions.ja.md', 'instructions.en.md'])
        writeFileSync(join(folder, file), readFileSync(join(work, file)));
      await page.locator('[data-editor-import]').fill('');
      await poll(() => editor.getAttribute('data-valid')).toBe('false');
      // A folder, as the trainer chooses it (the input takes folders: webkitdirectory).
      await page.locator('[data-editor-folder]').setInputFiles(folder);
      await poll(() => editor.getAttribute('data-valid')).toBe('true');
      expect(await page.locator('[data-editor-import]').inputValue()).toBe(exported);
      // The folder's message follows the check that sets data-valid: polled, not read once.
      await poll(() => page.locator('[data-editor-message]').textContent()).toMatch(/を読み込みました。/);
      // The link: refused without a title, then made (the form checks the texts first, so polled too).
      await page.locator('[data-action="make-link"]').click();
      await poll(() => page.locator('[data-link-message]').textContent()).toBe(
        '課題のタイトルを入力してください。',
      );
      await page.locator('[data-editor-link] input[name="title"]').fill('第 6 回：ホスト名');
      await page.locator('[data-action="make-link"]').click();
      await poll(() => page.locator('input[data-link]').inputValue()).toMatch(
        /\/assignment\/#assignment=1\./,
      );
      link = await page.locator('input[data-link]').inputValue();
      // The version the roster will show, beside the link (review 7).
      madeDigest = (await page.locator('[data-link-message]').getAttribute('data-digest')) ?? '';
      expect(await page.locator('[data-link-message]').textContent()).toContain(`版：${madeDigest}`);
      expect(await page.locator('[data-link-open]').getAttribute('href')).toBe(link);
      expect(problems).toEqual({
        consoleErrors: [],
        pageErrors: [],
        failedRequests: [],
        foreignRequests: [],
      });
      await page.close();
    },
    TRY_TIMEOUT_MS + 60_000,
  );

  test("the trainer page's builder puts the editor's exercise in a link beside a site exercise", async () => {
    const page = await browser.context.newPage();
    const problems = await watchPage(page, origin);
    await page.goto(`${origin}/trainer/`);
    const own = page.locator('[data-editor-exercise="set-hostname"]');
    // Its title, and the version the editor showed beside its own link (the roster shows the same).
    await poll(() => own.locator('label').textContent()).toBe(`ホスト名を lab1 にする 版：${madeDigest}`);
    await own.locator('input').check();
    await page.locator('input[name="exercise"][value="pid-namespace"]').check();
    await page.getByLabel(/^タイトル$/).fill('第 6 回：名前空間');
    await page.locator('form[data-trainer-builder] button[type="submit"]').click();
    await poll(() => page.locator('form[data-trainer-builder] [data-link]').inputValue()).toMatch(
      /#assignment=1\./,
    );
    const mixed = await page.locator('form[data-trainer-builder] [data-link]').inputValue();
    const decoded = await decodeAssignment(new URL(mixed).hash, ['pid-namespace']);
    expect(decoded.ok && decoded.assignment.exercises).toEqual(['pid-namespace', 'set-hostname']);
    expect(decoded.ok && decoded.assignment.custom?.map((exercise) => exercise.id)).toEqual(['set-hostname']);
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] });
    await page.close();
  });

  test("the learner solves it from the link, labelled as the link author's, and the roster shows its version", async () => {
    // The learner's own browser: nothing stored.
    const learnerBrowser = await launchBrowser();
    const page = await learnerBrowser.context.newPage();
    const problems = await watchPage(page, origin);
    await page.goto(link);
    const item = page.locator('[data-exercise="set-hostname"]');
    await poll(() => item.locator('[data-custom]').textContent()).toBe('リンクの作成者が書いた演習');
    const href = await item.locator('a').getAttribute('href');
    expect(href).toMatch(/^\/custom-exercise\/#assignment=1\.[A-Za-z0-9_-]+&exercise=set-hostname$/);
    // Idle first: leaving a page aborts what it still loads (Starlight's search UI), which watchPage counts.
    await page.waitForLoadState('networkidle');
    await page.goto(`${origin}${href}`);
    await poll(() => page.locator('[data-custom-title]').textContent()).toBe('ホスト名を lab1 にする');
    expect(await page.locator('[data-custom-author]').textContent()).toContain(
      'このサイトが用意したものではありません',
    );
    // It runs on a machine of its own (review 4; tests/e2e/link-machine.test.ts proves it).
    expect(await page.locator('[data-custom-machine]').textContent()).toContain('この演習専用のマシン');
    expect(await page.locator('[data-custom-machine]').textContent()).toContain(
      '「この演習のマシンをリセット」',
    );
    const instructions = page.locator('vlab-exercise .vx-instructions');
    expect(await instructions.textContent()).toContain('<script>');
    expect(await instructions.locator('script, img').count()).toBe(0);
    expect(await page.title()).not.toMatch(/pwned/);
    await shoot(page, { path: `${screenshots}exercise-editor-learner-ja.png`, fullPage: true });
    await keepsPageOnOtherFragment(page, '[data-custom-title]');
    await startPlayground(page);
    // The setup ran before the prompt: the task fails until the learner sets the name.
    await page.locator('vlab-exercise [data-action="check"]').click();
    await poll(() => page.locator('[data-task="hostname-lab1"]').getAttribute('data-result'), 30_000).toBe(
      'failed',
    );
    await page.locator('[data-task="hostname-lab1"] [data-action="hint"]').click();
    await typeLine(page, 'hostname lab1');
    await poll(() => page.locator('vlab-exercise').getAttribute('data-status'), 30_000).toBe('passed');

    await page.waitForLoadState('networkidle');
    await page.goto(link);
    await poll(() => item.getAttribute('data-status')).toBe('passed');
    await keepsPageOnOtherFragment(page, '[data-assignment-title]');
    await page.locator('input[name="learner"]').fill('山田 花子');
    await page.locator('form[data-report-form] button[type="submit"]').click();
    await page.locator('[data-report] [data-report-view]').waitFor();
    const [event] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-report-out] [data-action="download"]').click(),
    ]);
    const reportPath = join(work, 'report.json');
    await event.saveAs(reportPath);
    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as Report;
    const entry = report.exercises.find((exercise) => exercise.id === 'set-hostname');
    expect(entry?.contentDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(entry?.contentDigest?.slice(0, 12)).toBe(madeDigest);
    expect(entry?.tasks[0]).toMatchObject({ taskId: 'hostname-lab1', result: 'passed', hintsUsed: 1 });
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] });
    await learnerBrowser.close();

    const trainer = await browser.context.newPage();
    await trainer.goto(`${origin}/trainer/`);
    // The roster is not kept: the page says so beside the drop zone (review 19b).
    expect(await trainer.locator('[data-roster-lifetime]').textContent()).toBe(
      '名簿はこのページを開いている間だけ表示します。再読み込みしたら、レポートをもう一度読み込んでください。',
    );
    await trainer.locator('[data-files]').setInputFiles([reportPath]);
    const digestCell = trainer
      .locator(`[data-table] [data-content-digest="${entry?.contentDigest}"]`)
      .first();
    await poll(() => digestCell.textContent()).toBe(
      ` リンクの作成者が書いた演習・版：${entry?.contentDigest?.slice(0, 12)}`,
    );
    // Its title comes from the report's own link, not a bare id (review 7).
    expect(await digestCell.locator('xpath=..').textContent()).toContain('ホスト名を lab1 にする');
    expect(await trainer.locator('[data-table] [data-version-problem]').count()).toBe(0);
    // A report whose carried exercise was edited and digested again: intact, but not the version it names.
    const edited = structuredClone(report);
    const carried = edited.assignment?.custom?.[0];
    if (!carried) throw new Error('the report carries no custom exercise');
    carried.title = { ja: '書き換えた題', en: 'An edited title' };
    edited.learner = '佐藤 次郎';
    const { digest: _old, ...body } = edited;
    edited.digest = { algorithm: 'SHA-256', value: await sha256Hex(canonicalJson(body)) };
    const editedPath = join(work, 'report-edited.json');
    writeFileSync(editedPath, JSON.stringify(edited));
    await trainer.locator('[data-files]').setInputFiles([editedPath]);
    const flag = trainer.locator(
      '[data-table] tr[data-version-problem="content-mismatch"] .vlab-version-flag',
    );
    await poll(() => flag.first().textContent()).toBe('⚠ 内容が版と不一致（注 1）');
    expect(await trainer.locator('[data-table] tr[data-version-problem]').count()).toBe(1);
    expect(await trainer.locator('[data-version-note="content-mismatch"]').textContent()).toContain(
      'set-hostname：佐藤 次郎 のレポートでは',
    );
    // The flag, the note and the orange row in both themes: no axe violation (contrast included).
    await bothThemes(trainer, 'roster-version-flag-ja');
    await trainer.close();
  }, 240_000);

  test('hostile links are refused with a clear message', async () => {
    const page = await browser.context.newPage();
    const problems = await watchPage(page, origin);
    const custom = `${link.replace('/assignment/', '/custom-exercise/')}&exercise=set-hostname`;
    // Cut short, as a chat tool might.
    await page.goto(custom.replace(/.{30}(&exercise=)/, '$1'));
    await poll(() => page.locator('[data-custom-exercise] [data-state="bad-link"]').textContent()).toMatch(
      /^この課題のリンクは使えません。/,
    );
    // Huge: refused before anything is decoded.
    await page.goto(`${origin}/custom-exercise/#assignment=1.${'A'.repeat(40_000)}&exercise=x`);
    await poll(() => page.locator('[data-state="bad-link"]').textContent()).toContain('リンクが長すぎます。');
    // A custom exercise under a site exercise's id: refused, so it cannot take over that exercise's progress.
    const clash = await encodeAssignment({
      title: 'x',
      note: '',
      due: null,
      exercises: ['pid-namespace'],
      created: '2026-12-01T00:00:00.000Z',
      custom: [{ ...(await customFromLink()), id: 'pid-namespace' }],
    });
    await page.goto(`${origin}/assignment/${clash}`);
    await poll(() => page.locator('[data-state="bad-link"]').textContent()).toContain(
      'リンクの内容が課題の形式に合いません。',
    );
    expect(await page.title()).not.toMatch(/pwned/);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.foreignRequests).toEqual([]);
    await page.close();
  });

  test('in en too: the learner solves it from the link, reports it, and the roster titles its version', async () => {
    const learnerBrowser = await launchBrowser();
    const page = await learnerBrowser.context.newPage();
    const problems = await watchPage(page, origin);
    const enLink = link.replace(`${origin}/assignment/`, `${origin}/en/assignment/`);
    await page.goto(enLink);
    const item = page.locator('[data-exercise="set-hostname"]');
    await poll(() => item.locator('[data-custom]').textContent()).toBe("Written by the link's author");
    const href = (await item.locator('a').getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/en\/custom-exercise\/#assignment=1\./);
    await page.waitForLoadState('networkidle');
    await page.goto(`${origin}${href}`);
    await poll(() => page.locator('[data-custom-title]').textContent()).toBe('Set the hostname to lab1');
    expect(await page.locator('[data-custom-author]').textContent()).toContain('not by this site');
    expect(await page.locator('[data-custom-machine]').textContent()).toContain('a machine of its own');
    expect(await page.locator('[data-custom-machine]').textContent()).toContain(
      "“Reset this exercise's machine”",
    );
    await startPlayground(page, 'Start');
    await typeLine(page, 'hostname lab1');
    await page.locator('vlab-exercise [data-action="check"]').click();
    await poll(() => page.locator('vlab-exercise').getAttribute('data-status'), 30_000).toBe('passed');
    await page.waitForLoadState('networkidle');
    await page.goto(enLink);
    await poll(() => item.getAttribute('data-status')).toBe('passed');
    await page.locator('input[name="learner"]').fill('Jane Doe');
    await page.locator('form[data-report-form] button[type="submit"]').click();
    await page.locator('[data-report] [data-report-view]').waitFor();
    const [event] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-report-out] [data-action="download"]').click(),
    ]);
    const reportPath = join(work, 'report-en.json');
    await event.saveAs(reportPath);
    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as Report;
    const entry = report.exercises.find((exercise) => exercise.id === 'set-hostname');
    expect(entry?.contentDigest?.slice(0, 12)).toBe(madeDigest);
    expect(entry?.tasks[0]).toMatchObject({ taskId: 'hostname-lab1', result: 'passed' });
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] });
    await learnerBrowser.close();

    const trainer = await browser.context.newPage();
    await trainer.goto(`${origin}/en/trainer/`);
    await trainer.locator('[data-files]').setInputFiles([reportPath]);
    const digestCell = trainer
      .locator(`[data-table] [data-content-digest="${entry?.contentDigest}"]`)
      .first();
    await poll(() => digestCell.textContent()).toBe(
      ` Written by the link's author · version ${entry?.contentDigest?.slice(0, 12)}`,
    );
    expect(await digestCell.locator('xpath=..').textContent()).toContain('Set the hostname to lab1');
    await trainer.close();
  }, 240_000);

  test('an exercise written in Japanese only is shown in Japanese on the en page, with a note (review 9)', async () => {
    const page = await browser.context.newPage();
    const problems = await watchPage(page, origin);
    const keepJa = (text: { ja?: string | undefined }) => ({ ja: text.ja ?? '' });
    const whole = await customFromLink();
    const jaOnly = {
      ...whole,
      title: keepJa(whole.title),
      instructions: keepJa(whole.instructions),
      tasks: whole.tasks.map((task) => ({
        ...task,
        title: keepJa(task.title),
        pass: keepJa(task.pass),
        fail: keepJa(task.fail),
        hints: task.hints.map(keepJa),
      })),
    };
    const fragment = await encodeAssignment({
      title: 'ja only',
      note: '',
      due: null,
      exercises: [jaOnly.id],
      created: '2026-12-03T00:00:00.000Z',
      custom: [jaOnly],
    });
    await page.goto(`${origin}/en/custom-exercise/${fragment}&exercise=${jaOnly.id}`);
    await poll(() => page.locator('[data-custom-title]').textContent()).toBe('ホスト名を lab1 にする');
    expect(await page.locator('[data-custom-title]').getAttribute('lang')).toBe('ja');
    expect(await page.locator('[data-custom-language="ja"]').textContent()).toBe(
      'This exercise is written in Japanese only, so it is shown in Japanese.',
    );
    expect(await page.locator('vlab-exercise .vx-instructions').getAttribute('lang')).toBe('ja');
    expect(await page.locator('.vlab-authored-caption').textContent()).toBe(
      "Instructions by the link's author",
    );
    await bothThemes(page, 'ja-only-on-en');
    // On the ja page it is in the page's language: no note.
    await page.goto(`${origin}/custom-exercise/${fragment}&exercise=${jaOnly.id}`);
    await poll(() => page.locator('[data-custom-title]').textContent()).toBe('ホスト名を lab1 にする');
    expect(await page.locator('[data-custom-language]').count()).toBe(0);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.foreignRequests).toEqual([]);
    await page.close();
  });

  /**
   * Starlight's skip link (#_top) changes the fragment of a page that lives on its fragment: the page must stay
   * as it is (a reload or a new decode would say the link is unusable). A reload would clear the marker.
   */
  async function keepsPageOnOtherFragment(page: Page, shown: string) {
    await page.evaluate(() => {
      (window as unknown as { keptMarker: boolean }).keptMarker = true;
      location.hash = '#_top';
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await page.evaluate(() => (window as unknown as { keptMarker?: boolean }).keptMarker)).toBe(true);
    expect(await page.locator(shown).count()).toBe(1);
    expect(await page.locator('[data-state="bad-link"]').count()).toBe(0);
  }

  /** The custom exercise the first test put in its link, read back with the site's own decoder. */
  async function customFromLink() {
    const result = await decodeAssignment(new URL(link).hash, []);
    const exercise = result.ok ? result.assignment.custom?.[0] : undefined;
    if (!exercise) throw new Error('the link holds no custom exercise');
    return exercise;
  }
});

describe('the exercise editor in en', () => {
  test(
    'a loophole is caught: a near miss that passes its task is marked, with the proof',
    async () => {
      // A browser of its own: the ja test's draft is kept in its browser's storage.
      const own = await launchBrowser();
      const page = await own.context.newPage();
      const problems = await watchPage(page, origin);
      await page.goto(`${origin}/en/exercise-editor/`);
      const editor = page.locator('[data-exercise-editor]');
      await poll(() => editor.getAttribute('data-valid')).toBe('true');
      // The template's near miss made into the right answer: the try must say it passes.
      const template = await page.locator('[data-editor-import]').inputValue();
      await page
        .locator('[data-editor-import]')
        .fill(template.replace('touch /tmp/hello', 'touch /root/hello'));
      await poll(() => editor.getAttribute('data-valid')).toBe('true');
      await page.locator('[data-action="try"]').click();
      const stopButton = page.locator('[data-action="stop-try"]');
      await poll(() => stopButton.isVisible()).toBe(true);
      expect(await stopButton.textContent()).toBe('Stop');
      await poll(() => editor.getAttribute('data-tried'), TRY_TIMEOUT_MS).toBe('problems');
      expect(await stopButton.isHidden()).toBe(true);
      // The budget is judged on the median of the three runs of the check, and the page says so.
      expect(await page.locator('[data-timing="file-exists"]').textContent()).toMatch(
        /^\/root\/hello exists median \d+ ms \(runs: \d+, \d+, \d+/,
      );
      expect(await result(page, 'setup', 'file-exists').getAttribute('data-ok')).toBe('true');
      expect(await result(page, 'solution', 'file-exists').getAttribute('data-status')).toBe('passed');
      const loophole = result(page, 'near-miss-0', 'file-exists');
      expect(await loophole.getAttribute('data-status')).toBe('passed');
      expect(await loophole.getAttribute('data-ok')).toBe('false');
      expect(await page.locator('[data-try-message]').textContent()).toBe(
        '1 result was not as expected. Look at the check marked ✗ and any failed script below.',
      );
      expect(await page.locator('.vlab-try-proof pre').textContent()).toContain(
        'task file-exists: check passed after the near miss, expected failed',
      );
      // Japanese only: valid (a link can carry it), with a warning that content/exercises/ needs English too.
      const jaOnly = template.replace(/^ *en: .*\n/gm, '');
      expect(jaOnly).not.toMatch(/\ben:/);
      await page.locator('[data-editor-import]').fill(jaOnly);
      await page.locator('[data-editor-instructions="en"]').fill('');
      await poll(() => page.locator('[data-editor-problems] [data-warning]').count()).toBe(1);
      expect(await editor.getAttribute('data-valid')).toBe('true');
      expect(await page.locator('[data-editor-problems] [data-warning]').textContent()).toMatch(
        /^instructions\.en\.md: Received no file \/ Expected the English instructions/,
      );
      expect(await page.locator('[data-editor-message]').textContent()).toContain(
        "It cannot go into the site's exercises (content/exercises/) as it is",
      );
      expect(
        await page
          .locator('[data-action="download"]')
          .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-file'))),
      ).toEqual(['exercise.yaml', 'instructions.ja.md']);
      await bothThemes(page, 'en-ja-only-warning');
      // Monaco on demand, over the same text.
      await page.locator('[data-action="code-editor"]').click();
      await poll(() => editor.getAttribute('data-code-editor'), 60_000).toBe('monaco');
      await page.locator('[data-editor-monaco] .monaco-editor').waitFor();
      expect(await page.locator('[data-code-editor-status]').textContent()).toBe('The code editor is ready.');
      await bothThemes(page, 'en-tried');
      expect(problems).toEqual({
        consoleErrors: [],
        pageErrors: [],
        failedRequests: [],
        foreignRequests: [],
      });
      await own.close();
    },
    TRY_TIMEOUT_MS + 60_000,
  );
});

describe("an exercise under a site exercise's id (review 19b)", () => {
  test('exports, but no link carries it: the editor warns, Make link refuses, the builder lists it disabled; a new id makes the link', async () => {
    // A browser of its own: its draft is the template, so the folder replaces it without asking.
    const own = await launchBrowser();
    const page = await own.context.newPage();
    const problems = await watchPage(page, origin);
    await page.goto(`${origin}/exercise-editor/`);
    const editor = page.locator('[data-exercise-editor]');
    await poll(() => editor.getAttribute('data-valid')).toBe('true');
    // The site's exercise folder as it is: a trainer proposing a change to it.
    await page
      .locator('[data-editor-folder]')
      .setInputFiles(fileURLToPath(new URL('../../content/exercises/04-uts-hostname/', import.meta.url)));
    const warning = page.locator('[data-editor-problems] [data-warning="site-id"]');
    await poll(() => warning.textContent()).toBe(
      'id「uts-hostname」は、このサイトの演習の id と同じです。書き出して、そのサイトの演習への変更として提案することはできますが、課題のリンクには入れられません（受講者のページがそのリンクを受け付けません）。リンクで配るには、id を「uts-hostname-2」などの新しいものに変えてください。',
    );
    expect(await editor.getAttribute('data-valid')).toBe('true');
    expect(await page.locator('[data-editor-message]').textContent()).toMatch(
      /を読み込みました。 形式は正しく、読み込めます。.*ただし、id がこのサイトの演習と同じため、課題のリンクには入れられません（下の注意を参照）。書き出すことはできます。$/,
    );
    // Export is offered: that is how a change to the site exercise is proposed.
    expect(await page.locator('[data-action="download"]').count()).toBe(3);
    await page.locator('[data-editor-link] input[name="title"]').fill('第 6 回：ホスト名');
    await page.locator('[data-action="make-link"]').click();
    await poll(() => page.locator('[data-link-message]').textContent()).toBe(
      'リンクを作成できませんでした。id「uts-hostname」はこのサイトの演習の id と同じため、受講者のページがこのリンクを受け付けません。exercise.yaml の id を「uts-hostname-2」などの新しいものに変えてから、もう一度作成してください。',
    );
    expect(await page.locator('[data-link-result]').isHidden()).toBe(true);
    expect(await page.locator('input[data-link]').inputValue()).toBe('');

    // /trainer/'s builder does not hide it: listed, disabled, with the reason.
    const trainer = await own.context.newPage();
    await trainer.goto(`${origin}/trainer/`);
    const listed = trainer.locator('[data-editor-exercise="uts-hostname"]');
    await poll(() => listed.locator('[data-editor-exercise-reason]').textContent()).toBe(
      'id「uts-hostname」がこのサイトの演習と同じため、リンクには入れられません（受講者のページがそのリンクを受け付けません）。演習エディターで id を「uts-hostname-2」などの新しいものに変えてください。',
    );
    expect(await listed.locator('input[type="checkbox"]').isDisabled()).toBe(true);
    await trainer.close();

    // A new id: no warning, and the link is made, one every learner's page accepts.
    const yamlText = await page.locator('[data-editor-import]').inputValue();
    await page
      .locator('[data-editor-import]')
      .fill(yamlText.replace(/^id: uts-hostname$/m, 'id: uts-hostname-2'));
    await poll(() => warning.count()).toBe(0);
    await page.locator('[data-action="make-link"]').click();
    await poll(() => page.locator('input[data-link]').inputValue()).toMatch(/\/assignment\/#assignment=1\./);
    const made = await page.locator('input[data-link]').inputValue();
    // The whole link's length (review 19b, finding 10).
    expect(await page.locator('[data-link-message]').textContent()).toContain(`（${made.length} 文字、版：`);
    const decoded = await decodeAssignment(new URL(made).hash, ['uts-hostname']);
    expect(decoded.ok && decoded.assignment.exercises).toEqual(['uts-hostname-2']);
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] });
    await own.close();
  });
});

/** One unbroken 300-character line of each kind, and titles as long as the schema allows (200). */
const longInstructions = [
  `Download: https://example.com/${'a'.repeat(300)}`,
  `Run \`${'x'.repeat(300)}\` first.`,
  `\`\`\`\necho ${'y'.repeat(300)}\n\`\`\``,
].join('\n\n');
const longTitle = { ja: `あ${'z'.repeat(199)}`, en: `Z${'z'.repeat(199)}` };

/** The template with the long texts: its title, its task's title and all three instruction lines. */
function longYaml(): string {
  return templateYaml
    .replace('ja: /root/hello を作る', `ja: ${longTitle.ja}`)
    .replace('en: Create /root/hello', `en: ${longTitle.en}`)
    .replace('ja: /root/hello がある', `ja: ${longTitle.ja}`)
    .replace('en: /root/hello exists', `en: ${longTitle.en}`);
}

describe('long lines stay in the column (review 19b)', () => {
  test("a link exercise's 300-character URL, inline code and code line, and long titles, do not widen the pages or the editor's preview", async () => {
    const checked = importExercise({
      'exercise.yaml': longYaml(),
      'instructions.ja.md': longInstructions,
      'instructions.en.md': longInstructions,
    });
    if (!checked.ok) throw new Error(checked.problems.join('\n'));
    const fragment = await encodeAssignment({
      title: `w${'w'.repeat(199)}`,
      note: '',
      due: null,
      exercises: [checked.exercise.id],
      created: '2026-12-03T00:00:00.000Z',
      custom: [forLink(checked.exercise)],
    });
    const page = await browser.context.newPage();
    const problems = await watchPage(page, origin);
    const widths = () =>
      page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth }));
    for (const prefix of ['', '/en']) {
      await page.goto(`${origin}${prefix}/custom-exercise/${fragment}&exercise=${checked.exercise.id}`);
      await poll(() => page.locator('[data-custom-title]').textContent()).toBe(
        prefix ? longTitle.en : longTitle.ja,
      );
      const { page: wide, window: viewport } = await widths();
      expect(wide, `${prefix}/custom-exercise/`).toBeLessThanOrEqual(viewport);
      // The code line scrolls in its own box; the playground's toolbar stays on screen.
      const pre = page.locator('vlab-exercise .vx-instructions pre');
      expect(await pre.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
      await bothThemes(page, `long-lines${prefix ? '-en' : '-ja'}`);
      await page.waitForLoadState('networkidle');
      await page.goto(`${origin}${prefix}/assignment/${fragment}`);
      await page.locator('[data-assignment-title]').waitFor();
      expect((await widths()).page, `${prefix}/assignment/`).toBeLessThanOrEqual(viewport);
      await page.waitForLoadState('networkidle');
    }
    // The editor's preview of the same texts.
    await page.goto(`${origin}/exercise-editor/`);
    await poll(() => page.locator('[data-exercise-editor]').getAttribute('data-valid')).toBe('true');
    await page.locator('[data-editor-import]').fill(longYaml());
    await page.locator('[data-editor-instructions="ja"]').fill(longInstructions);
    await poll(() => page.locator('[data-editor-preview] h3').textContent()).toBe(longTitle.ja);
    await poll(() => page.locator('[data-editor-preview] pre').count()).toBe(1);
    const { page: wide, window: viewport } = await widths();
    expect(wide, '/exercise-editor/').toBeLessThanOrEqual(viewport);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.foreignRequests).toEqual([]);
    await page.close();
  });
});

/** The template's first task, and a second whose check hangs (`sleep 60`; the proof stops a check at 10 s, as the learner's page does). */
const hangingYaml = `id: stop-me
chapter: kernel-features
kind: linux
difficulty: 1
estimatedMinutes: 5
title:
  ja: 止める演習
  en: An exercise to stop
setup: |
  true
tasks:
  - id: file-exists
    title:
      ja: /root/hello がある
      en: /root/hello exists
    check: |
      if [ -f /root/hello ]; then echo "found /root/hello"; else echo "no /root/hello"; exit 1; fi
    pass:
      ja: ファイルがあります。
      en: The file exists.
    fail:
      ja: /root/hello がまだありません。
      en: There is no /root/hello yet.
    hints:
      - ja: touch を使います。
        en: Use touch.
  - id: sleeps
    title:
      ja: 眠るチェック
      en: A check that sleeps
    check: |
      sleep 60
    pass:
      ja: 起きました。
      en: Awake.
    fail:
      ja: 眠っています。
      en: Asleep.
    hints:
      - ja: 待ってください。
        en: Wait.
solution: |
  touch /root/hello
nearMisses:
  - title:
      ja: 別のディレクトリに作る
      en: Created in another directory
    script: |
      touch /tmp/hello
    fails: [file-exists]
`;

describe('stopping a try, the template and a folder over a changed draft (ja)', () => {
  test(
    'Stop disposes the guest within seconds and keeps what finished; the template asks first; Try runs again; a folder asks before it replaces changes',
    async () => {
      const own = await launchBrowser();
      const page = await own.context.newPage();
      const problems = await watchPage(page, origin);
      await page.goto(`${origin}/exercise-editor/`);
      const editor = page.locator('[data-exercise-editor]');
      await poll(() => editor.getAttribute('data-valid')).toBe('true');
      const template = await page.locator('[data-editor-import]').inputValue();
      await page.locator('[data-editor-import]').fill(hangingYaml);
      await poll(() => page.locator('[data-editor-preview] h3').textContent()).toBe('止める演習');

      const tryButton = page.locator('[data-action="try"]');
      const stopButton = page.locator('[data-action="stop-try"]');
      expect(await stopButton.isHidden()).toBe(true);
      await tryButton.click();
      await poll(() => stopButton.isVisible()).toBe(true);
      expect(await stopButton.textContent()).toBe('停止');
      expect(await tryButton.isDisabled()).toBe(true);
      await poll(() => editor.getAttribute('data-try-guests'), TRY_TIMEOUT_MS).toBe('1');
      expect(page.workers().length).toBe(1);
      // The setup and the first check take well under a second; the second check sleeps until the 10 s limit.
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      const pressed = Date.now();
      await stopButton.click();
      await poll(() => editor.getAttribute('data-tried'), 5_000).toBe('stopped');
      expect(Date.now() - pressed).toBeLessThan(5_000);
      // The throwaway guest's worker is gone.
      await poll(async () => page.workers().length, 5_000).toBe(0);
      expect(await page.locator('[data-try-message]').textContent()).toBe(
        '停止しました。それまでの結果は下に残っています。「試す」でもう一度始められます。',
      );
      const setup = page.locator('[data-stage="setup"]');
      expect(await setup.getAttribute('data-stopped')).toBe('during');
      expect(await setup.locator('.vlab-try-stopped').textContent()).toMatch(
        /^「眠るチェック」のチェックの実行中に停止しました（\d+ ms 経過）。この後は実行していません。$/,
      );
      // What finished stays, as it was: not failed because of the stop.
      expect(await result(page, 'setup', 'file-exists').getAttribute('data-status')).toBe('failed');
      expect(await result(page, 'setup', 'file-exists').getAttribute('data-ok')).toBe('true');
      expect(await result(page, 'setup', 'sleeps').count()).toBe(0);
      for (const stage of ['solution', 'near-miss-0']) {
        const cut = page.locator(`[data-stage="${stage}"]`);
        expect(await cut.getAttribute('data-stopped')).toBe('before');
        expect(await cut.locator('.vlab-try-stopped').textContent()).toBe('停止したため、実行していません。');
        expect(await cut.locator('[data-task-result]').count()).toBe(0);
      }
      expect(await page.locator('[data-timing="sleeps"]').count()).toBe(0);
      // One run, maybe cold: shown, not held against the budget.
      const oneRun = page.locator('[data-timing="file-exists"]');
      expect(await oneRun.getAttribute('data-over-budget')).toBeNull();
      expect(await oneRun.textContent()).toContain(
        '実行が 1 回だけのため、300 ms を超えるかどうかは判定していません。',
      );
      expect(await page.locator('.vlab-try-proof').count()).toBe(0);
      expect(await stopButton.isHidden()).toBe(true);
      expect(await tryButton.isEnabled()).toBe(true);
      await bothThemes(page, 'ja-stopped');

      // The template over a changed draft: asked first; "no" keeps the draft.
      const asked: string[] = [];
      page.once('dialog', (dialog) => {
        asked.push(dialog.message());
        void dialog.dismiss();
      });
      await page.locator('[data-action="use-template"]').click();
      await poll(() => page.locator('[data-editor-message]').textContent()).toBe('下書きはそのままです。');
      expect(asked).toEqual([
        '今の下書きをテンプレートで置き換えます。ダウンロードしていない変更は失われます。置き換えますか？',
      ]);
      expect(await page.locator('[data-editor-import]').inputValue()).toBe(hangingYaml);
      page.once('dialog', (dialog) => void dialog.accept());
      await page.locator('[data-action="use-template"]').click();
      await poll(() => page.locator('[data-editor-preview] h3').textContent()).toBe('/root/hello を作る');
      const fresh = await page.locator('[data-editor-import]').inputValue();
      // A new id of its own each time.
      expect(fresh).toMatch(/^id: my-exercise-[0-9a-f]{8}\n/);
      expect(fresh.replace(/^id: .*\n/, '')).toBe(template.replace(/^id: .*\n/, ''));

      // Try again, on the template without its near miss (one machine): it runs to the end.
      await page.locator('[data-editor-import]').fill(fresh.replace(/nearMisses:[\s\S]*$/, ''));
      await poll(() => editor.getAttribute('data-valid')).toBe('true');
      await tryButton.click();
      await poll(() => editor.getAttribute('data-tried'), TRY_TIMEOUT_MS).toBe('ok');
      expect(await page.locator('[data-stopped]').count()).toBe(0);
      expect(await result(page, 'solution', 'file-exists').getAttribute('data-status')).toBe('passed');
      const timing = page.locator('[data-timing="file-exists"]');
      expect(await timing.textContent()).toMatch(/中央値 \d+ ms（各回：\d+、\d+/);
      expect(await page.locator('[data-try-timings]').textContent()).toContain(
        'すべての回（新しいマシンでの最初の回を含む）の中央値',
      );

      // A folder over a changed draft: asked first; "no" reads nothing.
      const folder = join(work, 'stop-me');
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'exercise.yaml'), hangingYaml);
      writeFileSync(join(folder, 'instructions.ja.md'), '眠るチェックを止めてください。\n');
      writeFileSync(join(folder, 'instructions.en.md'), 'Stop the sleeping check.\n');
      await page.locator('[data-editor-instructions="ja"]').fill('書きかけの説明');
      await poll(() => page.locator('[data-editor-preview]').textContent()).toContain('書きかけの説明');
      page.once('dialog', (dialog) => {
        asked.push(dialog.message());
        void dialog.dismiss();
      });
      await page.locator('[data-editor-folder]').setInputFiles(folder);
      await poll(() => page.locator('[data-editor-message]').textContent()).toBe(
        'フォルダーは読み込みませんでした。下書きはそのままです。',
      );
      expect(asked[1]).toBe(
        'この下書きには、ダウンロードしていない変更があります。フォルダーの内容で置き換えると、その変更は失われます。置き換えますか？',
      );
      expect(await page.locator('[data-editor-instructions="ja"]').inputValue()).toBe('書きかけの説明');
      page.once('dialog', (dialog) => void dialog.accept());
      await page.locator('[data-editor-folder]').setInputFiles(folder);
      await poll(() => page.locator('[data-editor-preview] h3').textContent()).toBe('止める演習');
      expect(await page.locator('[data-editor-instructions="ja"]').inputValue()).toBe(
        '眠るチェックを止めてください。\n',
      );
      expect(problems).toEqual({
        consoleErrors: [],
        pageErrors: [],
        failedRequests: [],
        foreignRequests: [],
      });
      await own.close();
    },
    2 * TRY_TIMEOUT_MS + 60_000,
  );
});
