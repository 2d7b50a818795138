// Exercise text must not carry script into the site: the loader refuses script tags, frames, objects,
// event-handler attributes and javascript:/vbscript:/data: links in instructions and in every shown text,
// naming file and field; the rendered instructions are checked again. Whatever the loader's check accepts,
// the real Markdown renderer turns into HTML without any of it (a property over generated Markdown).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { instructionsHtml } from '../../../src/components/exercise/markdown.ts';
import { ExerciseLoadError, loadExercises } from '../../../src/exercises/load.ts';
import { htmlProblems, scriptProblems } from '../../../src/exercises/script-in-text.ts';
import { hostileString, runs } from '../support/hostile.ts';

const fixtures = new URL('./fixtures/script-in-text/', import.meta.url);
const base = 'tests/unit/exercises/fixtures/script-in-text';

function problemsOf(): readonly string[] {
  try {
    loadExercises(fixtures);
  } catch (error) {
    if (error instanceof ExerciseLoadError) return error.problems;
    throw error;
  }
  throw new Error('the hostile fixtures loaded');
}

/** Pieces of Markdown that carry script (or nearly do), and harmless ones to put around them. */
const hostile = [
  '<script>window.__pwned=1</script>',
  '<SCRIPT SRC=//x.example/a.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<IMG SRC=x ONERROR=alert(1)>',
  '<img src="x" alt=">" onerror="alert(1)">',
  '<details open ontoggle=alert(1)>',
  '<a\nhref="javascript:alert(1)">x</a>',
  '<a href=" &#106;avascript:alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<iframe src=//example.com></iframe>',
  '<object data=x></object>',
  '<embed src=x>',
  '<svg><script>alert(1)</script></svg>',
  '<form action=//x.example><button>go</button></form>',
  '<meta http-equiv=refresh content="0;url=javascript:alert(1)">',
  '<base href=//x.example/>',
  '<style>body{display:none}</style>',
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](<javascript:alert(1)>)',
  '[x]( javascript:alert(1) )',
  '[x](jav&#x61;script:alert(1))',
  '[x](java&#10;script:alert(1))',
  '[x](javascript&colon;alert(1))',
  '[x](javascript\\:alert(1))',
  '![i](data:image/svg+xml;base64,PHN2Zz4=)',
  '[x](vbscript:msgbox)',
  '[x][r]\n\n[r]: javascript:alert(1)',
  '[x][r]\n\n[r]:\n  <data:text/html,x>',
  '<javascript:alert(1)>',
  '<data:text/html,<b>x</b>>',
];
const harmless = [
  'Run `ps` and compare.',
  '`<pid>`',
  '1. First\n2. Second',
  '**bold** and *em*',
  '[docs](https://docs.docker.com/)',
  '<https://example.com/>',
  '`/proc/<pid>/ns`',
  '```sh\necho hi\n```',
  '> quote',
  '<kbd>Ctrl</kbd>',
  '<div>plain</div>',
  '<!-- a comment -->',
  'a < b and c > d',
  '\n\n',
  '&amp; &lt;',
];
const scatter = fc.string({
  unit: fc.constantFrom(...'<>aon="\' \nj:()[]&#x/\\`!er'.split('')),
  maxLength: 30,
});
const markdown = fc
  .array(fc.oneof(fc.constantFrom(...hostile), fc.constantFrom(...harmless), scatter, hostileString), {
    maxLength: 6,
  })
  .map((parts) => parts.join(' '));

describe('the build refuses script in exercise text', () => {
  test('instructions: each problem names the file, the field and what was found', () => {
    const dir = `${base}/01-markdown`;
    expect(problemsOf().filter((p) => p.startsWith(dir))).toEqual([
      `${dir}/instructions.ja.md: instructions.ja: Received a <iframe> tag / Expected text without script, frames, objects, forms or embedded documents`,
      `${dir}/instructions.ja.md: instructions.ja: Received a data: URL in an autolink / Expected an http:, https:, mailto: or relative link`,
      `${dir}/instructions.ja.md: instructions.ja: Received a <script> tag / Expected text without script, frames, objects, forms or embedded documents`,
      `${dir}/instructions.ja.md: instructions.ja: Received a data: URL in a Markdown link / Expected an http:, https:, mailto: or relative link`,
      `${dir}/instructions.en.md: instructions.en: Received a <script> tag / Expected text without script, frames, objects, forms or embedded documents`,
      `${dir}/instructions.en.md: instructions.en: Received an event-handler attribute onerror= on <img> / Expected HTML without event handlers`,
      `${dir}/instructions.en.md: instructions.en: Received a javascript: URL in a Markdown link / Expected an http:, https:, mailto: or relative link`,
    ]);
  });

  test('titles, messages, hints and near-miss titles: each problem names the field', () => {
    const file = `${base}/02-texts/exercise.yaml`;
    expect(problemsOf().filter((p) => p.startsWith(file))).toEqual([
      `${file}: title.en: Received a <svg> tag / Expected text without script, frames, objects, forms or embedded documents`,
      `${file}: title.en: Received an event-handler attribute onload= on <svg> / Expected HTML without event handlers`,
      `${file}: tasks[0].pass.en: Received a javascript: URL in <a href> / Expected an http:, https:, mailto: or relative link`,
      `${file}: tasks[0].hints[1].ja: Received a <object> tag / Expected text without script, frames, objects, forms or embedded documents`,
      `${file}: tasks[0].hints[1].en: Received a vbscript: URL in a Markdown link / Expected an http:, https:, mailto: or relative link`,
      `${file}: nearMisses[0].title.en: Received an event-handler attribute onpageshow= on <body> / Expected HTML without event handlers`,
    ]);
  });

  test("the site's own exercises all load, and their rendered instructions hold no script", async () => {
    const exercises = loadExercises();
    expect(exercises.length).toBeGreaterThan(20);
    for (const exercise of exercises)
      for (const lang of ['ja', 'en'] as const)
        expect(htmlProblems(await instructionsHtml(exercise.instructions[lang]))).toEqual([]);
  });

  test('the rendered HTML is checked too: script there fails the build naming the file', async () => {
    await expect(
      instructionsHtml('Hi <img src=x onerror=alert(1)>', 'content/exercises/x/a.md'),
    ).rejects.toThrow('content/exercises/x/a.md: Received an event-handler attribute onerror= on <img>');
  });

  test('every hostile piece is refused wherever it sits in harmless text', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...hostile),
        fc.constantFrom(...harmless),
        fc.constantFrom(...harmless),
        (piece, before, after) => {
          expect(scriptProblems(`${before}\n\n${piece} ${after}`)).not.toEqual([]);
        },
      ),
      runs(2_000),
    );
  });

  test('what the check accepts renders to HTML without script, frames, handlers or script URLs', async () => {
    await fc.assert(
      fc.asyncProperty(markdown, async (text) => {
        if (scriptProblems(text).length > 0) return;
        expect(htmlProblems(await instructionsHtml(text))).toEqual([]);
      }),
      runs(1_500),
    );
  });

  test('the check itself never throws, on any text', () => {
    fc.assert(
      fc.property(fc.oneof(markdown, fc.string({ unit: 'binary', maxLength: 200 })), (text) => {
        for (const problem of scriptProblems(text)) expect(problem).toMatch(/^Received .* \/ Expected /);
      }),
      runs(5_000),
    );
  });
});
