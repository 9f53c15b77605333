// The operations table: every per-operation fact the toolkit needs, derived once from the bundled
// document. The client's methods, the mocks (Prism, dataset, MSW), the proxy and the contract
// checks all read this table, so a new operation in openapi.yaml reaches each of them without
// another edit. Pure (no file system): `scripts/write-operations.mjs` runs it at build time and
// writes the result as `dist/operations.js`, which browsers and workers import.
import { followRef, type JsonObject, refName } from './refs.js';

/** The check of one query parameter, read from its schema. */
export interface QueryRule {
  name: string;
  required: boolean;
  type: 'integer' | 'number' | 'string' | 'boolean';
  /** `null` is accepted too (`type: [integer, "null"]`). */
  nullable: boolean;
  minimum?: number;
  maximum?: number;
  enum?: readonly (string | number | boolean)[];
  /** What the API uses when the parameter is left out. */
  default?: unknown;
  /** How messages state the rule: `an integer from 1 to 20`. */
  allowed: string;
}

/** One documented response of an operation. */
export interface ResponseFacts {
  status: number;
  description: string;
  /** Names of its named examples, in document order (`firstPage`, `rateLimited`, …). */
  examples: readonly string[];
  /** Response headers it documents, lower-case (`retry-after`). */
  headers: readonly string[];
}

/** A paged list operation, the kind this toolkit serves. */
export interface Operation {
  operationId: string;
  method: 'GET';
  path: string;
  summary: string;
  /** The page's item array, beside `hasMore`: `list`, `items`. */
  itemsField: string;
  /** The component schema of the page and of one item, when they are `$ref`s. */
  pageSchema: string | undefined;
  itemSchema: string | undefined;
  /** Query parameters in document order; `limit` and `offset` page the list. */
  query: readonly QueryRule[];
  /** `limit`'s range and default: how many items a page may hold. */
  pageSize: { minimum: number; maximum: number; default: number };
  /** Every documented response, by status (2xx first). */
  responses: readonly ResponseFacts[];
}

/** An operation the toolkit cannot serve: the build fails with this, naming it. */
export class UnsupportedOperationError extends Error {
  override name = 'UnsupportedOperationError';
}

/** What the toolkit supports, for the error message. */
export const SUPPORTED =
  'a GET without path or header parameters whose 200 JSON body is a page: an object with one ' +
  'array property and a boolean "hasMore", paged by integer "limit" (with a maximum) and ' +
  '"offset" query parameters';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

// Schema keywords a rule captures, plus annotations that constrain nothing. Anything else
// (pattern, exclusiveMinimum, format, …) would be a constraint the checks silently skipped.
const RULE_KEYWORDS = new Set([
  'type',
  'enum',
  'minimum',
  'maximum',
  'default',
  'description',
  'examples',
  'example',
  'title',
]);
const RULE_TYPES = new Set(['integer', 'number', 'string', 'boolean']);

/** The human phrase of a rule: "an integer from 1 to 20", `one of "sent", "unsent"`. */
export function describeRule(rule: Omit<QueryRule, 'allowed' | 'name' | 'required'>): string {
  let text: string;
  if (rule.enum) {
    text = `one of ${rule.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  } else {
    text = rule.type === 'integer' ? 'an integer' : `a ${rule.type}`;
    const { minimum: min, maximum: max } = rule;
    if (min !== undefined && max !== undefined) text += ` from ${min} to ${max}`;
    else if (min !== undefined) text += ` >= ${min}`;
    else if (max !== undefined) text += ` <= ${max}`;
  }
  return rule.nullable ? `${text} (or null)` : text;
}

function fail(where: string, why: string): never {
  throw new UnsupportedOperationError(`${where}: ${why}. Supported: ${SUPPORTED}.`);
}

/** One query parameter's rule, or an error naming the construct it cannot check. */
export function toRule(
  where: string,
  name: string,
  required: boolean,
  schema: JsonObject,
): QueryRule {
  const unknown = Object.keys(schema).filter((key) => !RULE_KEYWORDS.has(key));
  if (unknown.length > 0)
    fail(where, `query parameter "${name}" uses ${unknown.join(', ')}, which no check covers`);
  const types = (Array.isArray(schema.type) ? schema.type : [schema.type]) as unknown[];
  const valueTypes = types.filter((t) => t !== 'null');
  const type = valueTypes[0] as QueryRule['type'];
  if (valueTypes.length !== 1 || !RULE_TYPES.has(type)) {
    fail(
      where,
      `query parameter "${name}" has type ${JSON.stringify(schema.type)}, not one of ${[...RULE_TYPES].join(', ')} (optionally with null)`,
    );
  }
  const rule: Omit<QueryRule, 'allowed'> = {
    name,
    required,
    type,
    nullable: types.includes('null'),
  };
  if (typeof schema.minimum === 'number') rule.minimum = schema.minimum;
  if (typeof schema.maximum === 'number') rule.maximum = schema.maximum;
  if (Array.isArray(schema.enum)) rule.enum = schema.enum as QueryRule['enum'] & unknown[];
  if (schema.default !== undefined) rule.default = schema.default;
  return { ...rule, allowed: describeRule(rule) };
}

/** The 200 page's schema, its item array's name and the item schema's component name. */
function pageShape(where: string, operation: JsonObject, doc: JsonObject) {
  const responses = (operation.responses ?? {}) as JsonObject;
  const ok = responses['200'] ? followRef<JsonObject>(responses['200'], doc) : undefined;
  const media = (ok?.content as JsonObject | undefined)?.['application/json'] as
    | JsonObject
    | undefined;
  if (!media?.schema) fail(where, 'it documents no 200 application/json body');
  const page = followRef<JsonObject>(media.schema, doc);
  const properties = (page.properties ?? {}) as JsonObject;
  const hasMore = properties.hasMore ? followRef<JsonObject>(properties.hasMore, doc) : undefined;
  const arrays = Object.entries(properties).filter(
    ([, schema]) => followRef<JsonObject>(schema, doc).type === 'array',
  );
  if (page.type !== 'object' || hasMore?.type !== 'boolean' || arrays.length !== 1) {
    fail(
      where,
      `its 200 body is not a page (found properties: ${Object.keys(properties).join(', ') || 'none'})`,
    );
  }
  const [itemsField, arraySchema] = arrays[0] as [string, JsonObject];
  return {
    itemsField,
    pageSchema: refName(media.schema),
    itemSchema: refName(followRef<JsonObject>(arraySchema, doc).items),
  };
}

function responsesOf(operation: JsonObject, doc: JsonObject): ResponseFacts[] {
  return Object.entries((operation.responses ?? {}) as JsonObject)
    .filter(([status]) => /^\d{3}$/.test(status))
    .map(([status, declared]) => {
      const response = followRef<JsonObject>(declared, doc);
      const media = (response.content as JsonObject | undefined)?.['application/json'] as
        | JsonObject
        | undefined;
      return {
        status: Number(status),
        description: String(response.description ?? ''),
        examples: Object.keys((media?.examples ?? {}) as JsonObject),
        headers: Object.keys((response.headers ?? {}) as JsonObject).map((h) => h.toLowerCase()),
      };
    })
    .sort((a, b) => a.status - b.status);
}

/** The table entry of one operation, or UnsupportedOperationError naming it and what is supported. */
export function describeOperation(
  method: string,
  path: string,
  operation: JsonObject,
  doc: JsonObject,
  inherited: unknown[] = [],
): Operation {
  const operationId = operation.operationId;
  const where = `${typeof operationId === 'string' ? operationId : 'an operation without operationId'} (${method.toUpperCase()} ${path})`;
  if (typeof operationId !== 'string' || !/^[A-Za-z_$][\w$]*$/.test(operationId)) {
    fail(
      where,
      'it needs an operationId that is a JavaScript identifier (it names the client method)',
    );
  }
  if (method !== 'get') fail(where, `it is a ${method.toUpperCase()}`);
  const params = [...inherited, ...((operation.parameters as unknown[] | undefined) ?? [])].map(
    (p) => followRef<JsonObject>(p, doc),
  );
  const elsewhere = params.filter((p) => p.in !== 'query');
  if (elsewhere.length > 0) {
    fail(where, `it has ${elsewhere.map((p) => `${p.in} parameter "${p.name}"`).join(', ')}`);
  }
  const query = params.map((p) =>
    toRule(where, String(p.name), p.required === true, followRef<JsonObject>(p.schema ?? {}, doc)),
  );
  const limit = query.find((r) => r.name === 'limit');
  const offset = query.find((r) => r.name === 'offset');
  if (
    limit?.type !== 'integer' ||
    limit.maximum === undefined ||
    offset?.type !== 'integer' ||
    limit.required ||
    offset.required
  ) {
    fail(where, 'it is not paged by optional integer "limit" (with a maximum) and "offset"');
  }
  const minimum = limit.minimum ?? 1;
  return {
    operationId,
    method: 'GET',
    path,
    summary: String(operation.summary ?? operationId),
    ...pageShape(where, operation, doc),
    query,
    pageSize: {
      minimum,
      maximum: limit.maximum,
      default: typeof limit.default === 'number' ? limit.default : limit.maximum,
    },
    responses: responsesOf(operation, doc),
  };
}

/**
 * Every operation of the document, in document order. Throws UnsupportedOperationError at the
 * first one the toolkit cannot serve: nothing is silently left out.
 */
export function buildOperations(doc: JsonObject): Operation[] {
  const table: Operation[] = [];
  const seen = new Set<string>();
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, JsonObject>)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method] as JsonObject | undefined;
      if (!operation) continue;
      const entry = describeOperation(method, path, operation, doc, item.parameters as unknown[]);
      if (seen.has(entry.operationId)) {
        throw new UnsupportedOperationError(`${entry.operationId}: the operationId is used twice`);
      }
      seen.add(entry.operationId);
      table.push(entry);
    }
  }
  if (table.length === 0) throw new UnsupportedOperationError('The document has no operations');
  return table;
}

/** The first server's URL: the default base URL. */
export function defaultServerUrl(doc: JsonObject): string {
  const url = (doc.servers as { url?: unknown }[] | undefined)?.[0]?.url;
  if (typeof url !== 'string')
    throw new Error('The spec names no server: servers[0].url is the default base URL');
  return url;
}
