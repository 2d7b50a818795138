// The package managers' effects: apk (Alpine) and apt-get (Debian), over the package tables of packages.ts.
// Details that show in layers: apk without --no-cache keeps its index in /var/cache/apk; apt-get needs the
// lists that apt-get update writes, asks before installing unless -y, and the Debian image's docker-clean hook
// deletes the downloaded .deb files. Both need root.
import { apkPackages, aptPackages, type Package, packageFileContent } from './packages.ts';
import {
  appendLine,
  err,
  type Fs,
  isRoot,
  mkdirP,
  ok,
  options,
  type ShellState,
  type Step,
} from './shell-fs.ts';
import { parentOf, ROOT_OWNER } from './tree.ts';

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

const APK_INDEXES = [
  { path: '/var/cache/apk/APKINDEX.3a2bd1a6.tar.gz', size: 540_000 },
  { path: '/var/cache/apk/APKINDEX.f1b2c4e5.tar.gz', size: 1_380_000 },
];

export function runApk(args: readonly string[], fs: Fs, ctx: ShellState): Step {
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

export function runApt(args: readonly string[], fs: Fs, ctx: ShellState): Step {
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
