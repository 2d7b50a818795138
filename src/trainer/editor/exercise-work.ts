// The exercise editor's heavy half, loaded on the first edit, import, export or link (not with the page): the
// repository's schema (zod), the YAML reader (js-yaml) and the link encoder. The page's own script
// stays within the site's JS budget; the template it opens with was checked at build time.
import {
  AssignmentLinkError,
  encodeAssignment,
  MAX_FRAGMENT_CHARS,
  MAX_INFLATED_BYTES,
} from '../../exercises/assignment.ts';
import { type CustomExercise, customExerciseDigest, forLink } from '../../exercises/custom-exercise.ts';
import type { Lang } from '../../site/locales.ts';
import { assignmentUrl } from '../catalog.ts';

export { exportWarnings, importExercise } from '../../exercises/exercise-files.ts';

export type LinkResult =
  /** `digest`: the exercise's content digest, which learners' reports carry and the roster shows. */
  | { ok: true; link: string; chars: number; digest: string }
  | {
      ok: false;
      tooLong: { chars: number; max: number } | undefined;
      /** The link would be short enough, but unpack past what a learner's page inflates. */
      tooBig: { bytes: number; max: number } | undefined;
      problems: readonly string[];
    };

/** An assignment link holding this exercise alone (without its near misses), or why there is none. */
export async function makeLink(exercise: CustomExercise, title: string, lang: Lang): Promise<LinkResult> {
  try {
    const fragment = await encodeAssignment({
      title,
      note: '',
      due: null,
      exercises: [exercise.id],
      created: new Date().toISOString(),
      custom: [forLink(exercise)],
    });
    return {
      ok: true,
      link: assignmentUrl(location.origin, lang, fragment),
      chars: fragment.length,
      digest: await customExerciseDigest(exercise),
    };
  } catch (error) {
    if (!(error instanceof AssignmentLinkError))
      return { ok: false, tooLong: undefined, tooBig: undefined, problems: [String(error)] };
    const bytes = error.unpackedBytes;
    return {
      ok: false,
      tooLong:
        error.reason === 'too-large' && bytes === undefined
          ? { chars: error.chars ?? 0, max: MAX_FRAGMENT_CHARS }
          : undefined,
      tooBig: bytes === undefined ? undefined : { bytes, max: MAX_INFLATED_BYTES },
      problems: error.problems,
    };
  }
}
