// Client of <ExerciseEditor>: exercise.yaml and its instruction files in (typed, pasted, a chosen or dropped
// folder), checked as the loader checks content/exercises/ at every change, the learner's view of the
// instructions previewed as a link's learner will see them (safe Markdown), the try on fresh guests in the page,
// and the three files out. Nothing leaves the browser.
import type { CustomExercise, CustomExerciseResult } from '../../exercises/custom-exercise.ts';
import type { ExerciseFiles } from '../../exercises/exercise-files.ts';
import { parseSafeMarkdown } from '../../exercises/safe-markdown.ts';
import { tryExercise } from '../../exercises/try-exercise.ts';
import { langOfUrlPath } from '../../site/locales.ts';
import { dataJson, download, h } from '../dom.ts';
import { storeEditorExercise } from '../editor-exercise.ts';
import { safeMarkdownNodes } from '../safe-markdown-view.ts';
import { fill } from '../strings.ts';
import { droppedFiles, readExerciseFiles } from './folder-files.ts';
import { editorStrings } from './strings.ts';
import { templateYamlWithId, uniqueTemplateId } from './template.ts';
import { stageElement } from './try-view.ts';
import { filesAsTyped } from './typed-files.ts';

const CHECK_DELAY_MS = 300;
/** The editor's heavy half (schema, YAML, link), loaded on first need: see exercise-work.ts. */
const work = () => import('./exercise-work.ts');
/** The texts being edited, kept in this browser so a reload or a closed tab loses nothing. */
const DRAFT_KEY = 'vlab:exercise-editor:draft';

interface Draft {
  yaml: string;
  ja: string;
  en: string;
}

function readDraft(): Draft | undefined {
  try {
    const draft = JSON.parse(localStorage.getItem(DRAFT_KEY) ?? 'null') as Partial<Draft> | null;
    return typeof draft?.yaml === 'string' && typeof draft.ja === 'string' && typeof draft.en === 'string'
      ? { yaml: draft.yaml, ja: draft.ja, en: draft.en }
      : undefined;
  } catch {
    return undefined;
  }
}

function writeDraft(draft: Draft): void {
  try {
    localStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
  } catch {
    // Storage full or refused: the texts stay on the page, as they would without a draft.
  }
}

function setUp(root: HTMLElement): void {
  const lang = langOfUrlPath(location.pathname);
  const t = editorStrings[lang];
  const $ = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector);
  const yamlField = $<HTMLTextAreaElement>('[data-editor-import]');
  const jaField = $<HTMLTextAreaElement>('[data-editor-instructions="ja"]');
  const enField = $<HTMLTextAreaElement>('[data-editor-instructions="en"]');
  const folderInput = $<HTMLInputElement>('[data-editor-folder]');
  const drop = $('[data-editor-drop]');
  const message = $('[data-editor-message]');
  const problemList = $('[data-editor-problems]');
  const preview = $('[data-editor-preview]');
  const tryButton = $<HTMLButtonElement>('[data-action="try"]');
  const tryMessage = $('[data-try-message]');
  const tryResults = $('[data-try-results]');
  const exportBox = $('[data-editor-export]');
  if (
    !yamlField ||
    !jaField ||
    !enField ||
    !folderInput ||
    !drop ||
    !message ||
    !problemList ||
    !preview ||
    !tryButton ||
    !tryMessage ||
    !tryResults ||
    !exportBox
  )
    return;

  let current: CustomExercise | undefined;
  /** Monaco over the exercise.yaml box, once asked for; the box stays the one source of the text. */
  let monaco: { setValue(text: string): void } | undefined;
  const setYaml = (text: string) => {
    yamlField.value = text;
    monaco?.setValue(text);
  };
  let trying = false;

  const say = (element: HTMLElement, text: string, problem: boolean) => {
    element.textContent = text;
    element.classList.toggle('vlab-problem', problem);
  };

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

  const renderExport = (exercise: CustomExercise, files: Required<ExerciseFiles>) => {
    // A language the exercise is not written in has no instruction file to download.
    const names = (['exercise.yaml', 'instructions.ja.md', 'instructions.en.md'] as const).filter(
      (name) => name === 'exercise.yaml' || files[name].trim() !== '',
    );
    exportBox.replaceChildren(
      h('p', {}, fill(t.exportNote, { id: exercise.id })),
      h(
        'div',
        { class: 'vlab-actions' },
        ...names.map((name) => {
          const button = h(
            'button',
            { class: 'vl-button', attrs: { type: 'button', 'data-action': 'download', 'data-file': name } },
            fill(t.download, { file: name }),
          );
          button.addEventListener('click', () => {
            download(name, files[name], name.endsWith('.yaml') ? 'application/yaml' : 'text/markdown');
          });
          return button;
        }),
      ),
    );
  };

  /** The template, checked at build time: a first visit needs no schema and no YAML reader. */
  const template = dataJson<{ yaml: string; ja: string; en: string; exercise: CustomExercise } | null>(
    root,
    'template',
  );
  let checks = 0;
  /** Checks the three texts as the loader would; the try, the export and the link need a valid exercise. */
  const check = async () => {
    const texts = { yaml: yamlField.value, ja: jaField.value, en: enField.value };
    writeDraft(texts);
    const run = ++checks;
    const unchanged =
      template && texts.yaml === template.yaml && texts.ja === template.ja && texts.en === template.en;
    // What content/exercises/ would still need (one language only): said, but a link needs none of it. Read in
    // the same turn as the check, so the message comes no later than before.
    let warnings: string[] = [];
    let result: CustomExerciseResult;
    if (unchanged) result = { ok: true, exercise: template.exercise };
    else {
      const loaded = await work();
      result = loaded.importExercise({
        'exercise.yaml': texts.yaml,
        'instructions.ja.md': texts.ja,
        'instructions.en.md': texts.en,
      });
      if (result.ok) warnings = loaded.exportWarnings(result.exercise);
    }
    // A newer check started while this one loaded: its result is the one to show.
    if (run !== checks) return;
    current = result.ok ? result.exercise : undefined;
    root.dataset.valid = String(result.ok);
    tryButton.disabled = trying || !result.ok;
    if (result.ok) {
      // For the assignment builder on /trainer/, which can put it in a link beside the site's exercises.
      storeEditorExercise(result.exercise);
      say(message, warnings.length > 0 ? `${t.valid} ${t.exportWarning}` : t.valid, false);
      problemList.replaceChildren(
        ...warnings.map((warning) =>
          h('li', { class: 'vlab-warning', attrs: { 'data-warning': '' } }, warning),
        ),
      );
      renderPreview(result.exercise);
      renderExport(result.exercise, filesAsTyped(texts));
    } else {
      say(message, fill(t.problems, { n: result.problems.length }), true);
      problemList.replaceChildren(...result.problems.slice(0, 30).map((problem) => h('li', {}, problem)));
      preview.replaceChildren();
      exportBox.replaceChildren();
    }
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const checkSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void check(), CHECK_DELAY_MS);
  };
  for (const field of [yamlField, jaField, enField]) field.addEventListener('input', checkSoon);

  const load = async (files: File[]) => {
    const read = await readExerciseFiles(files);
    if (!read.ok) {
      say(
        message,
        read.reason === 'several'
          ? fill(t.folderSeveral, { file: read.name, n: read.count })
          : read.reason === 'no-yaml'
            ? t.folderMissing
            : fill(t.fileTooLarge, { file: read.name ?? '' }),
        true,
      );
      return;
    }
    setYaml(read.files['exercise.yaml']);
    jaField.value = read.files['instructions.ja.md'] ?? '';
    enField.value = read.files['instructions.en.md'] ?? '';
    await check();
    // After check(): the folder's message is the one to read, the check's result is beside it.
    if (current) say(message, `${fill(t.folderRead, { files: read.names.join(', ') })} ${t.valid}`, false);
  };
  // A folder, not files: Astro's types do not know the attribute, the DOM does.
  folderInput.webkitdirectory = true;
  folderInput.addEventListener('change', () => void load([...(folderInput.files ?? [])]));
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('vlab-drop-active');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('vlab-drop-active'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('vlab-drop-active');
    if (event.dataTransfer) void droppedFiles(event.dataTransfer).then(load);
  });

  tryButton.addEventListener('click', async () => {
    // Text typed within the last CHECK_DELAY_MS is what the trainer means to try: check it now.
    clearTimeout(timer);
    await check();
    if (!current || trying) return;
    const exercise = { ...current, folder: current.id };
    trying = true;
    tryButton.disabled = true;
    root.dataset.trying = 'true';
    tryResults.replaceChildren();
    say(tryMessage, t.trying, false);
    // Loaded on the first try: the scratch guest brings the emulator worker with it.
    const { startScratchGuest } = await import('../../playground/scratch-guest.ts');
    let stageIndex = 0;
    const nearMissCount = exercise.nearMisses?.length ?? 0;
    const stageNames = [t.stageSetup, ...(exercise.nearMisses ?? []).map((miss) => miss.title[lang])];
    let guestsStarted = 0;
    try {
      const result = await tryExercise(
        exercise,
        () => {
          say(
            tryMessage,
            fill(t.tryStarting, { stage: stageNames[Math.min(guestsStarted, nearMissCount)] ?? '' }),
            false,
          );
          guestsStarted++;
          return startScratchGuest();
        },
        {
          onStage: (stage) => {
            tryResults.append(
              stageElement(stage, stage.kind === 'near-miss' ? stageIndex++ : 0, exercise, lang, t),
            );
          },
        },
      );
      const n = result.problems.length;
      say(tryMessage, result.ok ? t.tryOk : fill(n === 1 ? t.tryProblem : t.tryProblems, { n }), !result.ok);
      if (!result.ok)
        tryResults.append(
          h(
            'details',
            { class: 'vlab-try-proof' },
            h('summary', {}, t.proofLines),
            h('pre', { class: 'vlab-evidence' }, result.problems.join('\n')),
          ),
        );
      root.dataset.tried = result.ok ? 'ok' : 'problems';
    } catch (error) {
      say(
        tryMessage,
        fill(t.tryFailed, { error: error instanceof Error ? error.message : String(error) }),
        true,
      );
      root.dataset.tried = 'error';
    } finally {
      trying = false;
      delete root.dataset.trying;
      tryButton.disabled = !current;
    }
  });

  const codeButton = $<HTMLButtonElement>('[data-action="code-editor"]');
  const codeStatus = $('[data-code-editor-status]');
  const monacoHost = $('[data-editor-monaco]');
  codeButton?.addEventListener('click', async () => {
    if (!codeStatus || !monacoHost || monaco) return;
    codeButton.disabled = true;
    codeStatus.textContent = t.codeEditorLoading;
    try {
      // Loaded on demand (~680 KB gz), from this site only; its grammar colours the YAML and the scripts in it.
      const { createScriptEditor } = await import('../../components/widgets/monaco-editor.ts');
      monacoHost.hidden = false;
      const editor = createScriptEditor(monacoHost, {
        value: yamlField.value,
        language: 'yaml',
        ariaLabel: t.yamlLabel,
        onChange: () => {
          yamlField.value = editor.getValue();
          checkSoon();
        },
      });
      monaco = editor;
      yamlField.closest('label')?.setAttribute('hidden', '');
      root.dataset.codeEditor = 'monaco';
      codeButton.hidden = true;
      codeStatus.textContent = t.codeEditorReady;
      editor.layout();
    } catch {
      monacoHost.hidden = true;
      codeButton.disabled = false;
      codeStatus.textContent = t.codeEditorFailed;
    }
  });

  const linkForm = $<HTMLFormElement>('[data-editor-link]');
  const linkField = $<HTMLInputElement>('[data-link]');
  const linkMessage = $('[data-link-message]');
  const linkResult = $('[data-link-result]');
  linkForm?.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!linkField || !linkMessage || !linkResult) return;
    linkResult.hidden = true;
    clearTimeout(timer);
    await check();
    if (!current) {
      say(linkMessage, message.textContent ?? '', true);
      return;
    }
    const title = String(new FormData(linkForm).get('title') ?? '').trim();
    if (title === '') {
      say(linkMessage, t.needTitle, true);
      linkForm.querySelector<HTMLInputElement>('[name="title"]')?.focus();
      return;
    }
    const made = await (await work()).makeLink(current, title, lang);
    if (made.ok) {
      linkField.value = made.link;
      // The trainer can solve it as a learner would: the assignment page links to the exercise.
      linkResult.querySelector('[data-link-open]')?.setAttribute('href', made.link);
      linkResult.hidden = false;
      // The short digest is what the roster shows as the version of each learner's exercise.
      linkMessage.dataset.digest = made.digest.slice(0, 12);
      say(linkMessage, fill(t.linkMade, { chars: made.chars, digest: made.digest.slice(0, 12) }), false);
    } else
      say(
        linkMessage,
        made.tooLong
          ? fill(t.linkTooLong, made.tooLong)
          : made.tooBig
            ? fill(t.linkTooBig, made.tooBig)
            : fill(t.linkProblem, { problem: made.problems.join('; ') }),
        true,
      );
  });

  const draft = readDraft();
  if (draft) {
    setYaml(draft.yaml);
    jaField.value = draft.ja;
    enField.value = draft.en;
  } else if (template) {
    // A new exercise gets an id of its own, so exercises made from the template do not share one.
    const id = uniqueTemplateId(crypto.getRandomValues(new Uint8Array(4)));
    template.yaml = templateYamlWithId(id);
    template.exercise = { ...template.exercise, id };
    setYaml(template.yaml);
  }
  void check();
}

for (const root of document.querySelectorAll<HTMLElement>('[data-exercise-editor]')) setUp(root);
