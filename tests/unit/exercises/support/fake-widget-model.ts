// A tiny widget model for tests of the widget-exercise machinery (loader, verification, check runner), shaped
// like the behaviour simulator's state (`{ scenario, params }`) but owing nothing to it: a rack of hosts whose
// spare capacity must survive one host failing. Test-only; the real registry is src/sim/widget-models.ts.
import type { WidgetModel, WidgetModels } from '../../../../src/sim/widget-models.ts';

export interface RackState {
  scenario: 'rack';
  params: { hosts?: number; vms?: number };
}

const limits = { hosts: [1, 8], vms: [0, 40] } as const;
/** VMs one host runs. */
const perHost = 4;

function read(state: RackState): { hosts: number; vms: number } {
  return { hosts: state.params.hosts ?? 2, vms: state.params.vms ?? 0 };
}

export const rackModel: WidgetModel<RackState> = {
  checks: {
    fitsAll: (state) => {
      const { hosts, vms } = read(state);
      const passed = vms >= 10 && vms <= hosts * perHost;
      return {
        passed,
        evidence: {
          ja: `${vms} 台の VM、容量 ${hosts * perHost} 台`,
          en: `${vms} VMs, room for ${hosts * perHost}`,
        },
      };
    },
    survivesHostLoss: (state) => {
      const { hosts, vms } = read(state);
      const passed = vms <= (hosts - 1) * perHost;
      return {
        passed,
        evidence: {
          ja: `ホスト 1 台の故障後の容量 ${(hosts - 1) * perHost} 台`,
          en: `room for ${(hosts - 1) * perHost} after one host fails`,
        },
      };
    },
    throws: () => {
      throw new Error('no such lane');
    },
  },
  stateProblems(value) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return [`: Received ${JSON.stringify(value)} / Expected an object with "scenario" and "params"`];
    const { scenario, params = {}, ...rest } = value as Record<string, unknown>;
    const problems = Object.keys(rest).map(
      (k) => `${k}: Received "${k}" / Expected only "scenario" and "params"`,
    );
    if (scenario !== 'rack')
      problems.push(`scenario: Received ${JSON.stringify(scenario)} / Expected one of "rack"`);
    for (const [id, value] of Object.entries(params as Record<string, unknown>)) {
      const range = limits[id as keyof typeof limits];
      if (!range) problems.push(`params.${id}: Received "${id}" / Expected one of "hosts", "vms"`);
      else if (typeof value !== 'number' || !Number.isInteger(value) || value < range[0] || value > range[1])
        problems.push(
          `params.${id}: Received ${JSON.stringify(value)} / Expected a whole number from ${range[0]} to ${range[1]}`,
        );
    }
    return problems;
  },
};

export const fakeModels: WidgetModels = { 'test-rack': rackModel };
