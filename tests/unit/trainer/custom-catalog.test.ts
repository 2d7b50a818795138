// A link's own exercises on the assignment page: catalog entries with their digest, the link to the page that
// runs one, and that page reading its fragment back. Also the editor's strings: both languages, same placeholders.
import { expect, test } from 'vitest';
import {
  customCatalog,
  customExerciseHref,
  isOtherAssignment,
  splitExerciseFragment,
} from '../../../src/trainer/catalog.ts';
import { editorStrings } from '../../../src/trainer/editor/strings.ts';
import { customExercise } from '../exercises/support/custom-fixture.ts';

test('a custom exercise becomes a catalog entry in the page language, with its digest', () => {
  expect(customCatalog([customExercise], ['ab'.repeat(32)], 'en', (slug) => `chapter ${slug}`)).toEqual([
    {
      id: 'hello-file',
      chapter: 'kernel-features',
      chapterTitle: 'chapter kernel-features',
      title: 'Create /root/hello',
      difficulty: 1,
      estimatedMinutes: 5,
      tasks: [{ id: 'file-exists', title: '/root/hello exists' }],
      customDigest: 'ab'.repeat(32),
      progressId: `c${'ab'.repeat(6)}-hello-file`,
    },
  ]);
});

test('the custom exercise page gets the assignment fragment and the exercise id, and splits them back', () => {
  const href = customExerciseHref('ja', '#assignment=1.abc_-', 'hello-file');
  expect(href).toBe('/custom-exercise/#assignment=1.abc_-&exercise=hello-file');
  expect(customExerciseHref('en', 'assignment=1.x', 'a')).toBe(
    '/en/custom-exercise/#assignment=1.x&exercise=a',
  );
  expect(splitExerciseFragment(new URL(href, 'https://x.example').hash)).toEqual({
    assignment: '#assignment=1.abc_-',
    exercise: 'hello-file',
  });
  expect(splitExerciseFragment('#assignment=1.abc')).toEqual({
    assignment: '#assignment=1.abc',
    exercise: undefined,
  });
  // Anything else after the payload is left in it, for the decoder to refuse.
  expect(splitExerciseFragment('#assignment=1.abc&exercise=<b>').exercise).toBeUndefined();
});

test("the editor's strings: both languages, same placeholders, none empty", () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  expect(Object.keys(editorStrings.en).sort()).toEqual(Object.keys(editorStrings.ja).sort());
  for (const key of Object.keys(editorStrings.ja) as (keyof typeof editorStrings.ja)[]) {
    expect(editorStrings.ja[key]).not.toBe('');
    expect([key, placeholders(editorStrings.en[key])]).toEqual([key, placeholders(editorStrings.ja[key])]);
  }
});

test('only another #assignment= fragment reloads the assignment and custom exercise pages', () => {
  const shown = '#assignment=1.abc&exercise=hello-file';
  expect(isOtherAssignment('#assignment=1.def', shown)).toBe(true);
  expect(isOtherAssignment('#assignment=1.abc&exercise=other', shown)).toBe(true);
  // Starlight's skip link, an in-page anchor, an emptied fragment, back to the same link: the page stays.
  for (const hash of ['#_top', '#sec', '', '#', shown])
    expect(isOtherAssignment(hash, shown), hash).toBe(false);
});
