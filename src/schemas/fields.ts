import { z } from 'astro/zod';

/**
 * Small field shapes shared by the exercise, progress and report schemas. Each `error` is the "Expected …"
 * half of the messages built by src/exercises/format-issues.ts.
 */

/** Lowercase letters, digits and single hyphens: exercise ids, task ids, chapter slugs. */
export const kebabPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A timestamp as `Date.prototype.toISOString()` writes it. */
export const isoTime = z.iso.datetime({ error: 'a date and time in ISO 8601 (UTC)' });

/** A whole number of things, 0 or more (hints used, attempts). */
export const count = z
  .number({ error: 'a count (number)' })
  .int({ error: 'a whole number' })
  .min(0, { error: 'a count of 0 or more' });
