// Build-time checks every stateful widget component shares (<CapacityPlanner>, <RaidArray>, <VlanSwitch>,
// <RingSimulator>, <ArchitectureExplorer>): a wrong `state` or `storageKey` fails the build naming the page,
// the component and the field.

/** Throws when the model found problems in `state` or `storageKey` is not kebab-case. */
export function assertWidgetProps(
  where: string,
  stateProblems: readonly string[],
  storageKey: string | undefined,
  exampleKey: string,
): void {
  if (stateProblems.length > 0)
    throw new Error(`${where}: ${stateProblems.map((p) => `state.${p}`).join('; ')}`);
  if (storageKey !== undefined && !/^[a-z0-9][a-z0-9:-]*$/.test(storageKey)) {
    throw new Error(
      `${where}: storageKey Received "${storageKey}" / Expected kebab-case such as "${exampleKey}"`,
    );
  }
}
