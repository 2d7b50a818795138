// Takes applets out of Debian's busybox so the real tools of the same name answer instead.
//
// Debian builds busybox with FEATURE_SH_STANDALONE and FEATURE_PREFER_APPLETS: ash (and su, chroot,
// env ...) run busybox's own applet for any name it knows, before looking at $PATH, so /bin/ip from
// iproute2 would never run. Renaming an applet in busybox's applet-name table makes busybox forget it.
// The new name has the same length, so nothing else in the binary moves, and it keeps the table sorted
// (busybox searches it by comparing names: with "ip" renamed "i_", it could no longer find "id"): the
// last letter that can change is changed to the first character that still sorts between the two
// neighbours, often "!" (`busybox moun!` still runs the original mount). Where no
// such name exists ("ip" between "ionice" and "ipcalc"), the last letter is decremented ("io"); that
// misplaces only the renamed entry, which nobody looks up. Every other applet is checked afterwards.
//
// usage: node src/guest/hide-busybox-applets.ts BUSYBOX NAME...   (edits BUSYBOX in place)
// Checks afterwards that every hidden name is gone and every other applet still runs.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const [busybox, ...hide] = process.argv.slice(2);
if (!busybox || hide.length === 0) throw new Error('usage: hide-busybox-applets.ts BUSYBOX NAME...');

const list = (): string[] =>
  execFileSync(busybox, ['--list'], { encoding: 'utf8' }).split('\n').filter(Boolean);
const before = list();
const missing = hide.filter((name) => !before.includes(name));
if (missing.length)
  throw new Error(`not busybox applets: ${missing.join(' ')} (applets: ${before.join(' ')})`);

// `busybox --list` prints the table in its order: NUL-separated names, exactly as stored in the binary.
const table = Buffer.from(`\0${before.join('\0')}\0`);
const binary = readFileSync(busybox);
const at = binary.indexOf(table);
if (at < 0 || binary.indexOf(table, at + 1) >= 0) {
  throw new Error(
    `${busybox}: found the applet-name table ${at < 0 ? 'nowhere' : 'twice'}; was busybox-static updated?`,
  );
}
const renamed = new Map<string, string>();
const renamedOrSelf = (name: string | undefined) => (name === undefined ? '' : (renamed.get(name) ?? name));
const taken = (name: string) => before.includes(name) || [...renamed.values()].includes(name);

/** A name as long as `name` that sorts between `previous` and `next` (see the top of this file). */
function newNameFor(name: string, previous: string, next: string | undefined): string {
  for (let at = name.length - 1; at >= 0; at--) {
    for (let code = 0x21; code < 0x7f; code++) {
      const candidate = name.slice(0, at) + String.fromCharCode(code) + name.slice(at + 1);
      if (
        candidate !== name &&
        previous < candidate &&
        (next === undefined || candidate < next) &&
        !taken(candidate)
      )
        return candidate;
    }
  }
  const decremented = name.slice(0, -1) + String.fromCharCode(name.charCodeAt(name.length - 1) - 1);
  if (taken(decremented)) throw new Error(`no free name to rename the busybox applet ${name} to`);
  return decremented;
}
let offset = at + 1;
for (const name of before) {
  if (hide.includes(name)) {
    const index = before.indexOf(name);
    const newName = newNameFor(name, renamedOrSelf(before[index - 1]), before[index + 1]);
    binary.write(newName, offset, 'latin1');
    renamed.set(name, newName);
  }
  offset += name.length + 1;
}
writeFileSync(busybox, binary);

const after = list();
const stillThere = hide.filter((name) => after.includes(name));
if (stillThere.length) throw new Error(`still applets after renaming: ${stillThere.join(' ')}`);
// Prove that busybox still finds every applet it keeps.
for (const name of after.filter((n) => ![...renamed.values()].includes(n))) {
  const run = spawnSync(busybox, [name, '--help'], {
    encoding: 'utf8',
    timeout: 5000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (`${run.stdout}${run.stderr}`.includes('applet not found')) {
    throw new Error(`busybox no longer finds its applet ${name} after the renaming`);
  }
}
console.log(`hid ${renamed.size} busybox applets: ${[...renamed].map(([a, b]) => `${a}->${b}`).join(' ')}`);
