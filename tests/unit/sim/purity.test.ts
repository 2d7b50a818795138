// src/sim is pure (src/README.md): it compiles without the dom lib and without Node's types, and imports
// nothing outside itself. npm run check runs the same tsconfig; this test also proves the config would
// catch a DOM call.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const simDir = fileURLToPath(new URL('../../../src/sim/', import.meta.url));
const configPath = `${simDir}tsconfig.json`;

function diagnosticsOf(extraFiles: Record<string, string> = {}): string[] {
  const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, simDir, undefined, configPath);
  const host = ts.createCompilerHost(parsed.options);
  const readFile = host.readFile.bind(host);
  host.readFile = (file) => extraFiles[file] ?? readFile(file);
  host.fileExists = (file) => file in extraFiles || ts.sys.fileExists(file);
  const program = ts.createProgram([...parsed.fileNames, ...Object.keys(extraFiles)], parsed.options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('src/sim', () => {
  test('compiles without the dom lib and without @types/node', () => {
    expect(diagnosticsOf()).toEqual([]);
  }, 30_000);

  test('the same config rejects a file that touches the DOM or Node', () => {
    const problems = diagnosticsOf({
      [`${simDir}__dom-probe.ts`]: 'export const title = document.title;\nexport const t = setTimeout;\n',
    });
    expect(problems.join('\n')).toMatch(/Cannot find name 'document'/);
    expect(problems.join('\n')).toMatch(/Cannot find name 'setTimeout'/);
  }, 30_000);

  test('imports only from src/sim', () => {
    // Every file, in subfolders too (src/sim/behaviour/…): a relative import that stays inside src/sim.
    // The exceptions are pure, browser-safe npm packages, each imported by one file only (the package's door).
    const packageDoors: Record<string, string> = {
      'dockerfile-ast': 'image-layers/dockerfile-parser.ts',
      'dockerfile-ast/lib/util.js': 'image-layers/dockerfile-parser.ts',
      '@noble/hashes/sha2.js': 'image-layers/digest.ts',
      '@noble/hashes/utils.js': 'image-layers/digest.ts',
    };
    const files = readdirSync(simDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    for (const file of files) {
      const source = readFileSync(`${simDir}${file}`, 'utf8');
      for (const [, specifier = ''] of source.matchAll(/\bfrom\s+'([^']+)'/g)) {
        if (packageDoors[specifier] !== undefined) {
          expect(file, `${specifier} is imported only by ${packageDoors[specifier]}`).toBe(
            packageDoors[specifier],
          );
          continue;
        }
        expect(specifier, `${file} imports ${specifier}`).toMatch(/^\.\.?\/[\w./-]+\.ts$/);
        const target = resolve(dirname(`${simDir}${file}`), specifier);
        expect(target.startsWith(resolve(simDir)), `${file} imports ${specifier}, outside src/sim`).toBe(
          true,
        );
      }
    }
  });
});
