// The file-system primitives RUN's commands share: a mutable copy of the tree, results, and writes that
// respect ownership (a non-root USER may create or remove entries only in directories it owns or that are
// writable by all, and may change only files it owns).
import { utf8Length } from './digest.ts';
import {
  ancestorsOf,
  entryAt,
  type FileEntry,
  type FsEntry,
  isWithin,
  parentOf,
  ROOT_OWNER,
} from './tree.ts';
import type { Text } from './types.ts';

export type Fs = Record<string, FsEntry>;
export type Step = { ok: true } | { ok: false; message: Text; unknown?: true };
export type Command = (args: readonly string[], fs: Fs, ctx: ShellState) => Step;

export interface ShellState {
  cwd: string;
  readonly user: string;
  readonly env: Readonly<Record<string, string>>;
}

export const ok: Step = { ok: true };
export const err = (ja: string, en: string): Step => ({ ok: false, message: { ja, en } });

export function isRoot(user: string): boolean {
  return user === '' || user === '0' || user === 'root' || user.startsWith('0:') || user.startsWith('root:');
}

export function mayWriteIn(fs: Fs, dir: string, user: string): boolean {
  if (isRoot(user)) return true;
  const entry = entryAt(fs, dir);
  if (!entry) return false;
  return entry.owner === user.split(':')[0] || (entry.mode & 0o002) !== 0;
}

export function denied(path: string): Step {
  return err(`${path}：許可がありません（Permission denied）。`, `${path}: Permission denied.`);
}

/** Creates or replaces a file; the parent directory must exist. */
export function writeFile(fs: Fs, path: string, content: string, ctx: ShellState, append: boolean): Step {
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

export function owner(user: string): string {
  return isRoot(user) ? ROOT_OWNER : (user.split(':')[0] as string);
}

export function mkdirP(fs: Fs, path: string, ctx: ShellState): Step {
  for (const p of [...ancestorsOf(path), path]) {
    const e = fs[p];
    if (e?.type === 'dir') continue;
    if (e) return err(`${p}：ファイルが既にあります。`, `${p}: File exists.`);
    if (!mayWriteIn(fs, parentOf(p), ctx.user)) return denied(p);
    fs[p] = { type: 'dir', mode: 0o755, owner: owner(ctx.user) };
  }
  return ok;
}

export function removePath(fs: Fs, path: string, ctx: ShellState): Step {
  if (!mayWriteIn(fs, parentOf(path), ctx.user)) return denied(path);
  for (const p of Object.keys(fs)) if (isWithin(p, path)) delete fs[p];
  return ok;
}

export function options(args: readonly string[]): { flags: string; rest: string[] } {
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

export function appendLine(fs: Fs, path: string, line: string): void {
  const e = fs[path];
  const content = `${e?.type === 'file' ? e.content : ''}${line}\n`;
  const base: FileEntry = { type: 'file', mode: 0o644, owner: ROOT_OWNER, size: 0, content };
  const prev = e?.type === 'file' ? e : base;
  fs[path] = { ...prev, content, size: (e?.type === 'file' ? e.size : 0) + utf8Length(`${line}\n`) };
}
