// Following local `$ref`s inside a parsed OpenAPI document. Pure (no file system), so that the
// operations table can be built anywhere.
export type JsonObject = { [key: string]: unknown };

/** Follows a local `#/components/...` reference (and references to references) to its target. */
export function followRef<T = JsonObject>(value: unknown, doc: JsonObject): T {
  let current = value as JsonObject;
  while (current && typeof current.$ref === 'string') {
    const ref = current.$ref;
    if (!ref.startsWith('#/')) throw new Error(`Only local references are supported, got ${ref}`);
    current = ref
      .slice(2)
      .split('/')
      .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce<JsonObject>((node, key) => node?.[key] as JsonObject, doc);
    if (current === undefined) throw new Error(`Unresolvable reference ${ref}`);
  }
  return current as T;
}

/** The name of the component schema a `$ref` points to, e.g. `MassMessage`. */
export function refName(value: unknown): string | undefined {
  const ref = (value as JsonObject | undefined)?.$ref;
  return typeof ref === 'string' ? ref.split('/').pop() : undefined;
}
