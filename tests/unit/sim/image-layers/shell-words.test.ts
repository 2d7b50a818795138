// The sh subset RUN's text goes through: words, quotes, variables, && and ;, redirections, and the refusals.
import { describe, expect, test } from 'vitest';
import { splitShell } from '../../../../src/sim/image-layers/shell-words.ts';

function words(script: string, env: Record<string, string> = {}) {
  const r = splitShell(script, env);
  if (!r.ok) throw new Error(r.message.en);
  return r.commands.map((c) => ({ words: c.words.map((w) => w.text), after: c.after, stdout: c.stdout }));
}

describe('splitShell', () => {
  test('quotes keep spaces; single quotes keep $; double quotes expand it', () => {
    expect(words(`echo 'a  b' "c  $X" '$X' \${X}y \${NOPE:-dflt}`, { X: 'x' })[0]?.words).toEqual([
      'echo',
      'a  b',
      'c  x',
      '$X',
      'xy',
      'dflt',
    ]);
  });

  test('&& and ; separate commands; ; inside quotes does not', () => {
    expect(words('a && b ; c "d;e"').map((c) => [c.words[0], c.after])).toEqual([
      ['a', ';'],
      ['b', '&&'],
      ['c', ';'],
    ]);
  });

  test('redirections: > and >> to a file, 2> and 2>&1 dropped', () => {
    expect(words('echo hi > /f')[0]?.stdout).toEqual({ path: '/f', append: false });
    expect(words('echo hi >>/f')[0]?.stdout).toEqual({ path: '/f', append: true });
    expect(words('make 2>/dev/null 2>&1')[0]).toEqual({ words: ['make'], after: ';', stdout: undefined });
  });

  test('a backslash-newline joins lines; a backslash before anything else quotes it', () => {
    expect(words('apk add \\\n curl')[0]?.words).toEqual(['apk', 'add', 'curl']);
    expect(words('echo a\\ b \\$X', { X: 'x' })[0]?.words).toEqual(['echo', 'a b', '$X']);
  });

  test.each([
    ['cat a | wc', /\|/],
    ['a || b', /\|\|/],
    ['sleep 1 &', /&/],
    ['echo $(date)', /\$\(…\)/],
    ['echo `date`', /`…`/],
    ['sort < f', /</],
    ['echo >', />/],
    ["echo 'open", /'/],
  ])('%s is refused with what it used', (script, what) => {
    const r = splitShell(script, {});
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message.en).toMatch(what);
      expect(r.message.ja).toMatch(/このシミュレーターのシェルは/);
    }
  });
});
