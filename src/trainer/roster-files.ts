// The roster's list of dropped files: each report file is verified on its own and kept with its verdict, so
// one bad file never hides the others, and the same report dropped twice counts once. Pure: no DOM.
import { type CustomExercise, customExerciseDigest } from '../exercises/custom-exercise.ts';
import { inBothLanguages } from '../exercises/custom-languages.ts';
import { MAX_REPORT_BYTES, type Report, verifyReport } from '../exercises/report.ts';
import type { RosterInput } from '../exercises/roster.ts';

/** Why a file was not loaded; the UI says it in the page's language, then lists `problems` (English). */
export type RefusalReason = 'too-large' | 'unreadable' | 'not-json' | 'invalid';

export type RosterFile =
  | { name: string; state: 'ok'; report: Report }
  | { name: string; state: 'tampered'; report: Report }
  | { name: string; state: 'refused'; reason: RefusalReason; size: number; problems: string[] }
  | { name: string; state: 'duplicate'; problems: string[] };

/** What the page hands over for each dropped or chosen file; `text` is only called for a file of sane size. */
export interface IncomingFile {
  name: string;
  size: number;
  text: () => Promise<string>;
}

/** Verifies `file` against the reports already loaded (`loaded`); never throws. */
export async function readReportFile(file: IncomingFile, loaded: readonly RosterFile[]): Promise<RosterFile> {
  // Refuse before reading: a huge file is never pulled into memory.
  if (file.size > MAX_REPORT_BYTES) {
    return {
      name: file.name,
      state: 'refused',
      reason: 'too-large',
      size: file.size,
      problems: [`Received ${file.size} bytes / Expected a report of at most ${MAX_REPORT_BYTES}`],
    };
  }
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    return {
      name: file.name,
      state: 'refused',
      reason: 'unreadable',
      size: file.size,
      problems: [
        `Received a file the browser could not read (${String(error)}) / Expected a readable report file`,
      ],
    };
  }
  const verified = await verifyReport(text);
  if (!verified.ok) {
    // Not "too-large" here in practice: a file within the byte limit has no more characters than bytes.
    return {
      name: file.name,
      state: 'refused',
      reason: verified.reason,
      size: file.size,
      problems: verified.problems,
    };
  }
  const digest = verified.report.digest.value;
  const twin = loaded.find(
    (other) => (other.state === 'ok' || other.state === 'tampered') && other.report.digest.value === digest,
  );
  if (twin && verified.intact) {
    return { name: file.name, state: 'duplicate', problems: [`Same report as ${twin.name}`] };
  }
  return { name: file.name, state: verified.intact ? 'ok' : 'tampered', report: verified.report };
}

/** The reports that make roster rows: intact ones and tampered ones (flagged in every row). */
export function rosterInput(files: readonly RosterFile[]): { report: Report; intact: boolean }[] {
  return files.flatMap((file) =>
    file.state === 'ok' || file.state === 'tampered'
      ? [{ report: file.report, intact: file.state === 'ok' }]
      : [],
  );
}

/** Key of a custom exercise's version in customVersions: its id and content digest. */
export const versionKey = (id: string, digest: string) => `${id} ${digest}`;

/**
 * The reports with the digest of each custom exercise they carry (`carried`, by id), computed again here, so the
 * roster can flag a report whose content does not match the version it names (rosterRows); and the custom
 * exercises by id and digest (versionKey), so the roster can show their titles. An entry whose content does not
 * match the digest its report names gives no title (the roster then shows the bare id and the flag).
 */
export async function customVersions(reports: readonly { report: Report; intact: boolean }[]): Promise<{
  inputs: RosterInput[];
  versions: Map<string, CustomExercise>;
}> {
  const versions = new Map<string, CustomExercise>();
  const inputs: RosterInput[] = [];
  for (const { report, intact } of reports) {
    const carried: Record<string, string> = {};
    for (const exercise of report.assignment?.custom ?? []) {
      const digest = await customExerciseDigest(exercise);
      // The first of an id counts, as on the learner's page (the link's decoder refuses an id twice anyway).
      if (!Object.hasOwn(carried, exercise.id)) carried[exercise.id] = digest;
      if (report.exercises.some((entry) => entry.id === exercise.id && entry.contentDigest === digest))
        versions.set(versionKey(exercise.id, digest), inBothLanguages(exercise));
    }
    inputs.push({ report, intact, carried });
  }
  return { inputs, versions };
}
