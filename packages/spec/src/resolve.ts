// The one reader of schemas inside a parsed OpenAPI document. Everything in the toolkit that looks
// into a schema (the operations table, the mocks' record generator, the contract checks) goes
// through here, so a `$ref`ed schema, the same schema written inline, and an `allOf` of parts
// are one and the same thing to every package. Pure (no file system, no validator): it runs in
// browsers and workers, where the MSW handlers generate records.

export type JsonObject = { [key: string]: unknown };

/** Where `$ref`s point: a whole document, or just its component schemas (the mocks' plain data). */
export type RefRoot = JsonObject;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A JSON pointer token, unescaped (`~1` is `/`, `~0` is `~`). */
const unescapeToken = (token: string) => token.replaceAll('~1', '/').replaceAll('~0', '~');

/**
 * Follows a local reference (and references to references) to its target. `#/components/…`
 * pointers are read from `root`; when `root` is only the component schemas (no `components`
 * key), `#/components/schemas/X` reads `root.X`. A reference that leaves the document, or points
 * nowhere, or loops, throws naming it.
 */
export function deref<T = JsonObject>(value: unknown, root: RefRoot): T {
  let current = value;
  const seen = new Set<string>();
  while (isObject(current) && typeof current.$ref === 'string') {
    const ref = current.$ref;
    if (!ref.startsWith('#/')) throw new Error(`Only local references are supported, got ${ref}`);
    if (seen.has(ref)) throw new Error(`The reference ${ref} refers to itself`);
    seen.add(ref);
    const tokens = ref.slice(2).split('/').map(unescapeToken);
    const base =
      root.components === undefined && tokens[0] === 'components' && tokens[1] === 'schemas'
        ? tokens.slice(2)
        : tokens;
    let node: unknown = root;
    for (const token of base)
      node = isObject(node) || Array.isArray(node) ? (node as JsonObject)[token] : undefined;
    if (node === undefined) throw new Error(`Unresolvable reference ${ref}`);
    current = node;
  }
  return current as T;
}

/** The name of the component a `$ref` points to (`MassMessage`), or undefined for an inline schema. */
export function refName(value: unknown): string | undefined {
  const ref = isObject(value) ? value.$ref : undefined;
  return typeof ref === 'string' ? unescapeToken(ref.split('/').pop() ?? '') : undefined;
}

/** The types a schema allows, `null` included: `type: [integer, "null"]` → both. */
export function typesOf(schema: JsonObject): string[] {
  const { type } = schema;
  if (Array.isArray(type)) return type.map(String);
  return typeof type === 'string' ? [type] : [];
}

/** What an object schema holds once its `$ref`s and `allOf` parts are merged. */
export interface ObjectShape {
  /** Property name → its schema (still possibly a `$ref`: deref it where it is read). */
  properties: Record<string, unknown>;
  required: string[];
  /** The schema said `type: object` (itself or in a part). */
  typed: boolean;
}

/**
 * The properties and required names of an object schema, whether it is written inline, behind a
 * `$ref`, or as an `allOf` of parts (each a `$ref` or inline, nested as deep as written). The
 * properties of later parts win, as a validator would require both.
 */
export function objectShape(schema: unknown, root: RefRoot): ObjectShape {
  const shape: ObjectShape = { properties: {}, required: [], typed: false };
  const visit = (value: unknown, depth: number) => {
    if (depth > 32) throw new Error('An allOf nests deeper than 32 levels');
    const resolved = deref<JsonObject>(value, root);
    if (!isObject(resolved)) return;
    if (typesOf(resolved).includes('object')) shape.typed = true;
    if (Array.isArray(resolved.allOf)) for (const part of resolved.allOf) visit(part, depth + 1);
    if (isObject(resolved.properties)) Object.assign(shape.properties, resolved.properties);
    if (Array.isArray(resolved.required)) {
      for (const name of resolved.required) {
        if (typeof name === 'string' && !shape.required.includes(name)) shape.required.push(name);
      }
    }
  };
  visit(schema, 0);
  return shape;
}

/**
 * A schema with its own `allOf` parts merged into one (keywords of later parts win, `properties`
 * and `required` combined), and its `$ref` followed. Nested schemas are left as written.
 */
export function flatten(schema: unknown, root: RefRoot): JsonObject {
  const resolved = deref<JsonObject>(schema, root);
  if (!isObject(resolved) || !Array.isArray(resolved.allOf)) return resolved;
  const { allOf, ...own } = resolved;
  const merged: JsonObject = {};
  for (const part of allOf) Object.assign(merged, flatten(part, root));
  Object.assign(merged, own);
  const shape = objectShape(resolved, root);
  if (Object.keys(shape.properties).length > 0) merged.properties = shape.properties;
  if (shape.required.length > 0) merged.required = shape.required;
  return merged;
}
