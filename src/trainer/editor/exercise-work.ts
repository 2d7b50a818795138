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
import { type SiteIdClash, siteIdClash } from './site-id.ts';

export { exportWarnings, importExercise } from '../../exercises/exercise-files.ts';
export { siteIdClash } from './site-id.ts';

export type LinkResult =
  /** `chars`: the whole link's length; `digest`: the exercise's content digest, which reports carry. */
  | { ok: true; link: string; chars: number; digest: string }
  | {
      ok: false;
      /** The exercise keeps a site exercise's id: learners' pages refuse such a link (site-id.ts). */
      siteId: SiteIdClash | undefined;
      tooLong: { chars: number; max: number } | undefined;
      /** The link would be short enough, but unpack past what a learner's page inflates. */
      tooBig: { bytes: number; max: number } | undefined;
      problems: readonly string[];
    };

/**
 * An assignment link holding this exercise alone (without its near misses), or why there is none.
 * `siteIds`: the site's exercises, whose ids a link's own exercise cannot take.
 */
export async function makeLink(
  exercise: CustomExercise,
  title: string,
  lang: Lang,
  siteIds: readonly string[],
): Promise<LinkResult> {
  const siteId = siteIdClash(exercise.id, siteIds);
  if (siteId) return { ok: false, siteId, tooLong: undefined, tooBig: undefined, problems: [] };
  try {
    const fragment = await encodeAssignment(
      {
        title,
        note: '',
        due: null,
        exercises: [exercise.id],
        created: new Date().toISOString(),
        custom: [forLink(exercise)],
      },
      siteIds,
    );
    const link = assignmentUrl(location.origin, lang, fragment);
    return {
      ok: true,
      link,
      // The whole link, as the trainer copies it (the limit counts its fragment).
      chars: link.length,
      digest: await customExerciseDigest(exercise),
    };
  } catch (error) {
    if (!(error instanceof AssignmentLinkError))
      return {
        ok: false,
        siteId: undefined,
        tooLong: undefined,
        tooBig: undefined,
        problems: [String(error)],
      };
    const bytes = error.unpackedBytes;
    return {
      ok: false,
      siteId: undefined,
      tooLong:
        error.reason === 'too-large' && bytes === undefined
          ? { chars: error.chars ?? 0, max: MAX_FRAGMENT_CHARS }
          : undefined,
      tooBig: bytes === undefined ? undefined : { bytes, max: MAX_INFLATED_BYTES },
      problems: error.problems,
    };
  }
}
