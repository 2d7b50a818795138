// An exercise that keeps the id of one of this site's exercises (imported from content/exercises/ to propose a
// change to it) is valid and can be exported, but cannot go in an assignment link: learners' pages refuse a link
// whose own exercise takes a site exercise's name (and its stored progress). The editor says so beside the
// check, "Make link" refuses it, and /trainer/'s builder lists it disabled (builder.ts). Pure.
import { MAX_CUSTOM_ID_CHARS } from '../../exercises/custom-exercise.ts';

export interface SiteIdClash {
  /** The exercise's id, which is a site exercise's. */
  id: string;
  /** A free id to suggest instead: `<id>-2` (or -3, …), cut to the length an exercise of one's own may have. */
  suggested: string;
}

/** The clash of `id` with the site's exercises, or undefined when it is free. */
export function siteIdClash(id: string, siteIds: readonly string[]): SiteIdClash | undefined {
  if (!siteIds.includes(id)) return undefined;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const base = id.slice(0, MAX_CUSTOM_ID_CHARS - suffix.length).replace(/-+$/, '');
    const suggested = `${base}${suffix}`;
    if (!siteIds.includes(suggested)) return { id, suggested };
  }
}
