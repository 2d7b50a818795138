// What a RUN does to the file tree. There is no real shell here, so a RUN's effect comes from a table of the
// commands this simulator knows (KNOWN_COMMANDS), each a function from the tree to a new tree or an error,
// written after what the real command does. Anything else is refused with "this simulator does not know what
// X does" rather than guessed. Commands run as the Dockerfile's USER: a non-root user may only create or
// remove entries in directories it owns (or that are writable by all, like /tmp), and package managers need
// root, as in a real build.
import { runApk, runApt } from './package-managers.ts';
import {
  type Command,
  denied,
  err,
  type Fs,
  isRoot,
  mayWriteIn,
  mkdirP,
  ok,
  options,
  owner,
  removePath,
  type ShellState,
  type Step,
  writeFile,
} from './shell-fs.ts';
import { type SimpleCommand, splitShell, type Word } from './shell-words.ts';
import { baseName, entryAt, normalisePath, parentOf, sortedTree, type Tree } from './tree.ts';
import type { Text } from './types.ts';
import { addUser } from './users.ts';

export { isRoot } from './shell-fs.ts';
export { userProblem } from './users.ts';

export interface RunContext {
  readonly tree: Tree;
  /** Working directory (WORKDIR). */
  readonly cwd: string;
  /** USER, normalised: '0' for root. */
  readonly user: string;
  /** ENV and ARG values visible to the command. */
  readonly env: Readonly<Record<string, string>>;
}

export type RunOutcome =
  | { readonly ok: true; readonly tree: Tree }
  | { readonly ok: false; readonly message: Text; readonly unknown?: true };

/** Expands `*` and `?` in one word against the tree, as sh does (no match: the word stays as written). */
function expandGlob(word: Word, fs: Fs, cwd: string): string[] {
  if (!word.glob) return [word.text];
  const pattern = normalisePath(word.text, cwd);
  const re = new RegExp(
    `^${pattern
      .split('')
      .map((ch) => (ch === '*' ? '[^/]*' : ch === '?' ? '[^/]' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
      .join('')}$`,
  );
  const matches = Object.keys(fs)
    .filter((p) => re.test(p) && !baseName(p).startsWith('.'))
    .sort();
  return matches.length > 0 ? matches : [word.text];
}

const commands: Readonly<Record<string, Command>> = {
  true: () => ok,
  ':': () => ok,
  set: () => ok,
  echo: () => ok, // its output goes to the build log; a redirection is handled by the caller
  cd: (args, fs, ctx) => {
    const target = normalisePath(args[0] ?? '/', ctx.cwd);
    if (entryAt(fs, target)?.type !== 'dir')
      return err(`cd：${target} がありません。`, `cd: can't cd to ${target}: No such file or directory.`);
    ctx.cwd = target;
    return ok;
  },
  mkdir: (args, fs, ctx) => {
    const { flags, rest } = options(args);
    const parents = flags.includes('p') || flags.includes(' --parents ');
    if (rest.length === 0) return err('mkdir：ディレクトリ名がありません。', 'mkdir: missing operand.');
    for (const a of rest) {
      const path = normalisePath(a, ctx.cwd);
      if (parents) {
        const r = mkdirP(fs, path, ctx);
        if (!r.ok) return r;
        continue;
      }
      if (fs[path] || path === '/')
        return err(
          `mkdir：${path} は既にあります。`,
          `mkdir: can't create directory '${path}': File exists.`,
        );
      if (entryAt(fs, parentOf(path))?.type !== 'dir')
        return err(
          `mkdir：${parentOf(path)} がありません（-p を付けると親ディレクトリも作ります）。`,
          `mkdir: can't create directory '${path}': No such file or directory (-p creates the parents too).`,
        );
      if (!mayWriteIn(fs, parentOf(path), ctx.user)) return denied(path);
      fs[path] = { type: 'dir', mode: 0o755, owner: owner(ctx.user) };
    }
    return ok;
  },
  touch: (args, fs, ctx) => {
    for (const a of options(args).rest) {
      const path = normalisePath(a, ctx.cwd);
      // An existing file only gets a new mtime, which this model does not record (README.md).
      if (fs[path]) continue;
      const r = writeFile(fs, path, '', ctx, false);
      if (!r.ok) return r;
    }
    return ok;
  },
  rm: (args, fs, ctx) => {
    const { flags, rest } = options(args);
    const recursive = /[rR]/.test(flags) || flags.includes(' --recursive ');
    const force = flags.includes('f') || flags.includes(' --force ');
    for (const a of rest) {
      const path = normalisePath(a, ctx.cwd);
      if (path === '/') return err('rm：/ は削除できません。', "rm: refusing to remove '/'.");
      const e = fs[path];
      if (!e) {
        if (force) continue;
        return err(`rm：${path} がありません。`, `rm: can't remove '${path}': No such file or directory.`);
      }
      if (e.type === 'dir' && !recursive)
        return err(
          `rm：${path} はディレクトリです（-r が必要です）。`,
          `rm: can't remove '${path}': Is a directory (needs -r).`,
        );
      const r = removePath(fs, path, ctx);
      if (!r.ok) return r;
    }
    return ok;
  },
  chmod: (args, fs, ctx) => {
    const { rest } = options(args);
    const [mode, ...paths] = rest;
    if (!mode || paths.length === 0) return err('chmod：引数が足りません。', 'chmod: missing operand.');
    for (const a of paths) {
      const path = normalisePath(a, ctx.cwd);
      const e = fs[path];
      if (!e) return err(`chmod：${path} がありません。`, `chmod: ${path}: No such file or directory.`);
      if (!isRoot(ctx.user) && e.owner !== ctx.user.split(':')[0]) return denied(path);
      let next: number;
      if (/^[0-7]{3,4}$/.test(mode)) next = Number.parseInt(mode, 8);
      else if (/^[ugoa]*\+x$/.test(mode)) next = e.mode | 0o111;
      else if (/^[ugoa]*-x$/.test(mode)) next = e.mode & ~0o111;
      else
        return err(
          `chmod：モード ${mode} はこのシミュレーターでは扱えません（8 進数か +x を使ってください）。`,
          `chmod: this simulator does not handle the mode ${mode} (use octal or +x).`,
        );
      // chmod changes metadata only, but a layer stores the whole file again (layer.md, "Additions and
      // Modifications are represented the same").
      fs[path] = { ...e, mode: next };
    }
    return ok;
  },
  cp: (args, fs, ctx) => {
    const { rest } = options(args);
    if (rest.length !== 2)
      return err(
        'cp：このシミュレーターでは「cp 元 先」の形だけ扱えます。',
        'cp: this simulator handles "cp SOURCE DEST" only.',
      );
    const src = normalisePath(rest[0] as string, ctx.cwd);
    let dest = normalisePath(rest[1] as string, ctx.cwd);
    const e = fs[src];
    if (!e) return err(`cp：${src} がありません。`, `cp: can't stat '${src}': No such file or directory.`);
    if (e.type === 'dir')
      return err(
        'cp：ディレクトリのコピーはこのシミュレーターでは扱えません。',
        'cp: this simulator does not copy directories.',
      );
    if (fs[dest]?.type === 'dir') dest = `${dest}/${baseName(src)}`;
    return writeFile(fs, dest, e.content, ctx, false);
  },
  adduser: (args, fs, ctx) => addUser('adduser', args, fs, ctx),
  useradd: (args, fs, ctx) => addUser('useradd', args, fs, ctx),
  apk: (args, fs, ctx) => runApk(args, fs, ctx),
  'apt-get': (args, fs, ctx) => runApt(args, fs, ctx),
  sh: (args, fs, ctx) => {
    const i = args.indexOf('-c');
    if (i < 0 || args[i + 1] === undefined)
      return err(
        'sh はこのシミュレーターでは sh -c "…" の形だけ扱えます。',
        'This simulator runs sh only as sh -c "…".',
      );
    return runScriptIn(args[i + 1] as string, fs, ctx);
  },
};

/** Where each known command lives in the images (a command the tree does not have is "not found"). */
const binaries: Readonly<Record<string, readonly string[]>> = {
  sh: ['/bin/sh'],
  apk: ['/sbin/apk'],
  'apt-get': ['/usr/bin/apt-get'],
};

/** The commands this simulator knows, for messages and documentation. */
export const KNOWN_COMMANDS: readonly string[] = Object.keys(commands).filter((c) => c !== ':');

function runSimple(cmd: SimpleCommand, fs: Fs, ctx: ShellState): Step {
  const argv = cmd.words.flatMap((w) => expandGlob(w, fs, ctx.cwd));
  const [name, ...args] = argv;
  if (name === undefined) return ok;
  const key = baseName(name);
  const run = commands[key];
  if (!run)
    return {
      ok: false,
      unknown: true,
      message: {
        ja: `このシミュレーターは ${key} が何をするかを知りません。RUN で使えるのは ${KNOWN_COMMANDS.join('、')} です。`,
        en: `This simulator does not know what ${key} does. RUN can use ${KNOWN_COMMANDS.join(', ')}.`,
      },
    };
  const needs = binaries[key];
  if (needs && !needs.some((b) => fs[b]))
    return err(
      `sh: ${key}: コマンドが見つかりません（このイメージにはありません）。`,
      `sh: ${key}: not found (this image does not have it).`,
    );
  const r = run(args, fs, ctx);
  if (!r.ok || !cmd.stdout) return r;
  const target = normalisePath(cmd.stdout.path, ctx.cwd);
  if (target === '/dev/null') return ok;
  const output = key === 'echo' ? `${echoText(args)}` : '';
  return writeFile(fs, target, output, ctx, cmd.stdout.append);
}

function echoText(args: readonly string[]): string {
  const noNewline = args[0] === '-n';
  const words = noNewline ? args.slice(1) : args;
  return `${words.join(' ')}${noNewline ? '' : '\n'}`;
}

function runScriptIn(script: string, fs: Fs, ctx: ShellState): Step {
  const split = splitShell(script, ctx.env);
  if (!split.ok) return { ok: false, message: split.message, unknown: true };
  // sh runs the commands in order; `a && b` runs b only if a succeeded, `a ; b` runs b anyway, and the RUN
  // fails when the last command run fails. A command this simulator does not know stops everything.
  let last: Step = ok;
  for (const cmd of split.commands) {
    if (cmd.after === '&&' && !last.ok) continue;
    last = runSimple(cmd, fs, ctx);
    if (!last.ok && last.unknown) return last;
  }
  return last;
}

/**
 * A RUN in shell form: `/bin/sh -c "<script>"` (or the SHELL instruction's shell, which must exist in the tree;
 * whichever it is, this model reads the script with the same small sh subset).
 */
export function runShell(script: string, ctx: RunContext, shell = '/bin/sh'): RunOutcome {
  if (!ctx.tree[shell])
    return {
      ok: false,
      message: {
        ja: `${shell} がありません。シェル形式の RUN は ${shell} -c で実行されるので、そのシェルのないイメージ（scratch など）では動きません。`,
        en: `There is no ${shell}. A RUN in shell form runs as ${shell} -c, so it cannot run in an image without that shell (such as scratch).`,
      },
    };
  const fs: Fs = { ...ctx.tree };
  const state: ShellState = { cwd: ctx.cwd, user: ctx.user, env: ctx.env };
  const r = runScriptIn(script, fs, state);
  return r.ok ? { ok: true, tree: sortedTree(fs) } : r;
}

/** A RUN in exec form (`RUN ["apk", "add", "curl"]`): no shell, so no variable expansion and no `&&`. */
export function runExec(argv: readonly string[], ctx: RunContext): RunOutcome {
  const fs: Fs = { ...ctx.tree };
  const state: ShellState = { cwd: ctx.cwd, user: ctx.user, env: ctx.env };
  const r = runSimple({ words: argv.map((text) => ({ text, glob: false })), after: ';' }, fs, state);
  return r.ok ? { ok: true, tree: sortedTree(fs) } : r;
}
