// Shared by the chapter content tests (tests/content/<chapter>.test.ts): where a chapter's two pages are, the
// shell blocks a page shows, and how a page links the source article.

/** How a chapter links the source article wherever it cites it (src/site/source-article.ts). */
export const SOURCE_ARTICLE = 'href={sourceArticle.url}';

/** The Japanese and English MDX of a chapter. */
export function chapterPages(slug: string): { ja: URL; en: URL } {
  return {
    ja: new URL(`../../content/docs/chapters/${slug}.mdx`, import.meta.url),
    en: new URL(`../../content/docs/en/chapters/${slug}.mdx`, import.meta.url),
  };
}

/** The text of every fenced block in a shell language, as the Run button sends it (lines joined, trimmed). */
export function shellBlocks(source: string): string[] {
  return [...source.matchAll(/^```(sh|bash|shell|console)[^\n]*\n([\s\S]*?)^```/gm)].map((m) =>
    (m[2] ?? '').trim(),
  );
}
