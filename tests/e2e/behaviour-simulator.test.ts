import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { scenarioIds } from '../../src/sim/behaviour/types.ts';
import { axeViolations } from './support/axe.ts';
import { type Browser, launchBrowser, watchPage } from './support/browser.ts';
import { projectRoot } from './support/build-site.ts';
import { screenshotTest } from './support/screenshots.ts';

// The behaviour simulator on /compare/ and /en/compare/, in real Chromium: keyboard only, both languages,
// the URL fragment, the page's JS budget, axe, reduced motion, and "measure it here" on the real guest.
const origin = inject('origin');
const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(screenshots, { recursive: true });
});
afterAll(() => browser?.close());

const clean = { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] };
const SIM = '[data-widget="behaviour-simulator"]';

async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${origin}${path}`);
  await page.waitForSelector(`${SIM}[data-loaded]`);
}

/** Presses Tab until the focused element matches `selector` (the learner's way through the page). */
async function tabTo(page: Page, selector: string, limit = 120): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

const currentStep = (page: Page) => page.locator(`${SIM} [data-step]`).getAttribute('data-step');
const outcomes = (page: Page) => page.locator(`${SIM} [data-lane] .bs-outcome`).allTextContents();

test('the select offers every scenario; only a small script loads before the widget, within the page budget', async () => {
  const page = await browser.context.newPage();
  const problems = await watchPage(page, origin);
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  await open(page, '/compare/');
  const options = await page
    .locator(`${SIM} select.bs-scenario option`)
    .evaluateAll((list) => list.map((o) => (o as HTMLOptionElement).value));
  expect(options).toEqual([...scenarioIds]);
  await page.waitForLoadState('networkidle');
  // Nothing of the guest before the learner asks for a measurement.
  expect(urls.filter((url) => /wasm|\/guest\/|v86|worker/.test(url))).toEqual([]);
  // The page's JS with the widget loaded and its first scenario and chart drawn: within 60 KB gz.
  const scripts = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.endsWith('.js')),
  );
  const gz = scripts.reduce(
    (sum, path) => sum + gzipSync(readFileSync(`${projectRoot}dist${path}`), { level: 9 }).length,
    0,
  );
  console.log(`Compare page JS with the simulator shown: ${scripts.length} files, ${gz} bytes gz`);
  expect(gz).toBeLessThan(60_000);
  expect(problems).toEqual(clean);
  await page.close();
});

describe.each([
  { lang: 'ja', path: '/compare/', play: '再生', pause: '一時停止' },
  { lang: 'en', path: '/en/compare/', play: 'Play', pause: 'Pause' },
])('$path', ({ lang, path, play, pause }) => {
  test('played with the keyboard only: step, scrub, play, change a condition and see the lanes change', async () => {
    const page = await browser.context.newPage();
    const problems = await watchPage(page, origin);
    await open(page, path);
    expect(
      await page.locator(`${SIM} [data-lane]`).evaluateAll((l) => l.map((e) => e.getAttribute('data-lane'))),
    ).toEqual(['esxi', 'kvm', 'docker']);
    expect(await currentStep(page)).toBe('0');
    expect(await page.locator(`${SIM} [data-step]`).getAttribute('aria-current')).toBe('step');

    await tabTo(page, '[data-action="forward"]');
    await page.keyboard.press('Enter');
    expect(await currentStep(page)).toBe('1');
    await page.keyboard.press('Space');
    expect(await currentStep(page)).toBe('2');
    // The live region says which step, in the page's language.
    expect(await page.locator(`${SIM} .bs-live`).textContent()).toMatch(
      lang === 'ja' ? /^手順 3 \/ \d+、/ : /^Step 3 of \d+, /,
    );

    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('range');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await currentStep(page)).toBe('4');
    await page.keyboard.press('Home');
    expect(await currentStep(page)).toBe('0');

    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(play);
    await page.keyboard.press('Enter');
    expect(await page.locator(SIM).getAttribute('data-playing')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(pause);
    await expect.poll(() => currentStep(page), { timeout: 10_000 }).toBe('1');
    await page.keyboard.press('Enter');
    expect(await page.locator(SIM).getAttribute('data-playing')).toBe('false');

    // A condition: the first number field, one step up with the keyboard, committed by leaving it.
    const before = await outcomes(page);
    const stateBefore = JSON.parse((await page.locator(SIM).getAttribute('data-state')) ?? '{}');
    await page.keyboard.press('Home');
    await page.locator(`${SIM} .bs-param input[type="number"]`).first().focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Tab');
    await expect
      .poll(() => page.locator(SIM).getAttribute('data-state'))
      .not.toBe(JSON.stringify(stateBefore));
    expect(await outcomes(page)).not.toEqual(before);
    // The fragment follows (this page syncs the URL).
    expect(decodeURIComponent(new URL(page.url()).hash)).toMatch(/^#scenario=start&/);

    const violations = await axeViolations(page);
    expect(violations).toEqual([]);
    expect(problems).toEqual(clean);
    await page.close();
  });

  test('every scenario plays, shows its steps in three lanes and draws its charts, axe clean', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 2400 });
    const problems = await watchPage(page, origin);
    await open(page, path);
    for (const id of scenarioIds) {
      await page.locator(`${SIM} select.bs-scenario`).selectOption(id);
      await page.waitForSelector(`${SIM}[data-loaded="${id}"]`);
      expect(await page.locator(`${SIM} [data-step]`).count()).toBe(1);
      for (const lane of ['esxi', 'kvm', 'docker'])
        expect(await page.locator(`${SIM} [data-lane="${lane}"] .bs-step`).count()).toBeGreaterThan(0);
      // Every number shown has a source link or an assumption / derived badge.
      const figures = page.locator(`${SIM} .bs-figure`);
      const withProvenance = page.locator(`${SIM} .bs-figure [data-provenance]`);
      expect(await withProvenance.count()).toBe(await figures.count());
      for (const figure of await page.locator(`${SIM} figure.vc-chart`).all()) {
        await figure.scrollIntoViewIfNeeded();
        await page.waitForSelector(`${SIM} figure.vc-chart[data-drawn]`);
      }
      const allDrawn = () =>
        page
          .locator(`${SIM} figure.vc-chart`)
          .evaluateAll((list) =>
            list.every((f) => f.hasAttribute('data-drawn') && f.querySelector('svg') !== null),
          );
      await expect.poll(allDrawn).toBe(true);
      expect([id, await axeViolations(page)]).toEqual([id, []]);
    }
    expect(problems).toEqual(clean);
    await page.close();
  });
});

describe.each([
  {
    lang: 'ja',
    path: '/compare/',
    count: /^条件（\d+）$/,
    changed: '既定値から 1 件変更',
    reset: '既定値に戻す',
  },
  {
    lang: 'en',
    path: '/en/compare/',
    count: /^Conditions \(\d+\)$/,
    changed: '1 changed from the defaults',
    reset: 'Reset to defaults',
  },
])('the conditions on $path', ({ path, count, changed, reset }) => {
  const panel = `${SIM} details.bs-params`;

  test('on a phone they start closed, so the player and the lanes come first; opened, help, reset, by keyboard', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    const problems = await watchPage(page, origin);
    await open(page, `${path}#scenario=host-failure`);
    expect(await page.locator(panel).evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await page.locator(`${panel} > summary .bs-params-count`).textContent()).toMatch(count);
    // Closed, the panel is one line: the first lane starts less than a screen below the panel's top.
    const top = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((e) => e.getBoundingClientRect().top + scrollY);
    expect((await top(`${SIM} [data-lane]`)) - (await top(panel))).toBeLessThan(844);
    // Shared parameters first, then each lane's under the lane's name.
    const groups = await page
      .locator(`${panel} [data-param-group]`)
      .evaluateAll((list) => list.map((g) => g.getAttribute('data-param-group')));
    expect(groups).toEqual(['shared', 'esxi', 'kvm', 'docker']);

    await tabTo(page, `${panel} > summary`);
    await page.keyboard.press('Enter');
    expect(await page.locator(panel).evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    // The help text: behind a button with aria-expanded, and the input's description all the time.
    const first = page.locator(`${panel} .bs-param`).first();
    const toggle = first.locator('.bs-help-toggle');
    const help = first.locator('.bs-help');
    expect(await help.isVisible()).toBe(false);
    const helpId = await help.getAttribute('id');
    expect(
      (await first.locator('select, input').first().getAttribute('aria-describedby'))?.split(' '),
    ).toContain(helpId);
    await tabTo(page, `${panel} .bs-help-toggle`);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await help.isVisible()).toBe(true);
    expect(await page.locator(`${panel} [data-action="reset-params"]`).getAttribute('aria-disabled')).toBe(
      'true',
    );

    // A change is counted in the summary; "Reset to defaults" takes it back and is announced as a change.
    const defaults = await page.locator(SIM).getAttribute('data-state');
    const field = page.locator(`${panel} .bs-param input[type="number"]`).first();
    await field.focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.locator(`${panel} .bs-params-changed`).textContent()).toBe(changed);
    expect(await page.locator(`${panel} .bs-param[data-changed]`).count()).toBe(1);
    expect(await page.locator(SIM).getAttribute('data-state')).not.toBe(defaults);
    await page.evaluate(() => {
      const w = window as unknown as { changes: unknown[] };
      w.changes = [];
      document.addEventListener('vlab-widget-change', (e) => w.changes.push((e as CustomEvent).detail));
    });
    await page.locator(`${panel} > summary`).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(reset);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator(SIM).getAttribute('data-state')).toBe(defaults);
    expect(await page.evaluate(() => (window as unknown as { changes: unknown[] }).changes)).toEqual([
      JSON.parse(defaults ?? '{}'),
    ]);
    expect(await page.locator(`${panel} .bs-params-changed`).textContent()).toBe('');
    // Focus stays on the button (aria-disabled, not disabled).
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe(
      'reset-params',
    );

    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual(clean);
    await page.close();
  });

  test('open on a wide screen, and open on a phone in an exercise (lockScenario)', async () => {
    const wide = await browser.context.newPage();
    await open(wide, path);
    expect(await wide.locator(panel).evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await wide.close();

    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    // As <Exercise> renders it: the same element with data-lock-scenario, set before the element upgrades.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        const element = document.querySelector('behaviour-simulator');
        if (!element) return;
        element.setAttribute('data-lock-scenario', 'true');
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await open(page, path);
    expect(await page.locator(SIM).getAttribute('data-lock-scenario')).toBe('true');
    expect(await page.locator(panel).evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await page.close();
  });
});

test('a prepared situation survives a reload through the fragment; a hostile fragment falls back quietly', async () => {
  const page = await browser.context.newPage();
  const problems = await watchPage(page, origin);
  await open(page, '/en/compare/#scenario=consolidation');
  expect(await page.locator(`${SIM} select.bs-scenario`).inputValue()).toBe('consolidation');
  // Change a condition with the keyboard, as a trainer preparing a link would.
  const field = page.locator(`${SIM} .bs-param input[type="number"]`).first();
  const original = Number(await field.inputValue());
  await field.focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Tab');
  await expect.poll(() => field.inputValue()).not.toBe(String(original));
  const state = await page.locator(SIM).getAttribute('data-state');
  const hash = new URL(page.url()).hash;
  expect(hash).toMatch(/^#scenario=consolidation&/);
  await page.reload();
  await page.waitForSelector(`${SIM}[data-loaded="consolidation"]`);
  expect(await page.locator(SIM).getAttribute('data-state')).toBe(state);
  expect(new URL(page.url()).hash).toBe(hash);

  // The element's contract with widget exercises: state, setState, and a change event per learner change.
  const seen = await page.evaluate(async () => {
    const el = document.querySelector('behaviour-simulator') as HTMLElement & {
      state: { scenario: string };
      setState(s: unknown): void;
    };
    const events: string[] = [];
    el.addEventListener('vlab-widget-change', (e) => events.push((e as CustomEvent).detail.scenario));
    el.setState({ scenario: 'exploit', params: {} });
    const afterSet = el.state.scenario;
    const select = el.querySelector('select') as HTMLSelectElement;
    select.value = 'patching';
    select.dispatchEvent(new Event('change'));
    await new Promise((resolve) => el.addEventListener('vlab-widget-change', resolve, { once: true }));
    return { afterSet, events };
  });
  expect(seen).toEqual({ afterSet: 'exploit', events: ['patching'] });

  // A fragment that is not a state (a heading's anchor, or garbage) changes nothing on an open page...
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        // The element's own hashchange listener runs first (it was added first); then look.
        addEventListener('hashchange', () => setTimeout(resolve, 0), { once: true });
        location.hash = '#how-to-use-it';
      }),
  );
  expect(await page.locator(`${SIM} select.bs-scenario`).inputValue()).toBe('patching');
  expect(new URL(page.url()).hash).toBe('#how-to-use-it');
  expect(problems).toEqual(clean);
  await page.close();

  // ...and a fresh page opened with one shows the default scenario, without an error.
  const fresh = await browser.context.newPage();
  const freshProblems = await watchPage(fresh, origin);
  await open(fresh, '/en/compare/#scenario=%E0%A4%A&hosts=1e999&__proto__=1');
  expect(await fresh.locator(`${SIM} select.bs-scenario`).inputValue()).toBe('start');
  expect(freshProblems).toEqual(clean);
  await fresh.close();
});

test('with reduced motion the player still plays, and nothing transitions', async () => {
  const page = await browser.context.newPage();
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const problems = await watchPage(page, origin);
  await open(page, '/compare/');
  const transition = await page
    .locator(`${SIM} .bs-step`)
    .first()
    .evaluate((el) => getComputedStyle(el).transitionDuration);
  expect(transition).toBe('0s');
  await page.locator(`${SIM} [data-action="play"]`).click();
  await expect.poll(() => currentStep(page), { timeout: 10_000 }).toBe('1');
  expect(problems).toEqual(clean);
  await page.close();
});

test('"measure it here" says the machine is off, starts it only when asked, and shows the value beside the cited figure', async () => {
  const { context, close } = await launchBrowser();
  const page = await context.newPage();
  const problems = await watchPage(page, origin);
  await open(page, '/en/compare/#scenario=start');
  const block = page.locator(`${SIM} [data-measurement]`).first();
  await block.getByRole('button', { name: 'Measure it here' }).click();
  await expect.poll(() => block.getAttribute('data-measure')).toBe('machine-off');
  expect(await block.locator('.bs-measured').textContent()).toContain('not running yet');
  await block.getByRole('button', { name: 'Start Linux' }).click();
  await expect.poll(() => block.getAttribute('data-measure'), { timeout: 90_000 }).toBe('done');
  expect(await block.locator('.bs-measured').textContent()).toMatch(/^Measured in an emulator: [\d.,]+ /);
  expect(Number(await block.getAttribute('data-value'))).toBeGreaterThan(0);
  expect(await block.locator('.bs-cited').textContent()).toMatch(/^Cited figure: /);
  expect(problems).toEqual(clean);
  await close();
}, 120_000);

screenshotTest('screenshots: ja/en, light/dark, 1280 and 390 px, mid-play', async () => {
  for (const [lang, path] of [
    ['ja', '/compare/'],
    ['en', '/en/compare/'],
  ] as const)
    for (const scheme of ['light', 'dark'] as const)
      for (const width of [1280, 390]) {
        const page = await browser.context.newPage();
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme: scheme });
        await open(page, `${path}#scenario=host-failure`);
        await page.evaluate((s) => {
          document.documentElement.dataset.theme = s;
        }, scheme);
        for (let i = 0; i < 4; i++) await page.locator(`${SIM} [data-action="forward"]`).click();
        for (const figure of await page.locator(`${SIM} figure.vc-chart`).all())
          await figure.scrollIntoViewIfNeeded();
        // From the top: a full-page shot of a scrolled page draws the sticky header over the middle.
        await page.evaluate(() => scrollTo(0, 0));
        await page.screenshot({
          path: `${screenshots}compare-${lang}-${scheme}-${width}.png`,
          fullPage: true,
        });
        if (width === 390) {
          // The conditions opened on the phone, one help text shown, one value changed.
          await page.locator(`${SIM} details.bs-params > summary`).click();
          await page.locator(`${SIM} .bs-help-toggle`).nth(1).click();
          const field = page.locator(`${SIM} .bs-param input[type="number"]`).first();
          await field.fill('32');
          await field.press('Tab');
          await page.evaluate(() => scrollTo(0, 0));
          await page.screenshot({
            path: `${screenshots}compare-${lang}-${scheme}-390-conditions.png`,
            fullPage: true,
          });
        }
        await page.close();
      }
});
