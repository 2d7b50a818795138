// The trainer's roster: several learners' verified reports as rows (learner × task), sortable, and CSV that
// is safe to open in a spreadsheet.
import type { Report } from './report.ts';

export interface RosterRow {
  learner: string;
  assignment: string;
  exerciseId: string;
  /** A trainer's own exercise: the digest of the version the learner did (report.ts); null for the site's. */
  contentDigest: string | null;
  taskId: string;
  passed: boolean;
  /** When the task first passed (ISO), or null. */
  passedAt: string | null;
  /** A hint or the solution was used. */
  withHelp: boolean;
  hintsUsed: number;
  solutionUsed: boolean;
  /** False when the report's digest did not match: edited or damaged after it was made. */
  intact: boolean;
  /**
   * Why the version of a trainer's own exercise needs a look, or null: `content-mismatch` when the content the
   * report carries for it does not have the digest the report names (or there is a version but no content, or
   * content but no version); `several-versions` when the roster holds more than one version of that exercise id,
   * so some learners did not do the one the trainer handed out. A mismatch is named before several versions.
   */
  versionProblem: VersionProblem | null;
  generatedAt: string;
}

export type VersionProblem = 'content-mismatch' | 'several-versions';

/**
 * One report as the roster reads it. `carried`: the content digest (customExerciseDigest) of each custom
 * exercise the report's assignment carries, by id (roster-files.ts computes it; left out, no content is checked).
 */
export interface RosterInput {
  report: Report;
  intact: boolean;
  carried?: Readonly<Record<string, string>>;
}

/** A report entry's version against the content it carries: null when it is fine or not a custom exercise. */
function carriedProblem(
  entry: { id: string; contentDigest?: string | undefined },
  carried: Readonly<Record<string, string>> | undefined,
): VersionProblem | null {
  if (carried === undefined) return null;
  const content = Object.hasOwn(carried, entry.id) ? carried[entry.id] : undefined;
  if (entry.contentDigest === undefined) return content === undefined ? null : 'content-mismatch';
  return content === entry.contentDigest ? null : 'content-mismatch';
}

export function rosterRows(reports: readonly RosterInput[]): RosterRow[] {
  const rows = reports.flatMap(({ report, intact, carried }) =>
    report.exercises.flatMap((exercise) => {
      const problem = carriedProblem(exercise, carried);
      return exercise.tasks.map((task) => ({
        learner: report.learner,
        assignment: report.assignment?.title ?? '',
        exerciseId: exercise.id,
        contentDigest: exercise.contentDigest ?? null,
        taskId: task.taskId,
        passed: task.passedAt !== null,
        passedAt: task.passedAt,
        withHelp: task.hintsUsed > 0 || task.solutionUsed,
        hintsUsed: task.hintsUsed,
        solutionUsed: task.solutionUsed,
        intact,
        versionProblem: problem,
        generatedAt: report.generatedAt,
      }));
    }),
  );
  const several = new Set(
    versionsById(rows)
      .filter(([, versions]) => versions.size > 1)
      .map(([id]) => id),
  );
  return rows.map((row) =>
    row.versionProblem === null && several.has(row.exerciseId)
      ? { ...row, versionProblem: 'several-versions' }
      : row,
  );
}

/** Each custom exercise id with its versions (content digests) and the learners who did each. */
function versionsById(rows: readonly RosterRow[]): [string, Map<string, Set<string>>][] {
  const byId = new Map<string, Map<string, Set<string>>>();
  for (const row of rows) {
    if (row.contentDigest === null) continue;
    const versions = byId.get(row.exerciseId) ?? new Map<string, Set<string>>();
    byId.set(row.exerciseId, versions);
    const learners = versions.get(row.contentDigest) ?? new Set<string>();
    versions.set(row.contentDigest, learners);
    learners.add(row.learner);
  }
  return [...byId];
}

/** What the roster explains under "versions": one note per exercise id and problem, in a stable order. */
export type VersionNote =
  | {
      kind: 'several-versions';
      exerciseId: string;
      /** Most learners first. */
      versions: { digest: string; learners: string[] }[];
    }
  | { kind: 'content-mismatch'; exerciseId: string; learners: string[] };

export function versionNotes(rows: readonly RosterRow[]): VersionNote[] {
  const mismatches = new Map<string, Set<string>>();
  for (const row of rows)
    if (row.versionProblem === 'content-mismatch')
      mismatches.set(row.exerciseId, (mismatches.get(row.exerciseId) ?? new Set()).add(row.learner));
  const notes: VersionNote[] = [...mismatches].map(([exerciseId, learners]) => ({
    kind: 'content-mismatch',
    exerciseId,
    learners: [...learners].sort(byText),
  }));
  for (const [exerciseId, versions] of versionsById(rows)) {
    if (versions.size < 2) continue;
    notes.push({
      kind: 'several-versions',
      exerciseId,
      versions: [...versions]
        .map(([digest, learners]) => ({ digest, learners: [...learners].sort(byText) }))
        .sort((a, b) => b.learners.length - a.learners.length || byText(a.digest, b.digest)),
    });
  }
  return notes.sort((a, b) => byText(a.exerciseId, b.exerciseId) || (a.kind < b.kind ? -1 : 1));
}

/** The note a row's marker refers to (its index in `notes`), or -1. */
export function noteIndex(notes: readonly VersionNote[], row: RosterRow): number {
  return row.versionProblem === null
    ? -1
    : notes.findIndex((note) => note.kind === row.versionProblem && note.exerciseId === row.exerciseId);
}

const byText = (a: string, b: string) => a.localeCompare(b, 'ja');

export type RosterColumn = keyof RosterRow;

function compareValues(a: RosterRow[RosterColumn], b: RosterRow[RosterColumn]): number {
  // null (never passed) sorts after every time, in either direction of the other values.
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'string' && typeof b === 'string') return a.localeCompare(b, 'ja');
  return Number(a) - Number(b);
}

/** A new array sorted by `column` (stable: ties keep learner/task order), then by learner and task. */
export function sortRows(
  rows: readonly RosterRow[],
  column: RosterColumn,
  direction: 'asc' | 'desc' = 'asc',
): RosterRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((x, y) => {
      const a = x.row[column];
      const b = y.row[column];
      const primary = a === null || b === null ? compareValues(a, b) : sign * compareValues(a, b);
      return primary !== 0 ? primary : x.index - y.index;
    })
    .map(({ row }) => row);
}

/**
 * One CSV cell. A cell starting with = + - @ (or tab / carriage return) would be run as a formula by
 * spreadsheet programs, so it gets a leading apostrophe. https://owasp.org/www-community/attacks/CSV_Injection
 */
export function csvCell(value: string | number | boolean | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const columns: readonly RosterColumn[] = [
  'learner',
  'assignment',
  'exerciseId',
  'contentDigest',
  'taskId',
  'passed',
  'passedAt',
  'withHelp',
  'hintsUsed',
  'solutionUsed',
  'intact',
  'versionProblem',
  'generatedAt',
];

/** RFC 4180 CSV (CRLF line ends) with a header row; a BOM so spreadsheet programs read UTF-8 (Japanese names). */
export function toCsv(rows: readonly RosterRow[]): string {
  const lines = [
    columns.join(','),
    ...rows.map((row) => columns.map((column) => csvCell(row[column])).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
