// Every Japanese page, UI string and exercise follows the house style for Japanese (the editor's JA-STYLE list):
// the term table and the punctuation rules, outside code. The rules, what counts as code, and how 課題 (only the
// trainer's assignment) and 層 (only for image layers) are told apart are in ./ja-style.ts; the matcher's own
// test, with bad samples, is ./ja-style-matcher.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import {
  checkAstro,
  checkExerciseYaml,
  checkJsonStrings,
  checkMarkdown,
  checkTypeScript,
  type Finding,
  formatFinding,
} from './ja-style.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const hasJapanese = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

function filesUnder(dir: string, keep: (path: string) => boolean): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .filter(keep)
    .sort();
}

type Checker = (source: string, context: { path: string }) => Finding[];

function checkerFor(path: string): Checker {
  if (/\.mdx?$/.test(path)) return checkMarkdown;
  if (path.endsWith('.yaml')) return checkExerciseYaml;
  if (path.endsWith('.json')) return checkJsonStrings;
  if (path.endsWith('.astro')) return checkAstro;
  return checkTypeScript;
}

/**
 * Japanese pages (not content/docs/en/), exercises (exercise.yaml's ja fields, instructions.ja.md), Starlight's
 * added strings, and every source file under src/ whose strings hold Japanese: the strings.ts files,
 * ui-strings.ts, the sidebar and third-party labels, the figures. A new file with Japanese is covered by itself.
 * Not src/schemas/: its descriptions are English notes to authors that quote a Japanese term ("(です・ます調)").
 */
const files = [
  ...filesUnder('content/docs', (p) => p.endsWith('.mdx') && !p.startsWith('content/docs/en/')),
  ...filesUnder('content/exercises', (p) => /\/(exercise\.yaml|instructions\.ja\.md)$/.test(p)),
  'content/i18n/ja.json',
  ...[
    'astro.config.mjs',
    ...filesUnder('src', (p) => /\.(ts|mjs|astro)$/.test(p) && !p.startsWith('src/schemas/')),
  ].filter((p) => hasJapanese.test(readFileSync(join(root, p), 'utf8'))),
];

test('the Japanese text is all found: pages, exercises and every UI string file', () => {
  for (const expected of [
    'content/docs/index.mdx',
    'content/docs/chapters/kernel-features.mdx',
    'content/exercises/01-pid-namespace/exercise.yaml',
    'content/exercises/01-pid-namespace/instructions.ja.md',
    'content/i18n/ja.json',
    'src/lab/strings.ts',
    'src/playground/strings.ts',
    'src/trainer/strings.ts',
    'src/components/widgets/strings.ts',
    'src/site/ui-strings.ts',
    'src/site/sidebar.ts',
    'src/site/third-party.ts',
    'src/components/figures/CgroupTree.astro',
  ])
    expect(files).toContain(expected);
  expect(files.filter((p) => p.startsWith('content/docs/en/'))).toEqual([]);
});

test.each(files)('%s follows the house style for Japanese', (path) => {
  const findings = checkerFor(path)(readFileSync(join(root, path), 'utf8'), { path });
  expect(findings.map((finding) => formatFinding(path, finding))).toEqual([]);
});
