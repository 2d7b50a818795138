// The latest check run per exercise, as src/lab/store.ts keeps it in localStorage (`vlab:checks`). This site
// writes it, but it is read back as hostile input: an older version of the site, an extension or a hand edit
// may have written anything. A result the report schema would refuse is dropped (that task then reads "not
// checked"), so buildReport never throws on stored data. Pure and schema-free: it ships with every exercise.
import type { CheckStatus, TaskCheckResult } from './check-runner.ts';
import type { CheckRun } from './report.ts';

const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** As a report's evidence (report.ts); a check itself keeps 2000. */
const MAX_EVIDENCE = 4_000;
const statuses: readonly CheckStatus[] = ['passed', 'failed', 'error'];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Exercise and task ids are kebab-case: never `__proto__`, so a key can be assigned without a second look. */
const isId = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= 60 && idPattern.test(value);

function isResult(value: unknown): value is TaskCheckResult {
  if (!isRecord(value)) return false;
  const { taskId, status, passed, evidence, durationMs, error } = value;
  return (
    isId(taskId) &&
    statuses.includes(status as CheckStatus) &&
    passed === (status === 'passed') &&
    typeof evidence === 'string' &&
    evidence.length <= MAX_EVIDENCE &&
    Number.isSafeInteger(durationMs) &&
    (durationMs as number) >= 0 &&
    (error === undefined || typeof error === 'string')
  );
}

/** A time as toISOString writes it for years 0–9999 (what a report accepts); anything else is not a time. */
function timeOf(value: unknown): Date | undefined {
  if (typeof value !== 'string' || !/^\d{4}-/.test(value)) return undefined;
  const at = new Date(value);
  return !Number.isNaN(at.getTime()) && at.toISOString() === value ? at : undefined;
}

/** The stored runs (`vlab:checks`) by exercise id; unreadable runs and results count as none. */
export function parseCheckRuns(raw: string | null): Record<string, CheckRun> {
  if (raw === null) return {};
  let stored: unknown;
  try {
    stored = JSON.parse(raw);
  } catch {
    return {};
  }
  if (!isRecord(stored)) return {};
  const runs: Record<string, CheckRun> = {};
  for (const [id, run] of Object.entries(stored)) {
    if (!isId(id) || !isRecord(run) || !Array.isArray(run.results)) continue;
    const at = timeOf(run.at);
    if (at) runs[id] = { at, results: run.results.filter(isResult) };
  }
  return runs;
}
