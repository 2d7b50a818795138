import { describe, expect, test } from 'vitest';
import { emptyProgress, recordCheck } from '../../../src/exercises/progress.ts';
import { buildReport, MAX_REPORT_BYTES, type Report } from '../../../src/exercises/report.ts';
import {
  type IncomingFile,
  type RosterFile,
  readReportFile,
  rosterInput,
} from '../../../src/trainer/roster-files.ts';

async function report(learner: string): Promise<Report> {
  const now = new Date('2026-11-26T09:00:00.000Z');
  return buildReport({
    learner,
    assignment: null,
    exercises: [{ id: 'pid-namespace', taskIds: ['sleep-is-pid-1'] }],
    progress: recordCheck(
      emptyProgress(),
      'pid-namespace',
      [{ taskId: 'sleep-is-pid-1', passed: true }],
      now,
    ),
    checks: {},
    now,
  });
}

const file = (name: string, text: string): IncomingFile => ({
  name,
  size: text.length,
  text: async () => text,
});

describe('readReportFile', () => {
  test('an intact report is ok, an edited one is kept but marked tampered', async () => {
    const good = await report('Ada');
    expect((await readReportFile(file('a.json', JSON.stringify(good)), [])).state).toBe('ok');
    const edited = { ...good, learner: 'Eve' };
    const verdict = await readReportFile(file('b.json', JSON.stringify(edited)), []);
    expect(verdict.state).toBe('tampered');
    expect(rosterInput([verdict]).map((r) => [r.report.learner, r.intact])).toEqual([['Eve', false]]);
  });

  test('the same report twice counts once', async () => {
    const text = JSON.stringify(await report('Ada'));
    const first = await readReportFile(file('a.json', text), []);
    const second = await readReportFile(file('copy of a.json', text), [first]);
    expect(second).toEqual({
      name: 'copy of a.json',
      state: 'duplicate',
      problems: ['Same report as a.json'],
    });
    expect(rosterInput([first, second])).toHaveLength(1);
  });

  test('a huge file is refused without being read', async () => {
    let read = false;
    const verdict = await readReportFile(
      {
        name: 'huge.json',
        size: MAX_REPORT_BYTES + 1,
        text: async () => {
          read = true;
          return '';
        },
      },
      [],
    );
    expect(read).toBe(false);
    expect(verdict).toMatchObject({
      state: 'refused',
      reason: 'too-large',
      size: MAX_REPORT_BYTES + 1,
      problems: [expect.stringContaining('bytes')],
    });
  });

  test('HTML, other JSON and unreadable files are refused with their problems as text', async () => {
    const html = await readReportFile(file('x.json', '<script>alert(1)</script>'), []);
    expect(html).toEqual({
      name: 'x.json',
      state: 'refused',
      reason: 'not-json',
      size: 25,
      problems: ['Received text that is not JSON / Expected a report file (.json)'],
    });
    const other = (await readReportFile(file('p.json', '{"format":"vlab-progress"}'), [])) as RosterFile & {
      problems: string[];
    };
    expect(other).toMatchObject({ state: 'refused', reason: 'invalid' });
    expect(other.problems.join('\n')).toContain('format');
    const broken = await readReportFile(
      {
        name: 'gone.json',
        size: 10,
        text: async () => {
          throw new Error('NotReadableError');
        },
      },
      [],
    );
    expect(broken).toMatchObject({
      state: 'refused',
      problems: [expect.stringContaining('NotReadableError')],
    });
  });
});
