// "Measure it here" for the noisy-neighbour scenario, on the real guest: each measurement prints one line
// value=<number>, and the number lies near the cgroup v2 figure it is shown beside (the guest has one CPU).
import { expect, test } from 'vitest';
import { noisyNeighbour } from '../../src/sim/behaviour/scenarios/noisy-neighbour.ts';
import { useRestoredGuest } from './guest-fixture.ts';

const { run } = useRestoredGuest();
const figures = noisyNeighbour.run({}).steps.flatMap((s) => s.costs);

for (const m of noisyNeighbour.measurements) {
  test(`${m.id}: prints value=<number> close to the cited figure`, async () => {
    const result = await run(m.script, m.timeoutMs);
    expect(result.exitCode, result.output).toBe(0);
    const lines = result.output.trim().split('\n');
    expect(lines, result.output).toHaveLength(1);
    const value = Number(/^value=(-?\d+(?:\.\d+)?)$/.exec(lines[0] ?? '')?.[1]);
    const cited = figures.find((f) => f.id === m.compareTo);
    expect(cited, m.compareTo).toBeDefined();
    console.log(`${m.id}: measured ${value} ${m.unit} (cited ${cited?.value})`);
    // An emulated single CPU with a 10 ms tick: within 10 points of the cited share.
    expect(Math.abs(value - (cited?.value ?? Number.NaN))).toBeLessThan(10);
  });
}
