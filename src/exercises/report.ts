// A learner's completion report: built on the learner's machine from progress and the latest check results,
// downloaded as JSON, and dropped on /trainer/ by the trainer.
//
// What the digest proves, and what it does not. `digest` is SHA-256 over the canonical JSON of every other
// field. A matching digest shows the file was not damaged or edited *by accident* since it was made (a
// truncated download, a stray keystroke, a spreadsheet "fixing" a field), and that its parts belong together.
// It is NOT a signature: there is no secret, so a learner who edits the file can recompute the digest with
// this very code, and a checker's verdict is only as honest as the machine it ran on. A trainer who needs
// proof should watch the check run, or ask for the evidence and judge it.
import { z } from 'astro/zod';
import { count, isoTime, kebabPattern } from '../schemas/fields.ts';
import { type Assignment, assignmentSchema } from './assignment.ts';
import { canonicalJson, sha256Hex } from './canonical-json.ts';
import type { CheckStatus, TaskCheckResult } from './check-runner.ts';
import { formatIssues } from './format-issues.ts';
import { own } from './own.ts';
import type { Progress } from './progress.ts';

/** Reports larger than this are refused before parsing (a real one is a few KB; evidence is bounded). */
export const MAX_REPORT_BYTES = 512_000;

const id = z
  .string({ error: 'an id (a string)' })
  .regex(kebabPattern, { error: 'an id in kebab-case' })
  .max(60, { error: 'an id of at most 60 characters' });

const sha256Value = z
  .string({ error: 'a hex digest' })
  .regex(/^[0-9a-f]{64}$/, { error: '64 lowercase hex digits' });

const reportTaskSchema = z
  .object(
    {
      taskId: id,
      result: z
        .enum(['passed', 'failed', 'error', 'not-checked'], { error: 'a check result' })
        .describe('Latest check.'),
      evidence: z
        .string({ error: 'evidence (a string)' })
        .max(4_000, { error: 'evidence of at most 4000 characters' }),
      checkedAt: isoTime.nullable().describe('When the latest check ran; null if never.'),
      durationMs: count.nullable().describe('How long the latest check took.'),
      passedAt: isoTime.nullable().describe('When the task first passed; null if it has not.'),
      hintsUsed: count.max(20, { error: 'at most 20 hints' }),
      solutionUsed: z.boolean({ error: 'true or false' }).describe("The exercise's solution was shown."),
    },
    { error: 'a task result (an object)' },
  )
  .strict();

const reportBodySchema = z
  .object(
    {
      format: z.literal('vlab-report', { error: '"vlab-report"' }),
      version: z.literal(1, { error: 'version 1' }),
      learner: z
        .string({ error: 'a learner name (a string)' })
        // A refinement, not .trim(): parsing must not change the data the digest covers.
        .refine((name) => name.trim() !== '', { error: 'a learner name that is not empty' })
        .max(100, { error: 'a learner name of at most 100 characters' })
        .describe('Typed by the learner; not verified by anything.'),
      generatedAt: isoTime,
      assignment: assignmentSchema.nullable().describe('The assignment the report answers, or null.'),
      exercises: z
        .array(
          z
            .object(
              {
                id,
                tasks: z
                  .array(reportTaskSchema, { error: 'a list of task results' })
                  .min(1, { error: 'at least one task result' })
                  .max(10, { error: 'at most 10 task results' }),
                contentDigest: sha256Value
                  .optional()
                  .describe(
                    "A trainer's own exercise (from the link): SHA-256 of its content as the link carried it " +
                      '(customExerciseDigest), so the roster shows which version the learner did.',
                  ),
              },
              { error: 'an exercise (an object with id and tasks)' },
            )
            .strict(),
          { error: 'a list of exercises' },
        )
        .max(100, { error: 'at most 100 exercises' }),
    },
    { error: 'a report (a JSON object)' },
  )
  .strict();

export const reportSchema = reportBodySchema
  .extend({
    digest: z
      .object(
        {
          algorithm: z.literal('SHA-256', { error: '"SHA-256"' }),
          value: sha256Value,
        },
        { error: 'a digest (an object with algorithm and value)' },
      )
      .strict()
      .describe(
        'See the comment at the top of src/exercises/report.ts: what it proves, and what it does not.',
      ),
  })
  .strict();

export type ReportBody = z.infer<typeof reportBodySchema>;
export type Report = z.infer<typeof reportSchema>;
export type ReportTask = z.infer<typeof reportTaskSchema>;

export interface CheckRun {
  /** When these results were obtained. */
  at: Date;
  results: readonly TaskCheckResult[];
}

export interface ReportInput {
  learner: string;
  assignment: Assignment | null;
  /** The exercises to report on (the assignment's, or all), each with its task ids in order. */
  exercises: readonly {
    id: string;
    taskIds: readonly string[];
    contentDigest?: string;
    /** Where its progress and check runs are stored, when not under `id` (a custom exercise: by version). */
    progressId?: string;
  }[];
  progress: Progress;
  /** The latest check run per exercise id, if any. */
  checks: Readonly<Record<string, CheckRun>>;
  now: Date;
}

export async function buildReport(input: ReportInput): Promise<Report> {
  const body: ReportBody = {
    format: 'vlab-report',
    version: 1,
    learner: input.learner.trim(),
    generatedAt: input.now.toISOString(),
    assignment: input.assignment,
    exercises: input.exercises.map((exercise) => {
      const stored = exercise.progressId ?? exercise.id;
      const progress = own(input.progress.exercises, stored);
      const run = own(input.checks, stored);
      return {
        id: exercise.id,
        ...(exercise.contentDigest ? { contentDigest: exercise.contentDigest } : {}),
        tasks: exercise.taskIds.map((taskId): ReportTask => {
          const result = run?.results.find((r) => r.taskId === taskId);
          const task = progress ? own(progress.tasks, taskId) : undefined;
          const status: CheckStatus | 'not-checked' = result?.status ?? 'not-checked';
          return {
            taskId,
            result: status,
            evidence: result?.evidence ?? '',
            checkedAt: result && run ? run.at.toISOString() : null,
            durationMs: result?.durationMs ?? null,
            passedAt: task?.passedAt ?? null,
            hintsUsed: task?.usedHints ?? 0,
            solutionUsed: progress?.usedSolution ?? false,
          };
        }),
      };
    }),
  };
  // Validate what we produce, so a report that leaves this machine always passes verifyReport's shape check.
  const valid = reportBodySchema.parse(body);
  return { ...valid, digest: { algorithm: 'SHA-256', value: await sha256Hex(canonicalJson(valid)) } };
}

export type VerifiedReport =
  /** `intact: false`: well-formed, but the digest does not match: edited or damaged since it was made. */
  | { ok: true; report: Report; intact: boolean }
  | { ok: false; reason: 'too-large' | 'not-json' | 'invalid'; problems: string[] };

export async function verifyReport(json: string): Promise<VerifiedReport> {
  if (json.length > MAX_REPORT_BYTES) {
    return {
      ok: false,
      reason: 'too-large',
      problems: [`Received ${json.length} characters / Expected a report of at most ${MAX_REPORT_BYTES}`],
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return {
      ok: false,
      reason: 'not-json',
      problems: ['Received text that is not JSON / Expected a report file (.json)'],
    };
  }
  const parsed = reportSchema.safeParse(data, { reportInput: true });
  if (!parsed.success)
    return { ok: false, reason: 'invalid', problems: formatIssues('report', parsed.error) };
  const { digest, ...body } = parsed.data;
  const intact = (await sha256Hex(canonicalJson(body))) === digest.value;
  return { ok: true, report: parsed.data, intact };
}
