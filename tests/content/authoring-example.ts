// The worked example of the authoring guide, taken from the guide itself: every code block whose title is a
// file under content/exercises/ (```yaml title="content/exercises/04-learner-file/exercise.yaml"). Shared by
// tests/content/authoring-guide.test.ts (the loader) and tests/vm/authoring-example.test.ts (the real guest).
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const guides = {
  ja: fileURLToPath(new URL('../../content/docs/authoring.mdx', import.meta.url)),
  en: fileURLToPath(new URL('../../content/docs/en/authoring.mdx', import.meta.url)),
} as const;

export type GuideLang = keyof typeof guides;

export function guideText(lang: GuideLang): string {
  return readFileSync(guides[lang], 'utf8');
}

/** `{ "04-learner-file/exercise.yaml": "…" }`: each titled code block, by its path under content/exercises/. */
export function exampleFiles(lang: GuideLang): Record<string, string> {
  const files: Record<string, string> = {};
  const block = /^```\w+ title="content\/exercises\/([^"]+)"[^\n]*\n([\s\S]*?)^```$/gm;
  for (const match of guideText(lang).matchAll(block)) {
    const [, path = '', body = ''] = match;
    if (path in files) throw new Error(`${guides[lang]}: ${path} appears twice`);
    files[path] = body;
  }
  return files;
}

/** Writes the example into a new temporary folder; returns that folder (it holds the exercise folder). */
export function writeExample(lang: GuideLang, edit?: (path: string, text: string) => string): string {
  const root = mkdtempSync(join(tmpdir(), 'vlab-authoring-'));
  for (const [path, text] of Object.entries(exampleFiles(lang))) {
    const full = join(root, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, edit ? edit(path, text) : text);
  }
  return root;
}
