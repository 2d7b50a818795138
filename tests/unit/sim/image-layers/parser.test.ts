// The Dockerfile parser door (dockerfile-ast): instructions with their lines, flags, exec form and properties,
// and that it runs without Node's Buffer (the browser has none).
import { describe, expect, test } from 'vitest';
import { parseDockerfile } from '../../../../src/sim/image-layers/dockerfile-parser.ts';

const source = `# syntax=docker/dockerfile:1
FROM alpine:3.20
ENV A=1 B="two words"
RUN apk add --no-cache curl && \\
    mkdir -p /app
COPY --chown=1000:1000 --chmod=755 src/ /app/
CMD ["sh", "-c", "echo hi there"]
`;

describe('parseDockerfile', () => {
  test('gives each instruction its lines, keyword, arguments, flags, exec form and properties', () => {
    const parsed = parseDockerfile(source);
    if (!parsed.ok) throw new Error('parse failed');
    const [from, env, run, copy, cmd] = parsed.instructions;
    expect(parsed.instructions).toHaveLength(5);
    expect(from).toMatchObject({ line: 2, keyword: 'FROM', args: 'alpine:3.20' });
    expect(env?.properties).toEqual([
      { name: 'A', value: '1' },
      { name: 'B', value: 'two words' },
    ]);
    expect(run).toMatchObject({ line: 4, endLine: 5, keyword: 'RUN' });
    expect(run?.args).toMatch(/^apk add --no-cache curl &&\s+mkdir -p \/app$/);
    expect(copy).toMatchObject({ flags: { chown: '1000:1000', chmod: '755' }, args: 'src/ /app/' });
    // The library's own JSON strings drop the spaces inside "echo hi there"; the exec form is parsed as JSON.
    expect(cmd?.json).toEqual(['sh', '-c', 'echo hi there']);
  });

  test('a malformed JSON array is the shell form, as in Docker', () => {
    const parsed = parseDockerfile('FROM scratch\nCMD [sh, -c]\n');
    if (!parsed.ok) throw new Error('parse failed');
    expect(parsed.instructions[1]?.json).toBeUndefined();
  });

  test('runs without Node’s Buffer (the browser has none)', () => {
    const saved = globalThis.Buffer;
    // @ts-expect-error: removing a Node global on purpose
    delete globalThis.Buffer;
    try {
      const parsed = parseDockerfile('\uFEFFFROM alpine:3.20\nRUN true\n');
      expect(parsed.ok && parsed.instructions.map((i) => i.keyword)).toEqual(['FROM', 'RUN']);
    } finally {
      globalThis.Buffer = saved;
    }
  });
});
