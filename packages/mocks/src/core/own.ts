// Looking a client-chosen name up in an object: `name in object` and `object[name]` also find what
// every object inherits (`constructor`, `toString`, `__proto__`), so a Prefer value such as
// `example=constructor` would reach a function instead of an example. Own properties only.

/** `record[key]` when `record` has `key` itself; undefined for anything it only inherits. */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
