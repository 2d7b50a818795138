import { createMarkdownProcessor, type MarkdownRenderer } from '@astrojs/markdown-remark';
import { htmlProblems } from '../../exercises/script-in-text.ts';

let renderer: Promise<MarkdownRenderer> | undefined;

/**
 * An exercise's instructions (Markdown from content/exercises/) as HTML, at build time; `where` names the
 * file in the error that fails the build if the HTML holds script (htmlProblems). No syntax
 * highlighting: Shiki's style attributes would each need a CSP hash, and the instructions hold short
 * commands only.
 */
export async function instructionsHtml(markdown: string, where = 'instructions'): Promise<string> {
  renderer ??= createMarkdownProcessor({ syntaxHighlight: false });
  const html = (await (await renderer).render(markdown)).code;
  // The loader refused script in the Markdown already (script-in-text.ts); this checks what is actually put
  // into the page, so nothing the loader's reading of Markdown missed can reach it.
  const problems = htmlProblems(html);
  if (problems.length > 0) throw new Error(`${where}: ${problems.join('; ')}`);
  return html;
}
