// The editor's files in and out: an exercise folder chosen or dropped, "start from the template" (each asks
// before it replaces texts that would be lost), and the three files downloaded as typed.
import { download, h, onDropped } from '../dom.ts';
import { fill } from '../strings.ts';
import type { EditorContext } from './context.ts';
import { type EditorTexts, fingerprint, isBlank } from './draft.ts';
import { droppedFiles, readExerciseFiles } from './folder-files.ts';
import { filesAsTyped } from './typed-files.ts';

const names = ['exercise.yaml', 'instructions.ja.md', 'instructions.en.md'] as const;

/** The download buttons for texts the check accepted (none when `texts` is undefined: they are not valid). */
export function renderExport(context: EditorContext, texts: EditorTexts | undefined): void {
  const box = context.find('[data-editor-export]');
  const exercise = context.current();
  if (!box) return;
  if (!texts || !exercise) {
    box.replaceChildren();
    return;
  }
  const files = filesAsTyped(texts);
  const { t } = context;
  box.replaceChildren(
    h('p', {}, fill(t.exportNote, { id: exercise.id })),
    h(
      'div',
      { class: 'vlab-actions' },
      // A language the exercise is not written in has no instruction file to download.
      ...names
        .filter((name) => name === 'exercise.yaml' || files[name].trim() !== '')
        .map((name) => {
          const button = h(
            'button',
            { class: 'vl-button', attrs: { type: 'button', 'data-action': 'download', 'data-file': name } },
            fill(t.download, { file: name }),
          );
          button.addEventListener('click', () => {
            download(name, files[name], name.endsWith('.yaml') ? 'application/yaml' : 'text/markdown');
            // Saved on the trainer's disk: replacing the texts now loses nothing they downloaded.
            if (fingerprint(texts) === fingerprint(context.texts())) context.markSaved();
          });
          return button;
        }),
    ),
  );
}

export function wireImport(context: EditorContext): void {
  const { t, message, say } = context;
  const folderInput = context.find<HTMLInputElement>('[data-editor-folder]');
  const drop = context.find('[data-editor-drop]');
  if (!folderInput || !drop) return;

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
    // A check still waiting on the last keystrokes runs first, so its message does not cover the answer below.
    await context.checkNow();
    if (context.hasChanges() && !confirm(t.importConfirm)) {
      say(message, t.importKept, false);
      return;
    }
    await context.replaceTexts({
      yaml: read.files['exercise.yaml'],
      ja: read.files['instructions.ja.md'] ?? '',
      en: read.files['instructions.en.md'] ?? '',
    });
    // After the check: the folder's message is the one to read, the check's result (with what it warns of, such
    // as a site exercise's id) beside it.
    if (context.current())
      say(
        message,
        `${fill(t.folderRead, { files: read.names.join(', ') })} ${message.textContent || t.valid}`,
        false,
      );
  };
  // A folder, not files: Astro's types do not know the attribute, the DOM does.
  folderInput.webkitdirectory = true;
  folderInput.addEventListener('change', () => {
    const files = [...(folderInput.files ?? [])];
    // The same folder chosen again (after a refusal) must fire `change` again.
    folderInput.value = '';
    void load(files);
  });
  onDropped(drop, (transfer) => void droppedFiles(transfer).then(load));
}

/** "Start from the template": asks first when the texts are neither blank nor the template itself. */
export function wireTemplateButton(context: EditorContext): void {
  const button = context.find<HTMLButtonElement>('[data-action="use-template"]');
  button?.addEventListener('click', async () => {
    const { t, message, say } = context;
    const texts = context.texts();
    if (!isBlank(texts) && !context.isTemplate(texts) && !confirm(t.templateConfirm)) {
      say(message, t.templateKept, false);
      return;
    }
    await context.replaceTexts(context.freshTemplate());
    say(message, `${t.templateUsed} ${t.valid}`, false);
  });
}
