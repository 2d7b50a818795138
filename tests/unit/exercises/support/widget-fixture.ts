// Temporary copies of the valid widget fixture (fixtures/valid/02-widget-demo), each with one edit, so every
// test shows the one mistake it is about.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const fixture = new URL('../fixtures/valid/02-widget-demo/', import.meta.url);

export const widgetFixtureYaml = readFileSync(new URL('exercise.yaml', fixture), 'utf8');

/** A folder of exercise folders holding `02-widget-demo` with `yaml` as its exercise.yaml; returns the root. */
export function widgetFixtureWith(yaml: string): { root: string; file: string } {
  const root = mkdtempSync(join(tmpdir(), 'vlab-widget-exercise-'));
  const folder = join(root, '02-widget-demo');
  mkdirSync(folder);
  for (const file of ['instructions.ja.md', 'instructions.en.md'])
    writeFileSync(join(folder, file), readFileSync(new URL(file, fixture)));
  writeFileSync(join(folder, 'exercise.yaml'), yaml);
  return { root, file: join(folder, 'exercise.yaml') };
}

/** The fixture with `from` replaced by `to`; throws when `from` is not in it (a test that edits nothing). */
export function editedWidgetFixture(from: string, to: string): string {
  if (!widgetFixtureYaml.includes(from)) throw new Error(`the widget fixture has no "${from}"`);
  return widgetFixtureYaml.replace(from, to);
}
