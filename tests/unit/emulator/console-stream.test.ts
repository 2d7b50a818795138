import { describe, expect, it } from 'vitest';
import { ConsoleStream } from '../../../src/emulator/console-stream.ts';

function feed(stream: ConsoleStream, text: string): void {
  for (const byte of new TextEncoder().encode(text)) stream.push(byte);
  stream.flush();
}

describe('ConsoleStream', () => {
  it('decodes UTF-8 split across flushes', () => {
    const texts: string[] = [];
    const stream = new ConsoleStream(
      (t) => texts.push(t),
      () => {},
    );
    const bytes = new TextEncoder().encode('仮想化');
    stream.push(bytes[0] ?? 0);
    stream.flush();
    for (const byte of bytes.slice(1)) stream.push(byte);
    stream.flush();
    expect(texts.join('')).toBe('仮想化');
  });

  it('reports a kernel panic once, with its reason line, when the line is complete', () => {
    const panics: string[] = [];
    const stream = new ConsoleStream(
      () => {},
      (line) => panics.push(line),
    );
    feed(stream, 'sysrq: Trigger a crash\nKernel panic - not syncing: sysrq trig');
    expect(panics).toEqual([]);
    feed(stream, 'gered crash\n---[ end Kernel panic - not syncing: sysrq triggered crash ]---\n');
    expect(panics).toEqual(['Kernel panic - not syncing: sysrq triggered crash']);
  });

  it('does not mistake ordinary output for a panic', () => {
    const panics: string[] = [];
    const stream = new ConsoleStream(
      () => {},
      (line) => panics.push(line),
    );
    feed(stream, 'root@vlab:~# echo kernel panic\nkernel panic\n');
    expect(panics).toEqual([]);
  });
});
