// The operations table: every per-operation fact the toolkit needs, derived once from the bundled
// document. The client's methods, the mocks, the proxy, the query helpers and the contract checks
// all read this table, so an operation added to openapi.yaml reaches each of them with no other
// edit; an operation the toolkit cannot serve fails here, at build time, naming the operation and
// the construct. Pure (no file system): `scripts/write-operations.mjs` runs it at build time and
// writes the result as `dist/operations.js`, which browsers and workers import.

import { deref, flatten, type JsonObject, objectShape, refName, typesOf } from './resolve.js';
import { jsonResponse } from './responses.js';
import { type ParamRule, paramRule, UnsupportedOperationError } from './rules.js';

/** One documented response of an operation. */
export interface ResponseFacts {
  status: number;
  description: string;
  /** Names of its named examples, in document order (`firstPage`, `rateLimited`, …). */
  examples: readonly string[];
  /** Response headers it documents, lower-case (`x-ratelimit-limit`). */
  headers: readonly string[];
}

/** A header the operation's security requires: the scheme's name and the header it is sent in. */
export interface SecurityHeader {
  /** The security scheme's key (`apiKey`, `connectionId`): the client option of the same name. */
  scheme: string;
  /** The header (`apiKey`, `x-connection-id`). */
  header: string;
}

/** `limit`'s range and default: how many items a page may hold. */
export interface PageSize {
  minimum: number;
  /** Present whenever paging is `offset` (the iterator asks for full pages). */
  maximum?: number;
  /** What the API uses without `limit`; the maximum when the document names no default. */
  default?: number;
}

interface OperationBase {
  operationId: string;
  method: 'GET';
  /** The path template as the document writes it: `/v2/access/mass-messages/{id}/buyers`. */
  path: string;
  summary: string;
  /** The document marks the operation deprecated (its description names what replaces it). */
  deprecated: boolean;
  /** Path parameters, in the order the template names them; every one is required. */
  pathParams: readonly ParamRule[];
  /** Query parameters, in document order (path-level ones first). */
  query: readonly ParamRule[];
  /** The headers every request needs (the document's security), in requirement order. */
  security: readonly SecurityHeader[];
  /** Every documented response, by status (2xx first). */
  responses: readonly ResponseFacts[];
}

interface PageBase extends OperationBase {
  kind: 'page';
  /** The page's item array: `list`, `items`. */
  itemsField: string;
  /** The component schemas of the page and of one item, when they are named (`$ref`). */
  pageSchema?: string;
  itemSchema?: string;
}

/**
 * A page operation paged by `offset` (and `limit`, with a maximum): a loop can walk to the end,
 * asking for full pages.
 */
export interface OffsetPageOperation extends PageBase {
  paging: 'offset';
  pageSize: Required<PageSize>;
}

/**
 * A page operation without a parameter that moves to the next page: a call answers one page, and
 * `hasMore` only tells whether the range holds more.
 */
export interface SinglePageOperation extends PageBase {
  paging: 'none';
  /** The `limit` parameter's range and default, when the operation has one. */
  pageSize?: PageSize;
}

/** A GET whose 200 body is a page: an object with one item array beside a boolean `hasMore`. */
export type PageOperation = OffsetPageOperation | SinglePageOperation;

/** A GET whose 200 body is one object (a chart, a summary): a call resolves with it. */
export interface ObjectOperation extends OperationBase {
  kind: 'object';
  /** The component schema of the body, when it is named. */
  schema?: string;
}

export type Operation = PageOperation | ObjectOperation;

/** What the toolkit supports, for the error message. */
export const SUPPORTED =
  'GET operations with an operationId, path and query parameters of type integer, number, ' +
  'string (optionally date or date-time) or boolean, header security, and a 200 JSON object ' +
  'body: a page (one array property beside a boolean "hasMore", paged by optional integer ' +
  '"limit" with a maximum and "offset", or not paged) or any other object';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function failer(where: string): (why: string) => never {
  return (why) => {
    throw new UnsupportedOperationError(`${where}: ${why}. Supported: ${SUPPORTED}.`);
  };
}

/** The names a path template holds, in order: `/a/{id}/b/{kind}` → `id`, `kind`. */
export function templateNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]*)\}/g)].map((match) => match[1] as string);
}

/** Operation parameters override path-level ones of the same name and location (OpenAPI's rule). */
function parametersOf(operation: JsonObject, inherited: unknown, doc: JsonObject): JsonObject[] {
  const merged = new Map<string, JsonObject>();
  for (const list of [inherited, operation.parameters]) {
    for (const value of (Array.isArray(list) ? list : []) as unknown[]) {
      const parameter = deref<JsonObject>(value, doc);
      merged.set(`${String(parameter.in)} ${String(parameter.name)}`, parameter);
    }
  }
  return [...merged.values()];
}

/** The headers the operation's security requires (its own `security`, else the document's). */
function securityOf(
  operation: JsonObject,
  doc: JsonObject,
  fail: (why: string) => never,
): SecurityHeader[] {
  const requirements = (operation.security ?? doc.security ?? []) as Record<string, unknown>[];
  if (requirements.length > 1)
    fail('its security offers alternatives (more than one requirement object)');
  const schemes = ((doc.components as JsonObject | undefined)?.securitySchemes ?? {}) as JsonObject;
  return Object.keys(requirements[0] ?? {}).map((key) => {
    const scheme = deref<JsonObject>(schemes[key], doc);
    if (scheme?.type !== 'apiKey' || scheme.in !== 'header' || typeof scheme.name !== 'string') {
      fail(`its security scheme "${key}" is not an API key sent in a header`);
    }
    return { scheme: key, header: scheme.name };
  });
}

function responsesOf(operation: JsonObject, doc: JsonObject): ResponseFacts[] {
  const responses = (operation.responses ?? {}) as JsonObject;
  return Object.keys(responses)
    .filter((status) => /^\d{3}$/.test(status))
    .map((status) => {
      const read = jsonResponse(responses, status, doc);
      return {
        status: Number(status),
        description: read?.description ?? '',
        examples: Object.keys(read?.examples ?? {}),
        headers: read?.headers ?? [],
      };
    })
    .sort((a, b) => a.status - b.status);
}

/** The 200 body: a page (its item array, named schemas) or one object. */
function resultOf(operation: JsonObject, doc: JsonObject, fail: (why: string) => never) {
  const ok = jsonResponse(operation.responses, 200, doc);
  if (!ok || ok.declared !== '200' || ok.schema === undefined)
    fail('it documents no 200 JSON body');
  const shape = objectShape(ok.schema, doc);
  const resolved = deref<JsonObject>(ok.schema, doc);
  const isObject =
    shape.typed ||
    Object.keys(shape.properties).length > 0 ||
    Array.isArray(resolved.anyOf) ||
    Array.isArray(resolved.oneOf);
  if (!isObject || typesOf(resolved).some((type) => type !== 'object')) {
    fail(`its 200 body is ${typesOf(resolved).join(' or ') || 'not an object'}, not an object`);
  }
  const hasMore = shape.properties.hasMore;
  const arrays = Object.entries(shape.properties).filter(([, schema]) =>
    typesOf(flatten(schema, doc)).includes('array'),
  );
  if (hasMore === undefined) return { kind: 'object' as const, schema: refName(ok.schema) };
  if (!typesOf(deref<JsonObject>(hasMore, doc)).includes('boolean') || arrays.length !== 1) {
    fail(
      `its 200 body has "hasMore" but is not a page: a page has one array property beside a boolean "hasMore" (found ${
        arrays.length
      } arrays among ${Object.keys(shape.properties).join(', ')})`,
    );
  }
  const [itemsField, arraySchema] = arrays[0] as [string, unknown];
  if (!shape.required.includes(itemsField) || !shape.required.includes('hasMore')) {
    fail(`its page does not require both "${itemsField}" and "hasMore"`);
  }
  return {
    kind: 'page' as const,
    itemsField,
    pageSchema: refName(ok.schema),
    itemSchema: refName(flatten(arraySchema, doc).items),
  };
}

/** How a page operation moves to the next page, from its `limit` and `offset` parameters. */
function pagingOf(query: ParamRule[], fail: (why: string) => never) {
  const limit = query.find((rule) => rule.name === 'limit');
  const offset = query.find((rule) => rule.name === 'offset');
  if (limit && limit.type !== 'integer') fail('its "limit" is not an integer');
  const minimum = limit?.minimum ?? (limit?.exclusiveMinimum ?? 0) + 1;
  if (!offset) {
    const pageSize: PageSize = { minimum };
    if (limit?.maximum !== undefined) pageSize.maximum = limit.maximum;
    if (typeof limit?.default === 'number') pageSize.default = limit.default;
    return limit ? { paging: 'none' as const, pageSize } : { paging: 'none' as const };
  }
  if (
    offset.type !== 'integer' ||
    offset.required ||
    !limit ||
    limit.required ||
    limit.maximum === undefined
  ) {
    fail(
      'it has "offset" but is not paged by optional integer "limit" (with a maximum) and "offset"',
    );
  }
  const pageSize: Required<PageSize> = {
    minimum,
    maximum: limit.maximum,
    default: typeof limit.default === 'number' ? limit.default : limit.maximum,
  };
  return { paging: 'offset' as const, pageSize };
}

/** The table entry of one operation, or UnsupportedOperationError naming it and the construct. */
export function describeOperation(
  method: string,
  path: string,
  operation: JsonObject,
  doc: JsonObject,
  inherited: unknown = [],
): Operation {
  const operationId = operation.operationId;
  const where = `${typeof operationId === 'string' ? operationId : 'an operation without operationId'} (${method.toUpperCase()} ${path})`;
  const fail: (why: string) => never = failer(where);
  if (typeof operationId !== 'string' || !IDENTIFIER.test(operationId)) {
    fail('it needs an operationId that is a JavaScript identifier (it names the client method)');
  }
  if (method !== 'get') fail(`it is a ${method.toUpperCase()}`);
  if (operation.requestBody !== undefined) fail('it has a request body');

  const parameters = parametersOf(operation, inherited, doc);
  const elsewhere = parameters.filter((p) => p.in !== 'query' && p.in !== 'path');
  if (elsewhere.length > 0)
    fail(`it has ${elsewhere.map((p) => `${p.in} parameter "${p.name}"`).join(', ')}`);
  const rules = parameters.map((p) => paramRule(p, doc, fail));
  const names = templateNames(path);
  if (names.some((name) => !IDENTIFIER.test(name)))
    fail(`its path template names a parameter that is not an identifier`);
  const pathParams = names.map((name) => {
    const rule = rules.find((r) => r.in === 'path' && r.name === name);
    if (!rule) fail(`its path names {${name}}, which no path parameter describes`);
    return rule;
  });
  const stray = rules.filter((r) => r.in === 'path' && !names.includes(r.name));
  if (stray.length > 0) fail(`path parameter "${stray[0]?.name}" is not in the path`);
  const query = rules.filter((r) => r.in === 'query');
  const clash = query.find((r) => names.includes(r.name));
  if (clash) fail(`"${clash.name}" is both a path and a query parameter`);

  const result = resultOf(operation, doc, fail);
  const base = {
    operationId,
    method: 'GET' as const,
    path,
    summary: String(operation.summary ?? operationId),
    deprecated: operation.deprecated === true,
    pathParams,
    query,
    security: securityOf(operation, doc, fail),
    responses: responsesOf(operation, doc),
  };
  if (result.kind === 'object') {
    return { ...base, kind: 'object', ...(result.schema ? { schema: result.schema } : {}) };
  }
  const { itemsField, pageSchema, itemSchema } = result;
  return {
    ...base,
    kind: 'page',
    itemsField,
    ...pagingOf(query, fail),
    ...(pageSchema ? { pageSchema } : {}),
    ...(itemSchema ? { itemSchema } : {}),
  };
}

/** An operation object of the document, where it stands, and its path item's parameters. */
export interface DocumentOperation {
  method: string;
  path: string;
  operation: JsonObject;
  /** The path item's own `parameters`, which the operation inherits. */
  inherited: unknown;
}

/** Every operation object of the document, whatever its method, in document order. */
export function documentOperations(doc: JsonObject): DocumentOperation[] {
  const found: DocumentOperation[] = [];
  for (const [path, value] of Object.entries((doc.paths ?? {}) as JsonObject)) {
    const item = deref<JsonObject>(value, doc);
    for (const method of HTTP_METHODS) {
      const operation = item[method] as JsonObject | undefined;
      if (operation) found.push({ method, path, operation, inherited: item.parameters });
    }
  }
  return found;
}

/** The operation object with this operationId, or an error listing the ones there are. */
export function documentOperation(doc: JsonObject, operationId: string): DocumentOperation {
  const all = documentOperations(doc);
  const found = all.find((entry) => entry.operation.operationId === operationId);
  if (!found) {
    const known = all.map((entry) => String(entry.operation.operationId));
    throw new Error(`Unknown operationId "${operationId}"; the document has: ${known.join(', ')}`);
  }
  return found;
}

/**
 * Every operation of the document, in document order. Throws UnsupportedOperationError at the
 * first one the toolkit cannot serve: nothing is silently left out.
 */
export function buildOperations(doc: JsonObject): Operation[] {
  const table: Operation[] = [];
  const seen = new Set<string>();
  for (const { method, path, operation, inherited } of documentOperations(doc)) {
    const entry = describeOperation(method, path, operation, doc, inherited);
    if (seen.has(entry.operationId)) {
      throw new UnsupportedOperationError(`${entry.operationId}: the operationId is used twice`);
    }
    seen.add(entry.operationId);
    table.push(entry);
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
