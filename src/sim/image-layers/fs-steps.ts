// The file-system steps RUN, COPY/ADD and WORKDIR, prepared for build.ts: the inputs their cache key covers,
// the history line BuildKit writes, and the work to do on a cache miss. On a hit the work is never done.
import { type BuildState, lineError } from './build-state.ts';
import { type ContextFile, copyStep } from './copy-step.ts';
import type { DockerInstruction } from './dockerfile-parser.ts';
import { envRecord } from './image.ts';
import { isRoot, runExec, runShell, userProblem } from './run-effects.ts';
import { ancestorsOf, type FsEntry, ROOT_OWNER, sortedTree, type Tree } from './tree.ts';
import type { ModelError, Text } from './types.ts';

export interface FsStep {
  /** What the cache key covers besides the parent's key. */
  readonly inputs: unknown;
  /** The history entry's created_by. */
  readonly createdBy: string;
  /** The step's work: the tree after it, with a note for the learner, or an error. */
  readonly next: () => { tree: Tree; note?: Text } | { error: ModelError };
}

/**
 * RUN: keyed on the command as written with the environment (ENV and ARG values), directory, user and shell
 * it runs with (BuildKit's exec op), never on what the command would fetch.
 */
export function prepareRun(ins: DockerInstruction, b: BuildState): FsStep | { error: ModelError } {
  if (ins.args.startsWith('<<'))
    return {
      error: lineError(ins, 'heredoc', {
        ja: 'ヒアドキュメント（<<EOF）はこのシミュレーターでは扱えません。',
        en: 'This simulator does not handle here-documents (<<EOF).',
      }),
    };
  if (Object.keys(ins.flags).length > 0)
    return {
      error: lineError(ins, 'unsupported-flag', {
        ja: `RUN のフラグ（--${Object.keys(ins.flags)[0]}）はこのシミュレーターでは扱えません。`,
        en: `This simulator does not handle RUN flags (--${Object.keys(ins.flags)[0]}).`,
      }),
    };
  const user = b.run.User ?? '';
  const cwd = b.run.WorkingDir ?? '/';
  const env = { ...b.args, ...envRecord(b.run.Env) };
  const shell = b.run.Shell ?? ['/bin/sh', '-c'];
  const tree = b.tree;
  return {
    inputs: {
      op: 'RUN',
      command: ins.json ?? [...shell, ins.args],
      env: Object.entries(env).sort(),
      cwd,
      user,
    },
    createdBy: ins.json
      ? `RUN ${ins.json.join(' ')} # buildkit`
      : `RUN ${shell.join(' ')} ${ins.args} # buildkit`,
    next: () => {
      const missingUser = userProblem(tree, user);
      if (missingUser) return { error: lineError(ins, 'no-such-user', missingUser) };
      const ctx = { tree, cwd, user, env };
      const r = ins.json ? runExec(ins.json, ctx) : runShell(ins.args, ctx, shell[0]);
      return r.ok
        ? { tree: r.tree }
        : { error: lineError(ins, r.unknown ? 'unknown-command' : 'command-failed', r.message) };
    },
  };
}

/** COPY and ADD: keyed on destination, flags and the copied files' contents (copy-step.ts). */
export function prepareCopy(
  ins: DockerInstruction,
  b: BuildState,
  context: Record<string, { content: string; mode: number }>,
): FsStep | { error: ModelError } {
  const r = copyStep(ins, b, context);
  if ('error' in r) return { error: r.error };
  return {
    inputs: r.inputs,
    createdBy: `${ins.text} # buildkit`,
    next: () => ({
      tree: r.tree,
      note: {
        ja: `ビルドコンテキストから ${r.count} 個のファイルをコピーしました。`,
        en: `Copied ${r.count} file(s) from the build context.`,
      },
    }),
  };
}

/** WORKDIR (not /): BuildKit's mkdir -p of the directory, owned by the current USER; keyed on path and user. */
export function prepareWorkdir(ins: DockerInstruction, b: BuildState, target: string): FsStep {
  const user = b.run.User ?? '';
  const tree = b.tree;
  return {
    inputs: { op: 'WORKDIR', path: target, user },
    createdBy: `WORKDIR ${target}`,
    next: () => {
      const missingUser = userProblem(tree, user);
      if (missingUser) return { error: lineError(ins, 'no-such-user', missingUser) };
      const fs: Record<string, FsEntry> = { ...tree };
      const owner = isRoot(user) ? ROOT_OWNER : (user.split(':')[0] as string);
      for (const dir of [...ancestorsOf(target), target]) {
        const e = fs[dir];
        if (e?.type === 'file')
          return {
            error: lineError(ins, 'not-a-directory', {
              ja: `${dir} はファイルです。`,
              en: `${dir} is a file.`,
            }),
          };
        if (!e) fs[dir] = { type: 'dir', mode: 0o755, owner };
      }
      return {
        tree: sortedTree(fs),
        note: {
          ja: `ディレクトリ ${target} がなかったので作りました。WorkingDir も設定します。`,
          en: `The directory ${target} did not exist, so it was created; WorkingDir is set too.`,
        },
      };
    },
  };
}

export type { ContextFile };
