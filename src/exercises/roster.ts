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
  generatedAt: string;
}

export function rosterRows(reports: readonly { report: Report; intact: boolean }[]): RosterRow[] {
  return reports.flatMap(({ report, intact }) =>
    report.exercises.flatMap((exercise) =>
      exercise.tasks.map((task) => ({
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
        generatedAt: report.generatedAt,
      })),
    ),
  );
}

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
