// Monaco for the Dockerfile of <image-layers>, loaded only when the learner asks for the code editor (the text
// box works at once). As src/components/widgets/monaco-editor.ts does for <container-script>: everything from
// our own origin (editor worker, codicon font, the Dockerfile grammar); Monaco writes inline styles, so the
// component's root carries data-csp-inline-styles. The model's parse and build errors become markers at their
// line.
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/languages/definitions/dockerfile/register';
import * as monaco from 'monaco-editor/editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

export interface DockerfileEditor {
  getValue(): string;
  setValue(text: string): void;
  focus(): void;
  /** Error markers (1-based lines); an empty list clears them. */
  setErrors(errors: readonly { line: number; message: string }[]): void;
  dispose(): void;
}

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

window.MonacoEnvironment ??= { getWorker: () => new EditorWorker() };

const themeOfPage = () => (document.documentElement.dataset.theme === 'light' ? 'vs' : 'vs-dark');

export function createDockerfileEditor(
  host: HTMLElement,
  options: { value: string; ariaLabel: string; onChange: () => void },
): DockerfileEditor {
  const editor = monaco.editor.create(host, {
    value: options.value,
    language: 'dockerfile',
    theme: themeOfPage(),
    ariaLabel: options.ariaLabel,
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fontSize: 13,
    tabSize: 2,
    lineNumbersMinChars: 2,
    unicodeHighlight: { allowedLocales: { ja: true } },
    // A blinking cursor is motion (Monaco blinks it from a script, which the site's reduced-motion CSS misses).
    cursorBlinking: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'solid' : 'blink',
  });
  const change = editor.onDidChangeModelContent(() => options.onChange());
  const observer = new MutationObserver(() => monaco.editor.setTheme(themeOfPage()));
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return {
    getValue: () => editor.getValue(),
    setValue: (text) => {
      if (editor.getValue() !== text) editor.setValue(text);
    },
    focus: () => editor.focus(),
    setErrors: (errors) => {
      const model = editor.getModel();
      if (!model) return;
      monaco.editor.setModelMarkers(
        model,
        'image-layers',
        errors
          .filter((e) => e.line >= 1 && e.line <= model.getLineCount())
          .map((e) => ({
            severity: monaco.MarkerSeverity.Error,
            message: e.message,
            startLineNumber: e.line,
            startColumn: 1,
            endLineNumber: e.line,
            endColumn: model.getLineMaxColumn(e.line),
          })),
      );
    },
    dispose: () => {
      observer.disconnect();
      change.dispose();
      editor.getModel()?.dispose();
      editor.dispose();
    },
  };
}
