// A small POSIX-shell word splitter for RUN's shell form, enough for the commands run-effects.ts knows:
// quotes ('…', "…"), backslash escapes, $NAME and ${NAME} expansion, `&&` and `;` between commands, and the
// redirections `>`, `>>`, `2>`, `2>&1`. Pipes, `||`, `&`, `<`, `$(…)` and backquotes are refused with a
// message: the simulator cannot run them honestly. (The Dockerfile itself is parsed by dockerfile-ast; this is
// only the shell that RUN hands its text to: https://docs.docker.com/reference/dockerfile/#run.)
import type { Text } from './types.ts';

export interface Word {
  readonly text: string;
  /** True when an unquoted `*` or `?` appeared: the shell expands it against the file tree. */
  readonly glob: boolean;
}

export interface SimpleCommand {
  readonly words: readonly Word[];
  /** Standard output redirected to a file. */
  readonly stdout?: { readonly path: string; readonly append: boolean };
  /** How the command is joined to the one before it (`;` for the first). */
  readonly after: '&&' | ';';
}

export type SplitResult =
  | { readonly ok: true; readonly commands: readonly SimpleCommand[] }
  | { readonly ok: false; readonly message: Text };

const unsupported = (what: string): SplitResult => ({
  ok: false,
  message: {
    ja: `このシミュレーターのシェルは ${what} を扱えません（コマンドは && か ; でつないでください）。`,
    en: `This simulator's shell does not handle ${what} (join commands with && or ;).`,
  },
});

/** Splits a RUN command line into simple commands, expanding variables from `env`. */
export function splitShell(script: string, env: Readonly<Record<string, string>>): SplitResult {
  const commands: SimpleCommand[] = [];
  let words: Word[] = [];
  let word = '';
  let inWord = false;
  let glob = false;
  let after: '&&' | ';' = ';';
  let pending: { kind: 'stdout' | 'stdout-append' | 'stderr' } | null = null;
  let stdout: { path: string; append: boolean } | undefined;

  const endWord = (): SplitResult | null => {
    if (!inWord) return null;
    if (pending) {
      if (pending.kind !== 'stderr') stdout = { path: word, append: pending.kind === 'stdout-append' };
      pending = null;
    } else {
      words.push({ text: word, glob });
    }
    word = '';
    inWord = false;
    glob = false;
    return null;
  };
  let dangling = false;
  const endCommand = () => {
    endWord();
    // A redirection with no file after it (`echo x > && …`) is a syntax error in sh.
    if (pending) dangling = true;
    if (words.length > 0 || stdout) {
      commands.push(stdout ? { words, stdout, after } : { words, after });
    }
    words = [];
    stdout = undefined;
  };
  const readVar = (i: number): { value: string; next: number } | { error: SplitResult } => {
    // s[i] === '$'
    if (script[i + 1] === '(') return { error: unsupported('$(…)') };
    if (script[i + 1] === '{') {
      const close = script.indexOf('}', i + 2);
      if (close < 0) return { error: unsupported('${') };
      const inner = script.slice(i + 2, close);
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?::-(.*))?$/.exec(inner);
      if (!m) return { error: unsupported(`\${${inner}}`) };
      const value = env[m[1] as string];
      return {
        value: value === undefined || (value === '' && m[2] !== undefined) ? (m[2] ?? '') : value,
        next: close + 1,
      };
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(script.slice(i + 1));
    if (!m) return { value: '$', next: i + 1 };
    return { value: env[m[0]] ?? '', next: i + 1 + m[0].length };
  };

  let i = 0;
  while (i < script.length) {
    const c = script[i] as string;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      endWord();
      i++;
    } else if (c === "'") {
      const close = script.indexOf("'", i + 1);
      if (close < 0) return unsupported(`' …`);
      word += script.slice(i + 1, close);
      inWord = true;
      i = close + 1;
    } else if (c === '"') {
      inWord = true;
      i++;
      while (i < script.length && script[i] !== '"') {
        const d = script[i] as string;
        if (d === '\\' && i + 1 < script.length && '"\\$`'.includes(script[i + 1] as string)) {
          word += script[i + 1];
          i += 2;
        } else if (d === '$') {
          const v = readVar(i);
          if ('error' in v) return v.error;
          word += v.value;
          i = v.next;
        } else if (d === '`') {
          return unsupported('`…`');
        } else {
          word += d;
          i++;
        }
      }
      if (i >= script.length) return unsupported('" …');
      i++;
    } else if (c === '\\') {
      // A backslash before a newline joins the lines (sh's line continuation); before anything else it quotes it.
      if (script[i + 1] === '\n') {
        i += 2;
        continue;
      }
      if (i + 1 < script.length) word += script[i + 1];
      inWord = true;
      i += 2;
    } else if (c === '$') {
      const v = readVar(i);
      if ('error' in v) return v.error;
      word += v.value;
      inWord = true;
      i = v.next;
    } else if (c === '`') {
      return unsupported('`…`');
    } else if (c === '&') {
      if (script[i + 1] !== '&') return unsupported('&');
      endCommand();
      after = '&&';
      i += 2;
    } else if (c === ';') {
      endCommand();
      after = ';';
      i++;
    } else if (c === '|') {
      return unsupported(script[i + 1] === '|' ? '||' : '|');
    } else if (c === '<') {
      return unsupported('<');
    } else if (c === '>') {
      const fd = inWord && (word === '1' || word === '2') ? word : null;
      if (fd) {
        word = '';
        inWord = false;
      } else {
        endWord();
      }
      const append = script[i + 1] === '>';
      i += append ? 2 : 1;
      if (script[i] === '&') {
        // 2>&1 and the like: output goes to the build log either way.
        i++;
        while (i < script.length && /[0-9]/.test(script[i] as string)) i++;
        continue;
      }
      pending = { kind: fd === '2' ? 'stderr' : append ? 'stdout-append' : 'stdout' };
    } else {
      if (c === '*' || c === '?') glob = true;
      word += c;
      inWord = true;
      i++;
    }
  }
  endWord();
  if (pending) return unsupported('>');
  endCommand();
  if (dangling) return unsupported('>');
  return { ok: true, commands };
}
