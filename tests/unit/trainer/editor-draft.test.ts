// The exercise editor's draft: kept in storage with what it started from, so that replacing it (the template, a
// folder) asks only when text would be lost.
import { describe, expect, it } from 'vitest';
import { fingerprint, hasChanges, readDraft, writeDraft } from '../../../src/trainer/editor/draft.ts';

const texts = { yaml: 'id: x\n', ja: '説明', en: 'Text' };

function memory() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    items,
  };
}

describe('the editor draft', () => {
  it('has changes only when it is not blank and differs from what it started from', () => {
    const base = fingerprint(texts);
    expect(hasChanges(texts, base)).toBe(false);
    expect(hasChanges({ ...texts, en: 'Text!' }, base)).toBe(true);
    expect(hasChanges(texts, undefined)).toBe(true);
    expect(hasChanges({ yaml: ' \n', ja: '', en: '\t' }, undefined)).toBe(false);
    // An emptied file loses nothing; the others are as they started.
    expect(hasChanges({ ...texts, yaml: '' }, base)).toBe(false);
    expect(hasChanges({ ...texts, yaml: '', ja: '説明を変えた' }, base)).toBe(true);
    // The same characters split differently between the files are other texts.
    expect(fingerprint({ yaml: 'ab', ja: 'c', en: '' })).not.toBe(
      fingerprint({ yaml: 'a', ja: 'bc', en: '' }),
    );
  });

  it('keeps the texts and their start, and reads an older draft without one', () => {
    const storage = memory();
    writeDraft(storage, { ...texts, base: 'abcd0123' });
    expect(readDraft(storage)).toEqual({ ...texts, base: 'abcd0123' });
    storage.setItem('vlab:exercise-editor:draft', JSON.stringify(texts));
    expect(readDraft(storage)).toEqual(texts);
    for (const bad of ['{', 'null', '{"yaml":1,"ja":"","en":""}', '{"__proto__":{"yaml":"x"}}'])
      expect(readDraft({ getItem: () => bad })).toBeUndefined();
    // A full storage loses nothing on the page: the write is skipped without an error.
    expect(() =>
      writeDraft(
        {
          setItem: () => {
            throw new Error('QuotaExceededError');
          },
        },
        texts,
      ),
    ).not.toThrow();
  });
});
