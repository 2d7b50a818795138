// An exercise under a site exercise's id (review 19b, finding 1): valid and exportable, but no link can carry it,
// since every learner's page refuses one. The editor says so in the page's language and "Make link" refuses.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeAssignment } from '../../../src/exercises/assignment.ts';
import { MAX_CUSTOM_ID_CHARS } from '../../../src/exercises/custom-exercise.ts';
import { makeLink } from '../../../src/trainer/editor/exercise-work.ts';
import { siteIdClash } from '../../../src/trainer/editor/site-id.ts';
import { editorStrings } from '../../../src/trainer/editor/strings.ts';
import { fill, trainerStrings } from '../../../src/trainer/strings.ts';
import { customExercise } from '../exercises/support/custom-fixture.ts';

const siteIds = ['pid-namespace', 'uts-hostname', 'uts-hostname-2'];

afterEach(() => vi.unstubAllGlobals());

describe('siteIdClash', () => {
  it("is undefined for an id of one's own", () => {
    expect(siteIdClash('set-hostname', siteIds)).toBeUndefined();
    expect(siteIdClash('pid-namespace', [])).toBeUndefined();
  });

  it('names the id and suggests a free one: <id>-2, or the next number when that is taken too', () => {
    expect(siteIdClash('pid-namespace', siteIds)).toEqual({
      id: 'pid-namespace',
      suggested: 'pid-namespace-2',
    });
    expect(siteIdClash('uts-hostname', siteIds)).toEqual({ id: 'uts-hostname', suggested: 'uts-hostname-3' });
  });

  it("keeps the suggestion within an own exercise's id length, in kebab-case", () => {
    // Cut within a word, and cut just after a hyphen (which must not stay doubled before the number).
    for (const [long, suggested] of [
      [`${'a'.repeat(40)}-${'b'.repeat(19)}`, `${'a'.repeat(40)}-bbb-2`],
      [`${'a'.repeat(43)}-${'b'.repeat(16)}`, `${'a'.repeat(43)}-2`],
    ] as const) {
      const clash = siteIdClash(long, [long]);
      expect(clash?.suggested).toBe(suggested);
      expect(suggested.length).toBeLessThanOrEqual(MAX_CUSTOM_ID_CHARS);
      expect(suggested).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
  });
});

describe('makeLink', () => {
  it("refuses an exercise under a site exercise's id, with the id and a suggestion, and makes no link", async () => {
    const made = await makeLink({ ...customExercise, id: 'uts-hostname' }, 'Week 6', 'ja', siteIds);
    expect(made).toEqual({
      ok: false,
      siteId: { id: 'uts-hostname', suggested: 'uts-hostname-3' },
      tooLong: undefined,
      tooBig: undefined,
      problems: [],
    });
  });

  it("makes the link once the id is its own, and gives the whole link's length", async () => {
    vi.stubGlobal('location', { origin: 'https://lab.example' });
    const made = await makeLink({ ...customExercise, id: 'uts-hostname-3' }, 'Week 6', 'en', siteIds);
    if (!made.ok) throw new Error(`no link: ${JSON.stringify(made)}`);
    expect(made.link).toMatch(/^https:\/\/lab\.example\/en\/assignment\/#assignment=1\./);
    expect(made.chars).toBe(made.link.length);
    // Every learner's page accepts it.
    const decoded = await decodeAssignment(new URL(made.link).hash, siteIds);
    expect(decoded.ok && decoded.assignment.exercises).toEqual(['uts-hostname-3']);
  });
});

describe("the messages, in the page's language", () => {
  const clash = { id: 'uts-hostname', suggested: 'uts-hostname-2' };

  it('the warning names the id, says a link cannot carry it but export is fine, and suggests a new id', () => {
    expect(fill(editorStrings.ja.siteIdWarning, clash)).toBe(
      'id「uts-hostname」は、このサイトの演習の id と同じです。書き出して、そのサイトの演習への変更として提案することはできますが、課題のリンクには入れられません（受講者のページがそのリンクを受け付けません）。リンクで配るには、id を「uts-hostname-2」などの新しいものに変えてください。',
    );
    const en = fill(editorStrings.en.siteIdWarning, clash);
    expect(en).toContain('"uts-hostname"');
    expect(en).toContain('export');
    expect(en).toContain("cannot go in an assignment link (learners' pages refuse the link)");
    expect(en).toContain('"uts-hostname-2"');
  });

  it('the headline, the refusal of "Make link" and the builder say it too, in both languages', () => {
    for (const lang of ['ja', 'en'] as const) {
      const t = editorStrings[lang];
      for (const text of [t.siteIdNote, t.siteIdAndExportNote])
        expect(text).toMatch(lang === 'ja' ? /課題のリンクには|課題のリンクにも/ : /assignment link/);
      for (const text of [
        fill(t.linkSiteId, clash),
        fill(trainerStrings[lang].editorExerciseSiteId, clash),
      ]) {
        expect(text).toContain('uts-hostname');
        expect(text).toContain('uts-hostname-2');
        expect(text).not.toMatch(/\{\w+\}/);
      }
    }
  });
});
