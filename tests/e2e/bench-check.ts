// `npm run bench:check [-- --json] [-- --runs N] [-- --node-only]`: how long exercise checks take.
//  - Node: the `run()` round trip of each seed exercise's checks on a restored guest, after setup and after the
//    solution (the two states a learner's checks see most), median of N runs per check.
//  - Chromium: from the Check click to the result shown on the page, for a simple check (memory-oom: one
//    directory test and a `cat`), on the built site served from 127.0.0.1, median of N clicks.
// Also the JS an exercise page downloads before its playground starts (gzip -9, as a CDN would serve it).
// Prints its figures; with --json, one JSON object as the last line. Budget: a simple check ≤ 300 ms median.
// Builds the site first unless E2E_SKIP_BUILD=1 (or --node-only). A benchmark, not a test: it asserts nothing.
import { runCheck } from '../../src/exercises/check-runner.ts';
import { loadExercises } from '../../src/exercises/load.ts';
import { startRestoredGuest } from '../../src/exercises/node-guest.ts';
import { median } from '../../src/guest/median.ts';
import { launchBrowser } from './support/browser.ts';
import { buildSite, projectRoot } from './support/build-site.ts';
import { pageJs } from './support/page-js.ts';
import { startStaticServer } from './support/static-server.ts';

const json = process.argv.includes('--json');
const nodeOnly = process.argv.includes('--node-only');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const log = (line: string) => {
  if (!json) console.log(line);
};

/** The round trip of `true`: the floor under every check, and a gauge of how busy the machine is. */
let emptyRoundTripMs = 0;
/** Per exercise and task: median milliseconds of the check after setup and after the solution. */
const nodeChecks: Record<string, Record<string, { afterSetupMs: number; afterSolutionMs: number }>> = {};
for (const exercise of loadExercises()) {
  if (exercise.kind !== 'linux') continue;
  const guest = await startRestoredGuest();
  try {
    const timeOf = async (task: { id: string; check: string }) => {
      const times: number[] = [];
      for (let i = 0; i < runs; i++) times.push((await runCheck(guest, task)).durationMs);
      return median(times);
    };
    if (emptyRoundTripMs === 0) {
      emptyRoundTripMs = await timeOf({ id: 'true', check: 'true' });
      log(`node  baseline: \`true\` round trip ${emptyRoundTripMs} ms`);
    }
    await guest.run(exercise.setup, { timeoutMs: 60_000 });
    const afterSetup = new Map<string, number>();
    for (const task of exercise.tasks) afterSetup.set(task.id, await timeOf(task));
    await guest.run(exercise.solution, { timeoutMs: 60_000 });
    nodeChecks[exercise.id] = {};
    for (const task of exercise.tasks) {
      const entry = { afterSetupMs: afterSetup.get(task.id) ?? 0, afterSolutionMs: await timeOf(task) };
      nodeChecks[exercise.id] = { ...nodeChecks[exercise.id], [task.id]: entry };
      log(
        `node  ${exercise.id}/${task.id}: ${entry.afterSetupMs} ms after setup, ${entry.afterSolutionMs} ms after the solution`,
      );
    }
  } finally {
    await guest.dispose();
  }
}

let browser:
  | {
      clickToResultMs: number;
      samples: number[];
      jsGzBytesBeforeActivation: number;
      jsGzBytesPlaygroundOnly: number;
      jsGzBytesAddedByExercise: number;
      jsGzBytesSearchUi: number;
    }
  | undefined;
if (!nodeOnly) {
  if (process.env.E2E_SKIP_BUILD !== '1') buildSite(json);
  const server = await startStaticServer(`${projectRoot}dist`);
  const { context, close } = await launchBrowser();
  try {
    // Scripts each page loads before anything is started (search UI apart: see support/page-js.ts).
    const astroDir = `${projectRoot}dist/_astro`;
    const exercisePage = await pageJs(context, `${server.origin}/en/exercises/memory-oom/`, astroDir);
    const playgroundPage = await pageJs(context, `${server.origin}/en/try/`, astroDir);
    const jsGzBytesBeforeActivation = exercisePage.gzBytes;
    const jsGzBytesPlaygroundOnly = playgroundPage.gzBytes;
    const page = await context.newPage();
    await page.goto(`${server.origin}/en/exercises/memory-oom/`, { waitUntil: 'networkidle' });
    // The first Check starts the machine; the timed ones below find it running.
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.waitForSelector('[data-task="limit-set"][data-result="failed"]', { timeout: 60_000 });
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      // Timed in the page: from the click event to the frame after the result text changed.
      const ms = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const line = document.querySelector('[data-progress]') as HTMLElement;
            line.textContent = '';
            let clickAt = 0;
            document.addEventListener(
              'click',
              (event) => {
                clickAt = event.timeStamp;
              },
              { capture: true, once: true },
            );
            new MutationObserver((_, observer) => {
              if (/tasks done/.test(line.textContent ?? '')) {
                observer.disconnect();
                requestAnimationFrame(() => resolve(performance.now() - clickAt));
              }
            }).observe(line, { childList: true, characterData: true, subtree: true });
            (document.querySelector('[data-action="check"]') as HTMLButtonElement).click();
          }),
      );
      samples.push(Math.round(ms));
    }
    browser = {
      clickToResultMs: Math.round(median(samples)),
      samples,
      jsGzBytesBeforeActivation,
      jsGzBytesPlaygroundOnly,
      jsGzBytesAddedByExercise: jsGzBytesBeforeActivation - jsGzBytesPlaygroundOnly,
      jsGzBytesSearchUi: exercisePage.searchUiGzBytes,
    };
    log(
      `chromium  memory-oom (2 simple checks): Check click → result shown, median ${browser.clickToResultMs} ms (${samples.join(', ')})`,
    );
    log(
      `chromium  JS before the playground starts: exercise page ${jsGzBytesBeforeActivation} B gz, ` +
        `/en/try/ (playground only) ${jsGzBytesPlaygroundOnly} B gz: the exercise UI adds ${browser.jsGzBytesAddedByExercise} B (budget 15 KB)`,
    );
  } finally {
    await close();
    await server.close();
  }
}

console.log(JSON.stringify({ runs, emptyRoundTripMs, nodeChecks, browser: browser ?? null }));
