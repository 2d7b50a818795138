// Monaco, loaded only when the learner presses Edit on a <container-script> or the trainer asks for it in the
// exercise editor (exercise.yaml, with its scripts) (~680 KB gz). Everything it needs
// is bundled from our own origin: the editor worker (Vite `?worker`), the codicon font (CSS url()), the shell
// grammar. Monaco writes inline styles, so the component's root carries data-csp-inline-styles.
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/languages/definitions/shell/register';
import 'monaco-editor/languages/definitions/yaml/register';
import * as monaco from 'monaco-editor/editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

/** What the script element needs of an editor; the plain text box implements it too. */
export interface ScriptEditor {
  getValue(): string;
  setValue(text: string): void;
  focus(): void;
  dispose(): void;
}

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

window.MonacoEnvironment = { getWorker: () => new EditorWorker() };

const themeOfPage = () => (document.documentElement.dataset.theme === 'light' ? 'vs' : 'vs-dark');

export function createScriptEditor(
  host: HTMLElement,
  options: { value: string; ariaLabel: string; onChange: () => void; language?: 'shell' | 'yaml' },
): ScriptEditor & { layout(): void } {
  const editor = monaco.editor.create(host, {
    value: options.value,
    language: options.language ?? 'shell',
    theme: themeOfPage(),
    ariaLabel: options.ariaLabel,
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fontSize: 13,
    tabSize: 2,
    // The scripts carry Japanese comments: full-width punctuation is not "ambiguous" here.
    unicodeHighlight: { allowedLocales: { ja: true } },
    // A blinking cursor is motion (Monaco blinks it from a script, which the site's reduced-motion CSS misses).
    cursorBlinking: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'solid' : 'blink',
  });
  const change = editor.onDidChangeModelContent(() => options.onChange());
  // Follow Starlight's theme picker.
  const observer = new MutationObserver(() => monaco.editor.setTheme(themeOfPage()));
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return {
    getValue: () => editor.getValue(),
    setValue: (text) => editor.setValue(text),
    focus: () => editor.focus(),
    layout: () => editor.layout(),
    dispose: () => {
      observer.disconnect();
      change.dispose();
      editor.getModel()?.dispose();
      editor.dispose();
    },
  };
}
