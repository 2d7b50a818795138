// What a RUN does to the file tree. There is no real shell here, so a RUN's effect comes from a table of the
// commands this simulator knows (KNOWN_COMMANDS), each a function from the tree to a new tree or an error,
// written after what the real command does. Anything else is refused with "this simulator does not know what
// X does" rather than guessed. Commands run as the Dockerfile's USER: a non-root user may only create or
// remove entries in directories it owns (or that are writable by all, like /tmp), and package managers need
// root, as in a real build.

import { utf8Length } from './digest.ts';
import { apkPackages, aptPackages, type Package, packageFileContent } from './packages.ts';
import { type SimpleCommand, splitShell, type Word } from './shell-words.ts';
import {
  ancestorsOf,
  baseName,
  entryAt,
  type FileEntry,
  type FsEntry,
  isWithin,
  normalisePath,
  parentOf,
  ROOT_OWNER,
  sortedTree,
  type Tree,
} from './tree.ts';
import type { Text } from './types.ts';

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

type Fs = Record<string, FsEntry>;
type Step = { ok: true } | { ok: false; message: Text; unknown?: true };
type Command = (args: readonly string[], fs: Fs, ctx: ShellState) => Step;

interface ShellState {
  cwd: string;
  readonly user: string;
  readonly env: Readonly<Record<string, string>>;
}

const ok: Step = { ok: true };
const err = (ja: string, en: string): Step => ({ ok: false, message: { ja, en } });

/** Users named in /etc/passwd. */
function passwdUsers(fs: Tree): string[] {
  const passwd = fs['/etc/passwd'];
  return passwd?.type === 'file'
    ? passwd.content
        .split('\n')
        .map((l) => l.split(':')[0] ?? '')
        .filter((n) => n !== '')
    : [];
}

/**
 * Why a RUN cannot run as `user`, or null: a user given by name must be in the image's /etc/passwd (Docker:
 * "unable to find user app: no matching entries in passwd file"); a numeric uid needs no entry.
 */
export function userProblem(tree: Tree, user: string): Text | null {
  const name = user.split(':')[0] ?? '';
  if (name === '' || /^\d+$/.test(name) || passwdUsers(tree).includes(name)) return null;
  return {
    ja: `ユーザー ${name} が /etc/passwd にありません（unable to find user ${name}）。先に adduser（Alpine）か useradd（Debian）で作るか、数字の UID を使ってください。`,
    en: `unable to find user ${name}: no matching entries in passwd file. Create it first (adduser on Alpine, useradd on Debian) or use a numeric UID.`,
  };
}

export function isRoot(user: string): boolean {
  return user === '' || user === '0' || user === 'root' || user.startsWith('0:') || user.startsWith('root:');
}

function mayWriteIn(fs: Fs, dir: string, user: string): boolean {
  if (isRoot(user)) return true;
  const entry = entryAt(fs, dir);
  if (!entry) return false;
  return entry.owner === user.split(':')[0] || (entry.mode & 0o002) !== 0;
}

function denied(path: string): Step {
  return err(`${path}：許可がありません（Permission denied）。`, `${path}: Permission denied.`);
}

/** Creates or replaces a file; the parent directory must exist. */
function writeFile(fs: Fs, path: string, content: string, ctx: ShellState, append: boolean): Step {
  const parent = entryAt(fs, parentOf(path));
  if (!parent)
    return err(
      `${path}：そのようなファイルやディレクトリはありません。`,
      `${path}: No such file or directory.`,
    );
  if (parent.type !== 'dir') return err(`${path}：ディレクトリではありません。`, `${path}: Not a directory.`);
  const existing = fs[path];
  if (existing?.type === 'dir') return err(`${path}：ディレクトリです。`, `${path}: Is a directory.`);
  if (existing) {
    if (!isRoot(ctx.user) && existing.owner !== ctx.user.split(':')[0] && (existing.mode & 0o002) === 0)
      return denied(path);
  } else if (!mayWriteIn(fs, parentOf(path), ctx.user)) {
    return denied(path);
  }
  const text = append && existing ? existing.content + content : content;
  fs[path] = {
    type: 'file',
    mode: existing?.mode ?? 0o644,
    owner: existing?.owner ?? owner(ctx.user),
    size: append && existing ? existing.size + utf8Length(content) : utf8Length(text),
    content: text,
  };
  return ok;
}

function owner(user: string): string {
  return isRoot(user) ? ROOT_OWNER : (user.split(':')[0] as string);
}

function mkdirP(fs: Fs, path: string, ctx: ShellState): Step {
  for (const p of [...ancestorsOf(path), path]) {
    const e = fs[p];
    if (e?.type === 'dir') continue;
    if (e) return err(`${p}：ファイルが既にあります。`, `${p}: File exists.`);
    if (!mayWriteIn(fs, parentOf(p), ctx.user)) return denied(p);
    fs[p] = { type: 'dir', mode: 0o755, owner: owner(ctx.user) };
  }
  return ok;
}

function removePath(fs: Fs, path: string, ctx: ShellState): Step {
  if (!mayWriteIn(fs, parentOf(path), ctx.user)) return denied(path);
  for (const p of Object.keys(fs)) if (isWithin(p, path)) delete fs[p];
  return ok;
}

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

function options(args: readonly string[]): { flags: string; rest: string[] } {
  let flags = '';
  const rest: string[] = [];
  let done = false;
  for (const a of args) {
    if (!done && a === '--') done = true;
    else if (!done && a.startsWith('-') && a.length > 1) flags += a.startsWith('--') ? ` ${a} ` : a.slice(1);
    else rest.push(a);
  }
  return { flags, rest };
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

/** busybox adduser (Alpine) and useradd (Debian): a passwd line and, for adduser or useradd -m, a home. */
function addUser(cmd: 'adduser' | 'useradd', args: readonly string[], fs: Fs, ctx: ShellState): Step {
  if (!isRoot(ctx.user))
    return err(
      `${cmd}：ユーザーを作れるのは root だけです（Permission denied）。`,
      `${cmd}: only root may add a user (Permission denied).`,
    );
  const { flags, rest } = options(args);
  const name = rest[rest.length - 1];
  if (!name) return err(`${cmd}：ユーザー名がありません。`, `${cmd}: no user name given.`);
  if (passwdUsers(fs).includes(name))
    return err(`${cmd}：ユーザー ${name} は既にあります。`, `${cmd}: user '${name}' already exists.`);
  const uids = (fs['/etc/passwd']?.type === 'file' ? (fs['/etc/passwd'] as FileEntry).content : '')
    .split('\n')
    .map((l) => Number(l.split(':')[2]))
    .filter((n) => n >= 1000 && n < 65534);
  const uid = Math.max(999, ...uids) + 1;
  const home = `/home/${name}`;
  appendLine(fs, '/etc/passwd', `${name}:x:${uid}:${uid}::${home}:/bin/sh`);
  appendLine(fs, '/etc/group', `${name}:x:${uid}:`);
  if (cmd === 'adduser' || flags.includes('m') || flags.includes(' --create-home ')) {
    if (!fs['/home']) fs['/home'] = { type: 'dir', mode: 0o755, owner: ROOT_OWNER };
    fs[home] = { type: 'dir', mode: 0o755, owner: name };
  }
  return ok;
}

function installedPackage(fs: Fs, manager: 'apk' | 'apt', p: Package, ctx: ShellState): Step {
  for (const f of p.files) {
    const r = mkdirP(fs, parentOf(f.path), ctx);
    if (!r.ok) return r;
    const content = packageFileContent(manager, p.name, f.path);
    fs[f.path] = {
      type: 'file',
      mode: f.path.includes('/bin/') ? 0o755 : 0o644,
      owner: ROOT_OWNER,
      size: f.size,
      content,
    };
  }
  return ok;
}

function appendLine(fs: Fs, path: string, line: string): void {
  const e = fs[path];
  const content = `${e?.type === 'file' ? e.content : ''}${line}\n`;
  const base: FileEntry = { type: 'file', mode: 0o644, owner: ROOT_OWNER, size: 0, content };
  const prev = e?.type === 'file' ? e : base;
  fs[path] = { ...prev, content, size: (e?.type === 'file' ? e.size : 0) + utf8Length(`${line}\n`) };
}

const APK_INDEXES = [
  { path: '/var/cache/apk/APKINDEX.3a2bd1a6.tar.gz', size: 540_000 },
  { path: '/var/cache/apk/APKINDEX.f1b2c4e5.tar.gz', size: 1_380_000 },
];

function runApk(args: readonly string[], fs: Fs, ctx: ShellState): Step {
  const { flags, rest } = options(args);
  const [sub, ...names] = rest;
  if (!isRoot(ctx.user))
    return err(
      'apk：パッケージデータベースをロックできません（Permission denied）。パッケージのインストールには root が必要です。',
      'apk: Unable to lock database: Permission denied. Installing packages needs root.',
    );
  const noCache = flags.includes(' --no-cache ');
  const writeIndex = () => {
    // Without --no-cache, apk keeps the downloaded package index in /var/cache/apk, and so in the layer.
    for (const idx of APK_INDEXES) {
      fs[idx.path] = {
        type: 'file',
        mode: 0o644,
        owner: ROOT_OWNER,
        size: idx.size,
        content: '(simulated APKINDEX)',
      };
    }
  };
  if (sub === 'update') {
    writeIndex();
    return ok;
  }
  if (sub !== 'add')
    return err(
      `このシミュレーターは apk ${sub ?? ''} が何をするかを知りません（apk add と apk update だけ扱えます）。`,
      `This simulator does not know what apk ${sub ?? ''} does (it knows apk add and apk update).`,
    );
  if (names.length === 0) return err('apk add：パッケージ名がありません。', 'apk add: no package given.');
  const missing = names.filter((n) => !apkPackages[n.replace(/[=<>~].*$/, '')]);
  if (missing.length > 0)
    return err(
      `apk：パッケージ ${missing.join(', ')} はこのシミュレーターのリポジトリにありません（あるのは ${Object.keys(apkPackages).join(', ')}）。`,
      `apk: unable to select packages: ${missing.join(', ')} (this simulator's repository has ${Object.keys(apkPackages).join(', ')}).`,
    );
  if (!noCache) writeIndex();
  for (const n of names) {
    const p = apkPackages[n.replace(/[=<>~].*$/, '')] as Package;
    const r = installedPackage(fs, 'apk', p, ctx);
    if (!r.ok) return r;
    appendLine(fs, '/lib/apk/db/installed', `P:${p.name}`);
  }
  return ok;
}

const APT_LISTS = [
  { path: '/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_InRelease', size: 151_000 },
  {
    path: '/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4',
    size: 9_100_000,
  },
];

function runApt(args: readonly string[], fs: Fs, ctx: ShellState): Step {
  const { flags, rest } = options(args);
  const [sub, ...names] = rest;
  if (!isRoot(ctx.user))
    return err(
      'apt-get：ロックファイルを開けません（Permission denied）。パッケージの操作には root が必要です。',
      'apt-get: Could not open lock file (13: Permission denied). Managing packages needs root.',
    );
  if (sub === 'update') {
    for (const l of APT_LISTS)
      fs[l.path] = {
        type: 'file',
        mode: 0o644,
        owner: ROOT_OWNER,
        size: l.size,
        content: '(simulated package list)',
      };
    return ok;
  }
  if (sub === 'clean') return ok; // the image's docker-clean hook already removes downloaded .deb files
  if (sub !== 'install')
    return err(
      `このシミュレーターは apt-get ${sub ?? ''} が何をするかを知りません（update、install、clean だけ扱えます）。`,
      `This simulator does not know what apt-get ${sub ?? ''} does (it knows update, install and clean).`,
    );
  if (names.length === 0)
    return err('apt-get install：パッケージ名がありません。', 'apt-get install: no package given.');
  const hasLists = Object.keys(fs).some((p) => p.startsWith('/var/lib/apt/lists/') && fs[p]?.type === 'file');
  if (!hasLists)
    return err(
      `E: パッケージ ${names[0]} が見つかりません。パッケージ一覧が空です：同じ RUN の中で先に apt-get update を実行してください。`,
      `E: Unable to locate package ${names[0]}. The package lists are empty: run apt-get update first, in the same RUN.`,
    );
  if (
    !/y/.test(flags.replace(/ --\S+ /g, '')) &&
    !flags.includes(' --yes ') &&
    !flags.includes(' --assume-yes ')
  )
    return err(
      'apt-get install が「続行しますか？ [Y/n]」と尋ね、ビルドには答える人がいないので中止しました（-y を付けてください）。',
      'apt-get install asked "Do you want to continue? [Y/n]" and, with no one to answer during a build, aborted (add -y).',
    );
  const missing = names.filter((n) => !aptPackages[n.replace(/=.*$/, '')]);
  if (missing.length > 0)
    return err(
      `E: パッケージ ${missing.join(', ')} が見つかりません（このシミュレーターのリポジトリにあるのは ${Object.keys(aptPackages).join(', ')}）。`,
      `E: Unable to locate package ${missing.join(', ')} (this simulator's repository has ${Object.keys(aptPackages).join(', ')}).`,
    );
  for (const n of names) {
    const p = aptPackages[n.replace(/=.*$/, '')] as Package;
    const r = installedPackage(fs, 'apt', p, ctx);
    if (!r.ok) return r;
    appendLine(fs, '/var/lib/dpkg/status', `Package: ${p.name}`);
    appendLine(fs, '/var/log/dpkg.log', `status installed ${p.name}`);
  }
  return ok;
}

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
