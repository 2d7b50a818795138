// The stateless-rebuild scenario: what each way of rebuilding a host keeps and loses, and how long it takes.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { statelessRebuild } from '../../../../src/sim/behaviour/scenarios/stateless-rebuild.ts';

test('Auto Deploy: the image streams in and the host profile applies at every boot; manual changes are gone', () => {
  const run = statelessRebuild.run({ esxiDeploy: 'auto-deploy', manualChanges: 3 });
  const esxi = run.steps.filter((s) => s.lane === 'esxi');
  expect(esxi[0]?.what.en).toContain('PXE');
  expect(esxi[1]?.kind).toBe('loss');
  expect(esxi[1]?.why.en).toContain('next reboot');
  expect(esxi[0]?.costs.find((c) => c.id === 'esxi-article-memory')?.value).toBe(32);
  expect(run.outcomes.esxi.figures.find((f) => f.id === 'esxi-lost')?.value).toBe(3);
});

test('no manual changes and configuration management: every lane comes back as it was', () => {
  const run = statelessRebuild.run({ manualChanges: 0, linuxBuild: 'config-management' });
  for (const lane of ['esxi', 'kvm', 'docker'] as const)
    expect(run.steps.filter((s) => s.lane === lane).at(-1)?.kind).toBe('ready');
});

test('a Linux host built by hand has no record to rebuild from', () => {
  const run = statelessRebuild.run({ manualChanges: 0, linuxBuild: 'by-hand' });
  expect(run.steps.filter((s) => s.lane === 'kvm').at(-1)?.kind).toBe('loss');
  expect(run.outcomes.docker.headline.en).toContain('no guarantee');
});

test('the Docker host pulls its images again: 5 GiB (42.9 Gbit) at 1 Gbit/s takes 42.9 s', () => {
  const run = statelessRebuild.run({ imagesGiB: 5 });
  expect(run.steps.find((s) => s.lane === 'docker')?.costs.length).toBeGreaterThan(0);
  expect(run.steps.flatMap((s) => s.costs).find((c) => c.id === 'docker-pull')?.value).toBe(42.9);
});

test('property: every lane loses exactly the manual changes, whatever the method', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 20 }),
      fc.constantFrom('config-management', 'golden-image', 'by-hand'),
      fc.constantFrom('auto-deploy', 'installed'),
      (n, linuxBuild, esxiDeploy) => {
        const run = statelessRebuild.run({ manualChanges: n, linuxBuild, esxiDeploy });
        for (const lane of ['esxi', 'kvm', 'docker'] as const)
          expect(run.outcomes[lane].figures.find((f) => f.id === `${lane}-lost`)?.value).toBe(n);
      },
    ),
  );
});
