// The texts being edited, kept in this browser so a reload or a closed tab loses nothing, with a fingerprint of
// what they started from (the template, a folder read, the last download): the editor asks before it replaces
// texts that were changed since. One key for every tab of this site: two tabs of the editor share one draft,
// and the last edit wins (src/README.md).
const DRAFT_KEY = 'vlab:exercise-editor:draft';

export interface EditorTexts {
  yaml: string;
  ja: string;
  en: string;
}

export interface Draft extends EditorTexts {
  /** fingerprint() of the texts it started from; absent in a draft kept before there was one. */
  base?: string;
}

/** FNV-1a (32 bits) of one text: enough to tell "changed since" apart, not a digest. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** One FNV-1a per file, so a change is known per file. */
export function fingerprint({ yaml, ja, en }: EditorTexts): string {
  return [yaml, ja, en].map(fnv1a).join('-');
}

export const isBlank = (texts: EditorTexts): boolean =>
  texts.yaml.trim() === '' && texts.ja.trim() === '' && texts.en.trim() === '';

/** Text a replacement would lose: a file that is not blank and is not what the draft started from. */
export function hasChanges(texts: EditorTexts, base: string | undefined): boolean {
  const started = base?.split('-') ?? [];
  return [texts.yaml, texts.ja, texts.en].some((text, i) => text.trim() !== '' && fnv1a(text) !== started[i]);
}

export function readDraft(storage: Pick<Storage, 'getItem'>): Draft | undefined {
  try {
    const draft = JSON.parse(storage.getItem(DRAFT_KEY) ?? 'null') as Partial<Draft> | null;
    if (typeof draft?.yaml !== 'string' || typeof draft.ja !== 'string' || typeof draft.en !== 'string')
      return undefined;
    return {
      yaml: draft.yaml,
      ja: draft.ja,
      en: draft.en,
      ...(typeof draft.base === 'string' ? { base: draft.base } : {}),
    };
  } catch {
    return undefined;
  }
}

export function writeDraft(storage: Pick<Storage, 'setItem'>, draft: Draft): void {
  try {
    storage.setItem(DRAFT_KEY, JSON.stringify(draft));
  } catch {
    // Storage full or refused: the texts stay on the page, as they would without a draft.
  }
}
