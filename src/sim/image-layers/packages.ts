// What the simulated package managers install. The file lists are small stand-ins for the real packages:
// a few representative paths each, with sizes of the order of the real files (illustrative, not measured),
// so that layer sizes and disk usage behave like the real thing without shipping real package lists.

export interface PackageFile {
  readonly path: string;
  readonly size: number;
}

export interface Package {
  readonly name: string;
  readonly files: readonly PackageFile[];
}

const pkg = (name: string, files: [string, number][]): Package => ({
  name,
  files: files.map(([path, size]) => ({ path, size })),
});

/** Alpine's apk packages. */
export const apkPackages: Readonly<Record<string, Package>> = {
  curl: pkg('curl', [
    ['/usr/bin/curl', 251_000],
    ['/usr/lib/libcurl.so.4', 690_000],
    ['/usr/lib/libnghttp2.so.14', 166_000],
  ]),
  bash: pkg('bash', [
    ['/bin/bash', 769_000],
    ['/usr/lib/libreadline.so.8', 280_000],
  ]),
  git: pkg('git', [
    ['/usr/bin/git', 3_310_000],
    ['/usr/libexec/git-core/git-remote-http', 1_650_000],
    ['/usr/share/git-core/templates/description', 73],
  ]),
  python3: pkg('python3', [
    ['/usr/bin/python3.12', 14_000],
    ['/usr/lib/libpython3.12.so.1.0', 5_600_000],
    ['/usr/lib/python3.12/os.py', 39_000],
    ['/usr/lib/python3.12/lib-dynload/_ssl.cpython-312-x86_64-linux-musl.so', 180_000],
  ]),
  nodejs: pkg('nodejs', [
    ['/usr/bin/node', 48_000_000],
    ['/usr/lib/libstdc++.so.6', 2_500_000],
  ]),
};

/** Debian's apt packages. */
export const aptPackages: Readonly<Record<string, Package>> = {
  curl: pkg('curl', [
    ['/usr/bin/curl', 293_000],
    ['/usr/lib/x86_64-linux-gnu/libcurl.so.4', 740_000],
  ]),
  'ca-certificates': pkg('ca-certificates', [
    ['/etc/ssl/certs/ca-certificates.crt', 219_000],
    ['/usr/share/ca-certificates/mozilla/ISRG_Root_X1.crt', 1_939],
  ]),
  git: pkg('git', [
    ['/usr/bin/git', 4_100_000],
    ['/usr/lib/git-core/git-remote-http', 1_900_000],
    ['/usr/share/perl5/Git.pm', 50_000],
  ]),
  python3: pkg('python3', [
    ['/usr/bin/python3.11', 6_800_000],
    ['/usr/lib/python3.11/os.py', 39_000],
    ['/usr/lib/python3.11/lib-dynload/_ssl.cpython-311-x86_64-linux-gnu.so', 190_000],
  ]),
  nginx: pkg('nginx', [
    ['/usr/sbin/nginx', 1_400_000],
    ['/etc/nginx/nginx.conf', 1_447],
    ['/var/www/html/index.nginx-debian.html', 615],
  ]),
};

/** The simulated package content of a file: the file's size is declared, its text only names it. */
export function packageFileContent(manager: 'apk' | 'apt', pkgName: string, path: string): string {
  return `(simulated file of the ${manager} package ${pkgName}: ${path})`;
}
