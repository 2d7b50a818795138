// Turns zod issues into "<where>: <field path>: Received … / Expected …" lines: the author (or the trainer
// loading a report) sees what is wrong without reading a stack trace. STYLE.md habit 2.
import type { z } from 'astro/zod';

/** `tasks[0].check`, or `(root)` for the whole document. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

/** A short, plain-text description of a received value; never echoes more than ~60 characters. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return JSON.stringify(shown);
  }
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'object') return 'an object';
  return String(value);
}

function describeIssue(issue: z.core.$ZodIssue): { path: readonly PropertyKey[]; text: string } {
  const input = 'input' in issue ? issue.input : undefined;
  switch (issue.code) {
    case 'unrecognized_keys':
      return {
        path: issue.path,
        text: `Received unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => `"${k}"`).join(', ')} / Expected only the documented fields (check the spelling)`,
      };
    case 'invalid_value':
      return {
        path: issue.path,
        text: `Received ${describeValue(input)} / Expected ${issue.values.length === 1 ? '' : 'one of '}${issue.values.map((v) => JSON.stringify(v)).join(', ')}`,
      };
    case 'invalid_key': {
      // A record's key that its key schema refused: the key is the input, its own issue says what was expected.
      const inner = issue.issues[0];
      return {
        path: issue.path,
        text: `Received ${describeValue(input)} / Expected ${inner?.message ?? 'a valid key'}`,
      };
    }
    case 'invalid_union':
      // A discriminated union reports a bad discriminator on the discriminator's own path, with the whole
      // object as input: show the discriminator's value instead.
      if ('discriminator' in issue && typeof issue.discriminator === 'string') {
        const options = 'options' in issue && Array.isArray(issue.options) ? issue.options : [];
        const received =
          input !== null && typeof input === 'object'
            ? (input as Record<string, unknown>)[issue.discriminator]
            : input;
        return {
          path: issue.path,
          text: `Received ${describeValue(received)} / Expected one of ${options.map((o) => JSON.stringify(o)).join(', ')}`,
        };
      }
      return { path: issue.path, text: `Received ${describeValue(input)} / Expected ${issue.message}` };
    default:
      return { path: issue.path, text: `Received ${describeValue(input)} / Expected ${issue.message}` };
  }
}

/** One line per issue, each prefixed with `where` (a file name, or "report"). Parse with `reportInput: true`. */
export function formatIssues(where: string, error: z.core.$ZodError): string[] {
  return error.issues.map((issue) => {
    const { path, text } = describeIssue(issue);
    return `${where}: ${formatPath(path)}: ${text}`;
  });
}
