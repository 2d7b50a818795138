// The same registry as widget-models.ts, one widget at a time, for the browser: a widget exercise's page
// imports only its own widget's model when it first checks (the behaviour simulator's checks bring every
// scenario, ~70 KB gz; a RAID exercise needs none of that). `satisfies` keeps the two lists in step: a widget
// added to widget-models.ts without a loader here, or the reverse, fails type checking.
import type { WidgetId, WidgetModel } from './widget-models.ts';

export const widgetModelLoaders = {
  'behaviour-simulator': async () => {
    const { behaviourChecks, stateProblems } = await import('./behaviour/checks.ts');
    return { checks: behaviourChecks, stateProblems };
  },
  'capacity-planner': async () => {
    const { capacityChecks, capacityStateProblems } = await import('./capacity/checks.ts');
    return { checks: capacityChecks, stateProblems: capacityStateProblems };
  },
  'cluster-simulator': async () => {
    const { clusterChecks, clusterStateProblems } = await import('./cluster/checks.ts');
    return { checks: clusterChecks, stateProblems: clusterStateProblems };
  },
  'image-layers': async () => {
    const { imageLayersChecks, imageLayersStateProblems } = await import('./image-layers/checks.ts');
    return { checks: imageLayersChecks, stateProblems: imageLayersStateProblems };
  },
  'raid-array': async () => {
    const { raidChecks, raidStateProblems } = await import('./raid/checks.ts');
    return { checks: raidChecks, stateProblems: raidStateProblems };
  },
  'ring-simulator': async () => {
    const { ringChecks, ringStateProblems } = await import('./rings/checks.ts');
    return { checks: ringChecks, stateProblems: ringStateProblems };
  },
  'vlan-switch': async () => {
    const { vlanChecks, vlanStateProblems } = await import('./vlan-switch/checks.ts');
    return { checks: vlanChecks, stateProblems: vlanStateProblems };
  },
} satisfies Record<WidgetId, () => Promise<WidgetModel<never>>>;

/** The model of widget `id`, loaded on demand; undefined for a widget that has none. */
export async function loadWidgetModel(id: string): Promise<WidgetModel<never> | undefined> {
  return Object.hasOwn(widgetModelLoaders, id) ? await widgetModelLoaders[id as WidgetId]() : undefined;
}
