// npm run bench:guest [-- --json] [-- --runs N]
// Times the guest in Node: cold boot, restore to the first command's output, and the echo round
// trip on the program channel; medians of N runs (default 5). With --json the last line is one
// JSON object: {coldBootMs, restoreMs, echoMs, echoBackToBackMs, stateBytes, kernelBytes,
// firstToolMs, warmToolMs, refetchBytes, lsnsMs, lazyBytes, lazyUnpackedBytes, runs, budgets,
// withinBudget}. The v86 wasm is compiled once before timing, as a page does once per visit.
//
// The Debian tools (served lazily over 9p, files read from public/guest/lazy/ here): firstToolMs is the
// first `ip -br addr` after a restore (its files fetched and unpacked on the way), warmToolMs the same
// command again; refetchBytes what a second `crun --version` in the same machine fetched (must be 0:
// lazy-files.ts keeps every file); lsnsMs a plain `lsns` (~40 /proc reads per process, the slowest
// everyday tool); lazyBytes the zstd files the site serves for the tree, none of them in the state.
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
  firstToolMs: 1000,
  warmToolMs: 400,
  refetchBytes: 0,
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

interface RestoreRun {
  restoreMs: number;
  echoMs: number[];
  backToBackMs: number[];
  firstToolMs: number;
  warmToolMs: number;
  refetchBytes: number;
  lsnsMs: number;
}

/** Runs `command` and returns how long it took; it must succeed. */
async function timed(guest: Guest, command: string): Promise<number> {
  const t = performance.now();
  const result = await guest.run(command, { timeoutMs: 30_000 });
  const ms = performance.now() - t;
  if (result.exitCode !== 0) throw new Error(`${command} failed (${result.exitCode}): ${result.output}`);
  return ms;
}

async function timeRestore(): Promise<RestoreRun> {
  const started = performance.now();
  const guest = new Guest({ assets });
  const result = await guest.restore();
  if (result.mode !== 'restored')
    throw new Error(`restore fell back to a cold boot: ${result.fallbackReason?.message}`);
  const first = await guest.run('echo ready');
  if (first.output !== 'ready\n') throw new Error(`unexpected output ${JSON.stringify(first.output)}`);
  const restoreMs = performance.now() - started;
  const firstToolMs = await timed(guest, 'ip -br addr');
  const warmToolMs = await timed(guest, 'ip -br addr');
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
  await timed(guest, 'crun --version');
  const fetchedBefore = guest.lazyFileStats.bytes;
  await timed(guest, 'crun --version');
  const refetchBytes = guest.lazyFileStats.bytes - fetchedBefore;
  const lsnsMs = await timed(guest, 'lsns');
  await guest.dispose();
  return { restoreMs, echoMs, backToBackMs, firstToolMs, warmToolMs, refetchBytes, lsnsMs };
}

const cold: number[] = [];
const restore: number[] = [];
const echo: number[] = [];
const backToBack: number[] = [];
const firstTool: number[] = [];
const warmTool: number[] = [];
const refetch: number[] = [];
const lsns: number[] = [];
for (let i = 0; i < runs; i++) {
  cold.push(await timeColdBoot());
  const r = await timeRestore();
  restore.push(r.restoreMs);
  echo.push(median(r.echoMs));
  backToBack.push(median(r.backToBackMs));
  firstTool.push(r.firstToolMs);
  warmTool.push(r.warmToolMs);
  refetch.push(r.refetchBytes);
  lsns.push(r.lsnsMs);
  log(
    `run ${i + 1}/${runs}: cold boot ${Math.round(cold.at(-1) ?? 0)} ms, restore ${Math.round(r.restoreMs)} ms, ` +
      `echo ${median(r.echoMs).toFixed(1)} ms (back to back ${median(r.backToBackMs).toFixed(1)} ms), ` +
      `ip -br addr ${Math.round(r.firstToolMs)} ms then ${Math.round(r.warmToolMs)} ms, ` +
      `refetched ${r.refetchBytes} B, lsns ${Math.round(r.lsnsMs)} ms`,
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
  firstToolMs: Math.round(median(firstTool)),
  warmToolMs: Math.round(median(warmTool)),
  // The worst run, not the median: any refetch is a bug.
  refetchBytes: Math.max(...refetch),
  lsnsMs: Math.round(median(lsns)),
  lazyBytes: manifest.lazy.zstdBytes,
  lazyUnpackedBytes: manifest.lazy.bytes,
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
