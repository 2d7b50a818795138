// What the exercise editor's parts share (editor.ts makes it; import-export.ts, try-run.ts, link-form.ts and
// code-editor.ts wire their own controls with it).
import type { CustomExercise } from '../../exercises/custom-exercise.ts';
import type { Lang } from '../../site/locales.ts';
import type { EditorTexts } from './draft.ts';
import type { EditorStrings } from './strings.ts';

export interface EditorContext {
  root: HTMLElement;
  lang: Lang;
  t: EditorStrings;
  /** The site's exercises' ids: one of them can be exported, not put in a link (site-id.ts). */
  siteIds: readonly string[];
  find<T extends HTMLElement = HTMLElement>(selector: string): T | null;
  /** The status line under the texts (valid, problems, folder read). */
  message: HTMLElement;
  say(element: HTMLElement, text: string, problem: boolean): void;
  texts(): EditorTexts;
  /** Puts new texts in the boxes (and Monaco), as what the draft now starts from, and checks them. */
  replaceTexts(texts: EditorTexts): Promise<void>;
  /** The current texts were saved (downloaded): replacing them no longer asks. */
  markSaved(): void;
  /** The texts are not blank and were changed since they were started from, read or saved. */
  hasChanges(): boolean;
  /** The template with an id of its own (template.ts), for a new exercise. */
  freshTemplate(): EditorTexts;
  /** The texts as the template has them (the id aside): replacing them loses nothing. */
  isTemplate(texts: EditorTexts): boolean;
  /** The last checked exercise, if the texts are valid. */
  current(): CustomExercise | undefined;
  /** Checks the texts now (text typed within the check delay included) and shows the result. */
  checkNow(): Promise<void>;
  checkSoon(): void;
  /** Monaco over the exercise.yaml box, once loaded (code-editor.ts); the box stays the one source. */
  yamlView: { setValue(text: string): void } | undefined;
  /** Called after every check with its result. */
  onChecked: ((valid: boolean) => void)[];
}

/** The editor's heavy half (schema, YAML, link), loaded on first need: see exercise-work.ts. */
export const work = () => import('./exercise-work.ts');
