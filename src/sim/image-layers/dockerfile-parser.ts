// The one module that imports dockerfile-ast (https://github.com/rcjsuen/dockerfile-ast, the parser behind the
// Dockerfile language server), turning its AST into plain instructions for build.ts. dockerfile-ast 0.7.1
// calls Node's global Buffer once per parse, in Util.isUTF8BOM (lib/util.js), which a browser does not have;
// the assignment below replaces that one method with an equivalent that needs no Node API (a UTF-8 BOM read
// into a JS string is the single code unit U+FEFF). Everything else it uses is plain JS plus
// vscode-languageserver-types/-textdocument, which are browser-safe.
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { Util } from 'dockerfile-ast/lib/util.js';
import type { Text } from './types.ts';

(Util as unknown as { isUTF8BOM: (char: string) => boolean }).isUTF8BOM = (char: string) => char === '\uFEFF';

export interface DockerInstruction {
  /** 1-based first line. */
  readonly line: number;
  /** 1-based last line (an instruction may continue over several lines with `\`). */
  readonly endLine: number;
  /** Upper-case keyword: FROM, RUN, … */
  readonly keyword: string;
  /** The instruction as written on one line (continuations joined), for display and history. */
  readonly text: string;
  /** Arguments after the keyword and its flags, line continuations removed; '' when there are none. */
  readonly args: string;
  /** Flags such as --chown=1000 (name without dashes → value; null for a flag without value). */
  readonly flags: Readonly<Record<string, string | null>>;
  /** The exec (JSON array) form, when the arguments are one: RUN/CMD/ENTRYPOINT/SHELL/COPY/ADD/VOLUME. */
  readonly json?: readonly string[];
  /** NAME=value pairs of ENV, LABEL and ARG (value null: ARG without default). */
  readonly properties?: readonly { readonly name: string; readonly value: string | null }[];
}

export type ParseOutcome =
  | { readonly ok: true; readonly instructions: readonly DockerInstruction[] }
  | { readonly ok: false; readonly line: number; readonly message: Text };

/** The exec form, parsed as Docker does: a JSON array of strings, or not the exec form at all. */
function execForm(raw: string | null): string[] | undefined {
  if (raw === null || !raw.trim().startsWith('[')) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;
  } catch {
    return undefined;
  }
}

function flagsOf(instruction: Instruction): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  const withFlags = instruction as Instruction & {
    getFlags?: () => { getName(): string; getValue(): string | null }[];
  };
  for (const f of withFlags.getFlags?.() ?? []) out[f.getName()] = f.getValue();
  return out;
}

/** Arguments without the leading flags, continuations already joined by the parser. */
function argsWithoutFlags(instruction: Instruction, flags: Record<string, string | null>): string {
  let args = (instruction.getArgumentsContent() ?? '').trim();
  for (let i = 0; i < Object.keys(flags).length; i++) args = args.replace(/^--\S+\s*/, '');
  return args;
}

export function parseDockerfile(source: string): ParseOutcome {
  const dockerfile = DockerfileParser.parse(source);
  const instructions: DockerInstruction[] = [];
  for (const ins of dockerfile.getInstructions()) {
    const range = ins.getRange();
    const keyword = ins.getKeyword().toUpperCase();
    const flags = flagsOf(ins);
    const args = argsWithoutFlags(ins, flags);
    const rawArgs = ins.getRawArgumentsContent();
    const json = execForm(
      rawArgs === null ? null : rawArgs.replace(/\\\r?\n/g, ' ').replace(/^(--\S+\s+)+/, ''),
    );
    const withProps = ins as Instruction & {
      getProperties?: () => { getName(): string; getValue(): string | null }[];
    };
    const props = withProps.getProperties?.().map((p) => ({ name: p.getName(), value: p.getValue() }));
    const text = `${keyword} ${(ins.getArgumentsContent() ?? '').replace(/\s+/g, ' ').trim()}`.trim();
    const base = { line: range.start.line + 1, endLine: range.end.line + 1, keyword, text, args, flags };
    instructions.push({
      ...base,
      ...(json ? { json } : {}),
      ...(props ? { properties: props } : {}),
    });
  }
  return { ok: true, instructions };
}
