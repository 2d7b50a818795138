// What a build in progress holds, and the helpers every instruction uses: errors that name the line, and the
// Dockerfile's own variable substitution (https://docs.docker.com/reference/dockerfile/#environment-replacement).
import { envRecord } from './image.ts';
import type { Layer } from './layer.ts';
import type { Tree } from './tree.ts';
import type { CacheEntry, HistoryEntry, ModelError, RunConfig, Text } from './types.ts';

/** The build so far: the tree, layers, config and history of the image being made, and what it added. */
export interface BuildState {
  tree: Tree;
  layers: Layer[];
  run: RunConfig;
  history: HistoryEntry[];
  /** ARG values in scope. */
  args: Record<string, string>;
  /** The cache key of the last file-system step (or of FROM). */
  cacheKey: string;
  newLayers: Record<string, Layer>;
  newCache: Record<string, CacheEntry>;
  /** A CMD was set by this Dockerfile (so ENTRYPOINT does not reset it). */
  cmdSetHere: boolean;
}

/** Variables an instruction can use: ARG values, overridden by ENV. */
export function vars(b: BuildState): Record<string, string> {
  return { ...b.args, ...envRecord(b.run.Env) };
}

export function lineError(ins: { line: number; keyword: string }, code: string, message: Text): ModelError {
  return {
    code,
    line: ins.line,
    message: {
      ja: `${ins.line} 行目（${ins.keyword}）：${message.ja}`,
      en: `Line ${ins.line} (${ins.keyword}): ${message.en}`,
    },
  };
}

/** Dockerfile variable substitution: $NAME, ${NAME}, ${NAME:-word}, ${NAME:+word}; `\$` stays a literal `$`. */
export function substitute(text: string, vars: Readonly<Record<string, string>>): string {
  return text.replace(
    /\\\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (m, braced, op, word, bare) => {
      if (m === '\\$') return '$';
      const name = (braced ?? bare) as string;
      const value = vars[name];
      if (op === '-') return value === undefined || value === '' ? (word as string) : value;
      if (op === '+') return value === undefined || value === '' ? '' : (word as string);
      return value ?? '';
    },
  );
}

export function splitArgs(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== '');
}
