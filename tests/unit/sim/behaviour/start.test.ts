// The "start an instance" scenario: what each lane boots, how long it takes, and the figures "measure it here"
// compares with.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { defaults, normalise } from '../../../../src/sim/behaviour/params.ts';
import { start } from '../../../../src/sim/behaviour/scenarios/start.ts';
import type { LaneId, Params, ScenarioRun } from '../../../../src/sim/behaviour/types.ts';

const run = (extra: Params = {}) => start.run({ ...defaults(start.params), ...extra });
const ready = (r: ScenarioRun, lane: LaneId) => r.outcomes[lane].figures[0]?.value ?? Number.NaN;
const costIds = (r: ScenarioRun, lane: LaneId) =>
  r.steps.filter((s) => s.lane === lane).flatMap((s) => s.costs.map((c) => c.id));

test('VM lanes boot firmware, a guest kernel and init; the container lane boots no kernel', () => {
  const r = run();
  for (const lane of ['esxi', 'kvm'] as const)
    expect(costIds(r, lane)).toEqual([
      `${lane}-power-on`,
      `${lane}-firmware`,
      `${lane}-kernel`,
      `${lane}-init`,
      `${lane}-app`,
    ]);
  expect(costIds(r, 'docker')).toEqual([
    'docker-daemon',
    'docker-overlay-mount',
    'docker-namespaces-cgroup',
    'docker-fork-exec',
    'docker-app',
  ]);
  // Defaults: 1 s power-on + 4 s UEFI + 3 s kernel + 6 s init + 2 s app = 16 s on ESXi.
  expect(ready(r, 'esxi')).toBe(16);
  expect(ready(r, 'kvm')).toBe(15.5);
  expect(ready(r, 'docker')).toBe(2.4);
});

test('BIOS boots faster than UEFI; a missing image adds its pull time to the container lane only', () => {
  expect(ready(run({ firmware: 'bios' }), 'esxi')).toBe(13.5);
  const pulled = run({ imagePulled: false, imageMiB: 500, pullMiBps: 50 });
  expect(costIds(pulled, 'docker')[0]).toBe('docker-pull');
  expect(ready(pulled, 'docker')).toBe(12.4);
  expect(ready(pulled, 'esxi')).toBe(ready(run(), 'esxi'));
});

test('every measurement compares with a figure of the Docker lane and prints value=', () => {
  const ids = new Set(costIds(run({ imagePulled: false }), 'docker'));
  for (const m of start.measurements) {
    expect(ids.has(m.compareTo), m.id).toBe(true);
    expect(m.script).toContain("printf 'value=");
  }
});

test('property: with the same app, the container lane is ready before both VM lanes', () => {
  const arbitrary = fc.record({
    kernelS: fc.double({ min: 0, max: 40, noNaN: true }),
    initS: fc.double({ min: 0, max: 150, noNaN: true }),
    appS: fc.double({ min: 0, max: 80, noNaN: true }),
    firmware: fc.constantFrom('bios', 'uefi'),
  });
  fc.assert(
    fc.property(arbitrary, (raw) => {
      const r = start.run(normalise(start.params, { ...raw, imagePulled: true }));
      expect(ready(r, 'docker')).toBeLessThan(Math.min(ready(r, 'esxi'), ready(r, 'kvm')));
    }),
  );
});

test('steps of a lane follow each other without gaps, ending in ready', () => {
  const r = run({ imagePulled: false });
  for (const lane of ['esxi', 'kvm', 'docker'] as const) {
    const steps = r.steps.filter((s) => s.lane === lane);
    for (let i = 1; i < steps.length; i++)
      expect(steps[i]?.at).toBe((steps[i - 1]?.at ?? 0) + (steps[i - 1]?.duration ?? 0));
    expect(steps.at(-1)?.kind).toBe('ready');
  }
});
