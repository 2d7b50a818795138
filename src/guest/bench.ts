// npm run bench:guest [-- --json] [-- --runs N]
// Times the guest in Node: cold boot, restore to the first command's output, and the echo round
// trip on the program channel; medians of N runs (default 5). With --json the last line is one
// JSON object: {coldBootMs, restoreMs, echoMs, echoBackToBackMs, stateBytes, kernelBytes, runs,
// budgets, withinBudget}. The v86 wasm is compiled once before timing, as a page does once per visit.
//
// echoMs is the latency of one command sent to an idle guest (the agent keeps a shell started
// ahead of time, so no process is created on the critical path); samples are spaced by
// ECHO_PACE_MS, a checker's pace. echoBackToBackMs sends the next command the moment the previous
// one answered, so each also waits for the next shell to start (~30-50 ms of emulated fork+exec).
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Guest } from '../emulator/guest.ts';
import { nodeAssets } from '../emulator/node-assets.ts';
import { guestDir, readManifest } from './manifest.ts';
import { median } from './median.ts';

const { values } = parseArgs({
  options: { json: { type: 'boolean', default: false }, runs: { type: 'string', default: '5' } },
});
const runs = Math.max(1, Number(values.runs));
const ECHO_ROUND_TRIPS = 21;
const ECHO_PACE_MS = 150;
const budgets = {
  coldBootMs: 3500,
  restoreMs: 400,
  echoMs: 35,
  stateBytes: 3.5 * 1024 * 1024,
  kernelBytes: 3.5 * 1024 * 1024,
};

const log = (line: string): void => {
  if (!values.json) console.log(line);
};

const assets = nodeAssets();
await assets.wasm();

async function timeColdBoot(): Promise<number> {
  const guest = new Guest({ assets });
  const started = performance.now();
  await guest.coldBoot();
  const ms = performance.now() - started;
  await guest.dispose();
  return ms;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function timeRestore(): Promise<{ restoreMs: number; echoMs: number[]; backToBackMs: number[] }> {
  const started = performance.now();
  const guest = new Guest({ assets });
  const result = await guest.restore();
  if (result.mode !== 'restored')
    throw new Error(`restore fell back to a cold boot: ${result.fallbackReason?.message}`);
  const first = await guest.run('echo ready');
  if (first.output !== 'ready\n') throw new Error(`unexpected output ${JSON.stringify(first.output)}`);
  const restoreMs = performance.now() - started;
  const echoMs: number[] = [];
  const backToBackMs: number[] = [];
  for (let i = 0; i < ECHO_ROUND_TRIPS; i++) {
    await pause(ECHO_PACE_MS);
    const t = performance.now();
    await guest.run('echo hi');
    echoMs.push(performance.now() - t);
  }
  for (let i = 0; i < ECHO_ROUND_TRIPS; i++) {
    const t = performance.now();
    await guest.run('echo hi');
    backToBackMs.push(performance.now() - t);
  }
  await guest.dispose();
  return { restoreMs, echoMs, backToBackMs };
}

const cold: number[] = [];
const restore: number[] = [];
const echo: number[] = [];
const backToBack: number[] = [];
for (let i = 0; i < runs; i++) {
  cold.push(await timeColdBoot());
  const r = await timeRestore();
  restore.push(r.restoreMs);
  echo.push(median(r.echoMs));
  backToBack.push(median(r.backToBackMs));
  log(
    `run ${i + 1}/${runs}: cold boot ${Math.round(cold.at(-1) ?? 0)} ms, restore ${Math.round(r.restoreMs)} ms, ` +
      `echo ${median(r.echoMs).toFixed(1)} ms (back to back ${median(r.backToBackMs).toFixed(1)} ms)`,
  );
}

const manifest = readManifest();
const figures = {
  coldBootMs: Math.round(median(cold)),
  restoreMs: Math.round(median(restore)),
  echoMs: Number(median(echo).toFixed(1)),
  echoBackToBackMs: Number(median(backToBack).toFixed(1)),
  stateBytes: statSync(guestDir + (manifest.state?.file ?? 'state.bin.zst')).size,
  kernelBytes: statSync(guestDir + manifest.kernel.file).size,
};
const withinBudget = (Object.keys(budgets) as (keyof typeof budgets)[]).every(
  (k) => figures[k] <= budgets[k],
);
log(`medians of ${runs}: ${JSON.stringify(figures)} (budgets ${JSON.stringify(budgets)})`);
console.log(
  values.json
    ? JSON.stringify({ ...figures, runs, budgets, withinBudget })
    : withinBudget
      ? 'within budget'
      : 'OVER BUDGET',
);
