// Records keyed by ids from outside (exercise and task ids in progress, check runs, reports) are plain objects:
// `record[id]` would find Object.prototype's members for an id such as "constructor". Look up own keys only.

/** `record[key]` if `record` has that key itself, else undefined. */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
