// Client of <ExerciseEditor>: exercise.yaml and its instruction files in (typed, pasted, a chosen or dropped
// folder, the template), checked as the loader checks content/exercises/ at every change, the learner's view of
// the instructions previewed as a link's learner will see them (safe Markdown), the try on fresh guests in the
// page, and the three files out. Nothing leaves the browser. This file holds the texts, the draft and the
// check; the controls are wired in import-export.ts, try-run.ts, code-editor.ts and link-form.ts.
import type { CustomExercise, CustomExerciseResult } from '../../exercises/custom-exercise.ts';
import { parseSafeMarkdown } from '../../exercises/safe-markdown.ts';
import { langOfUrlPath } from '../../site/locales.ts';
import { dataJson, h } from '../dom.ts';
import { storeEditorExercise } from '../editor-exercise.ts';
import { safeMarkdownNodes } from '../safe-markdown-view.ts';
import { fill } from '../strings.ts';
import { wireCodeEditor } from './code-editor.ts';
import { type EditorContext, work } from './context.ts';
import { type EditorTexts, fingerprint, hasChanges, readDraft, writeDraft } from './draft.ts';
import { renderExport, wireImport, wireTemplateButton } from './import-export.ts';
import { wireLinkForm } from './link-form.ts';
import { editorStrings } from './strings.ts';
import { templateYamlWithId, uniqueTemplateId } from './template.ts';
import { wireTry } from './try-run.ts';

const CHECK_DELAY_MS = 300;

function setUp(root: HTMLElement): void {
  const lang = langOfUrlPath(location.pathname);
  const t = editorStrings[lang];
  const find = <T extends HTMLElement = HTMLElement>(selector: string) => root.querySelector<T>(selector);
  const yamlField = find<HTMLTextAreaElement>('[data-editor-import]');
  const jaField = find<HTMLTextAreaElement>('[data-editor-instructions="ja"]');
  const enField = find<HTMLTextAreaElement>('[data-editor-instructions="en"]');
  const message = find('[data-editor-message]');
  const problemList = find('[data-editor-problems]');
  const preview = find('[data-editor-preview]');
  if (!yamlField || !jaField || !enField || !message || !problemList || !preview) return;

  /** The template, checked at build time: a first visit needs no schema and no YAML reader. */
  const template = dataJson<(EditorTexts & { exercise: CustomExercise }) | null>(root, 'template');
  /** The site's exercises: an exercise under one of their ids can be exported, not put in a link (site-id.ts). */
  const siteIds = dataJson<string[] | null>(root, 'siteIds') ?? [];
  let current: CustomExercise | undefined;
  let base: string | undefined;
  let checks = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const texts = (): EditorTexts => ({ yaml: yamlField.value, ja: jaField.value, en: enField.value });
  const sameTexts = (a: EditorTexts, b: EditorTexts) => a.yaml === b.yaml && a.ja === b.ja && a.en === b.en;

  const renderPreview = (exercise: CustomExercise) => {
    preview.replaceChildren(
      h('h3', {}, exercise.title[lang]),
      h(
        'div',
        { class: 'vlab-editor-instructions' },
        ...safeMarkdownNodes(parseSafeMarkdown(exercise.instructions[lang])),
      ),
      h('h4', {}, t.tasksHeading),
      h('ol', {}, ...exercise.tasks.map((task) => h('li', {}, task.title[lang]))),
    );
  };

  /** Checks the three texts as the loader would; the try, the export and the link need a valid exercise. */
  const check = async () => {
    const now = texts();
    writeDraft(localStorage, { ...now, ...(base ? { base } : {}) });
    const run = ++checks;
    // What content/exercises/ would still need (one language only): said, but a link needs none of it. Read in
    // the same turn as the check, so the message comes no later than before.
    let warnings: string[] = [];
    let clash = '';
    let result: CustomExerciseResult;
    // The template's id is new each time (template.ts): never a site exercise's.
    if (template && sameTexts(now, template)) result = { ok: true, exercise: template.exercise };
    else {
      const loaded = await work();
      result = loaded.importExercise({
        'exercise.yaml': now.yaml,
        'instructions.ja.md': now.ja,
        'instructions.en.md': now.en,
      });
      if (result.ok) {
        warnings = loaded.exportWarnings(result.exercise);
        const siteId = loaded.siteIdClash(result.exercise.id, siteIds);
        if (siteId) clash = fill(t.siteIdWarning, { id: siteId.id, suggested: siteId.suggested });
      }
    }
    // A newer check started while this one loaded: its result is the one to show.
    if (run !== checks) return;
    current = result.ok ? result.exercise : undefined;
    root.dataset.valid = String(result.ok);
    if (result.ok) {
      // For the assignment builder on /trainer/, which can put it in a link beside the site's exercises.
      storeEditorExercise(result.exercise);
      const note = clash
        ? warnings.length > 0
          ? t.siteIdAndExportNote
          : t.siteIdNote
        : warnings.length > 0
          ? t.exportWarning
          : '';
      context.say(message, note ? `${t.valid} ${note}` : t.valid, false);
      problemList.replaceChildren(
        ...(clash ? [h('li', { class: 'vlab-warning', attrs: { 'data-warning': 'site-id' } }, clash)] : []),
        ...warnings.map((warning) =>
          h('li', { class: 'vlab-warning', attrs: { 'data-warning': '' } }, warning),
        ),
      );
      renderPreview(result.exercise);
      renderExport(context, now);
    } else {
      context.say(message, fill(t.problems, { n: result.problems.length }), true);
      problemList.replaceChildren(...result.problems.slice(0, 30).map((problem) => h('li', {}, problem)));
      preview.replaceChildren();
      renderExport(context, undefined);
    }
    for (const listener of context.onChecked) listener(result.ok);
  };

  const setTexts = (next: EditorTexts) => {
    yamlField.value = next.yaml;
    context.yamlView?.setValue(next.yaml);
    jaField.value = next.ja;
    enField.value = next.en;
  };

  const context: EditorContext = {
    root,
    lang,
    t,
    siteIds,
    find,
    message,
    say: (element, text, problem) => {
      element.textContent = text;
      element.classList.toggle('vlab-problem', problem);
    },
    texts,
    replaceTexts: async (next) => {
      setTexts(next);
      base = fingerprint(next);
      await context.checkNow();
    },
    markSaved: () => {
      base = fingerprint(texts());
      writeDraft(localStorage, { ...texts(), base });
    },
    hasChanges: () => hasChanges(texts(), base),
    freshTemplate: () => {
      if (!template) return { yaml: '', ja: '', en: '' };
      // A new exercise gets an id of its own, so exercises made from the template do not share one.
      const id = uniqueTemplateId(crypto.getRandomValues(new Uint8Array(4)));
      template.yaml = templateYamlWithId(id);
      template.exercise = { ...template.exercise, id };
      return { yaml: template.yaml, ja: template.ja, en: template.en };
    },
    isTemplate: (given) => template !== null && sameTexts(given, template),
    current: () => current,
    checkNow: () => {
      clearTimeout(timer);
      return check();
    },
    checkSoon: () => {
      clearTimeout(timer);
      timer = setTimeout(() => void check(), CHECK_DELAY_MS);
    },
    yamlView: undefined,
    onChecked: [],
  };
  for (const field of [yamlField, jaField, enField]) field.addEventListener('input', context.checkSoon);

  wireImport(context);
  wireTemplateButton(context);
  wireTry(context);
  wireCodeEditor(context, yamlField);
  wireLinkForm(context);

  const draft = readDraft(localStorage);
  if (draft) {
    setTexts(draft);
    base = draft.base;
    void check();
  } else void context.replaceTexts(context.freshTemplate());
}

for (const root of document.querySelectorAll<HTMLElement>('[data-exercise-editor]')) setUp(root);
