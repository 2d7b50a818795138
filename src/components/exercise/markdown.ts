import { createMarkdownProcessor, type MarkdownRenderer } from '@astrojs/markdown-remark';

let renderer: Promise<MarkdownRenderer> | undefined;

/**
 * An exercise's instructions (trusted Markdown from content/exercises/) as HTML, at build time. No syntax
 * highlighting: Shiki's style attributes would each need a CSP hash, and the instructions hold short
 * commands only.
 */
export async function instructionsHtml(markdown: string): Promise<string> {
  renderer ??= createMarkdownProcessor({ syntaxHighlight: false });
  return (await (await renderer).render(markdown)).code;
}
