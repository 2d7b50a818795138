// "Edit in the code editor": Monaco over the exercise.yaml box, loaded on demand (~680 KB gz, from this site
// only); its YAML grammar colours the scripts in it. The box stays the one source of the text.
import type { EditorContext } from './context.ts';

export function wireCodeEditor(context: EditorContext, yamlField: HTMLTextAreaElement): void {
  const { t } = context;
  const button = context.find<HTMLButtonElement>('[data-action="code-editor"]');
  const status = context.find('[data-code-editor-status]');
  const host = context.find('[data-editor-monaco]');
  button?.addEventListener('click', async () => {
    if (!status || !host || context.yamlView) return;
    button.disabled = true;
    status.textContent = t.codeEditorLoading;
    try {
      const { createScriptEditor } = await import('../../components/widgets/monaco-editor.ts');
      host.hidden = false;
      const editor = createScriptEditor(host, {
        value: yamlField.value,
        language: 'yaml',
        ariaLabel: t.yamlLabel,
        onChange: () => {
          yamlField.value = editor.getValue();
          context.checkSoon();
        },
      });
      context.yamlView = editor;
      yamlField.closest('label')?.setAttribute('hidden', '');
      context.root.dataset.codeEditor = 'monaco';
      button.hidden = true;
      status.textContent = t.codeEditorReady;
      editor.layout();
    } catch {
      host.hidden = true;
      button.disabled = false;
      status.textContent = t.codeEditorFailed;
    }
  });
}
