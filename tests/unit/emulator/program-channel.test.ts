import { describe, expect, it } from 'vitest';
import {
  type ChannelEvent,
  encodeCancel,
  encodeClock,
  encodeRun,
  ProgramChannelReader,
} from '../../../src/emulator/program-channel.ts';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

function read(stream: string | Uint8Array, flushEveryByte = false): ChannelEvent[] {
  const events: ChannelEvent[] = [];
  const reader = new ProgramChannelReader((event) => events.push(event));
  for (const byte of typeof stream === 'string' ? bytes(stream) : stream) {
    reader.push(byte);
    if (flushEveryByte) reader.flush();
  }
  reader.flush();
  return events;
}

function outputOf(events: ChannelEvent[]): string {
  const decoder = new TextDecoder();
  return events.map((e) => (e.type === 'data' ? decoder.decode(e.bytes, { stream: true }) : '')).join('');
}

describe('encoding commands', () => {
  it('sends the command base64-encoded on one line, so newlines and quotes survive', () => {
    const line = new TextDecoder().decode(encodeRun('a-1', 2500.4, 'echo "hi"\nexit 3'));
    expect(line).toBe(`RUN a-1 2500 ${btoa('echo "hi"\nexit 3')}\n`);
  });

  it('encodes UTF-8 commands byte for byte', () => {
    const line = new TextDecoder().decode(encodeRun('x', 0, 'echo 仮想化'));
    const payload = line.trim().split(' ')[3] ?? '';
    expect(new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0)))).toBe(
      'echo 仮想化',
    );
  });

  it('encodes cancel and clock lines', () => {
    expect(new TextDecoder().decode(encodeCancel('a-2'))).toBe('CANCEL a-2\n');
    expect(new TextDecoder().decode(encodeClock('a-3', 1700000000123))).toBe('CLOCK a-3 1700000000123\n');
  });
});

describe('ProgramChannelReader', () => {
  it('reports the ready marker', () => {
    expect(read('\x1eVLAB-READY\n')).toEqual([{ type: 'ready' }]);
  });

  it('reads a frame: begin, output, end with exit status', () => {
    const events = read('\x1eVLAB-BEGIN a-1\nhello\nworld\x1eVLAB-END a-1 3\n');
    expect(events[0]).toEqual({ type: 'begin', id: 'a-1' });
    expect(outputOf(events)).toBe('hello\nworld');
    expect(events.at(-1)).toEqual({ type: 'end', id: 'a-1', status: 3 });
  });

  it('reports a timeout status', () => {
    expect(read('\x1eVLAB-BEGIN a-1\npartial\x1eVLAB-END a-1 timeout\n').at(-1)).toEqual({
      type: 'end',
      id: 'a-1',
      status: 'timeout',
    });
  });

  it('keeps output that imitates markers, including another id and a truncated marker', () => {
    const tricky = 'x\x1eVLAB-END b-9 0\n\x1eVLAB-END a-\x1e\x1eVLAB-BEGIN a-1\ny';
    const events = read(`\x1eVLAB-BEGIN a-1\n${tricky}\x1eVLAB-END a-1 0\n`);
    expect(outputOf(events)).toBe(tricky);
    expect(events.filter((e) => e.type === 'end')).toEqual([{ type: 'end', id: 'a-1', status: 0 }]);
  });

  it('gives the same output whether flushed per byte or per frame, even across split UTF-8', () => {
    const frame = '\x1eVLAB-BEGIN a-1\n仮想化 ラボ\x1eVLAB-END a-1 0\n';
    expect(outputOf(read(frame, true))).toBe('仮想化 ラボ');
    expect(outputOf(read(frame))).toBe('仮想化 ラボ');
  });

  it('passes binary output through untouched', () => {
    const raw = Uint8Array.from({ length: 256 }, (_, i) => i);
    const stream = new Uint8Array([
      ...bytes('\x1eVLAB-BEGIN a-1\n'),
      ...raw,
      ...bytes('\x1eVLAB-END a-1 0\n'),
    ]);
    const events = read(stream);
    const data = events.flatMap((e) => (e.type === 'data' ? [...e.bytes] : []));
    expect(data).toEqual([...raw]);
  });

  it('ignores noise between frames and reads consecutive frames', () => {
    const events = read(
      'junk\n\x1eVLAB-BEGIN a-1\n1\x1eVLAB-END a-1 0\nmore junk\x1eVLAB-BEGIN a-2\n2\x1eVLAB-END a-2 1\n',
    );
    expect(events.filter((e) => e.type === 'end')).toEqual([
      { type: 'end', id: 'a-1', status: 0 },
      { type: 'end', id: 'a-2', status: 1 },
    ]);
  });
});
