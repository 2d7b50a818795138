// Users: USER by name must be in the image's /etc/passwd, and adduser/useradd put one there.
import { appendLine, err, type Fs, isRoot, ok, options, type ShellState, type Step } from './shell-fs.ts';
import { type FileEntry, ROOT_OWNER, type Tree } from './tree.ts';
import type { Text } from './types.ts';

/** Users named in /etc/passwd. */
export function passwdUsers(fs: Tree): string[] {
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

/** busybox adduser (Alpine) and useradd (Debian): a passwd line and, for adduser or useradd -m, a home. */
export function addUser(cmd: 'adduser' | 'useradd', args: readonly string[], fs: Fs, ctx: ShellState): Step {
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
