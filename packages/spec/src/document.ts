// Loads the bundled OpenAPI document (dist/openapi.json) once and answers questions about its
// operations. Every other package reads the spec through here or through the bundle itself,
// never through openapi.yaml.
import { readFileSync } from 'node:fs';
import { followRef, type JsonObject } from './refs.js';
import { buildOperations, HTTP_METHODS, type Operation } from './table.js';

export type { JsonObject };

export interface OpenApiDocument extends JsonObject {
  openapi: string;
  paths: Record<string, Record<string, JsonObject>>;
  components: JsonObject & { schemas: Record<string, JsonObject> };
}

export interface OperationInfo {
  operationId: string;
  /** Lower-case, as the document keys it: `get`, `post`, … */
  method: string;
  path: string;
  operation: JsonObject;
}

/** Where the bundle lives: from src/ in tests and from dist/ once built, `../dist/` resolves. */
export const bundlePath: URL = new URL('../dist/openapi.json', import.meta.url);

let cached: OpenApiDocument | undefined;

/** The bundled document, parsed once per process. */
export function loadSpec(): OpenApiDocument {
  if (cached === undefined) {
    let text: string;
    try {
      text = readFileSync(bundlePath, 'utf8');
    } catch (cause) {
      throw new Error(
        `The spec bundle ${bundlePath.pathname} is missing: run the spec package's build first.`,
        { cause },
      );
    }
    cached = JSON.parse(text) as OpenApiDocument;
  }
  return cached;
}

/**
 * Every operation in the document, whatever its method, keyed by its operationId. Which of them
 * the toolkit serves is the operations table's decision (`loadOperations`), which refuses the
 * others by name rather than leaving them out.
 */
export function listOperations(doc: OpenApiDocument = loadSpec()): OperationInfo[] {
  const found: OperationInfo[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method] as JsonObject | undefined;
      if (operation && typeof operation.operationId === 'string') {
        found.push({ operationId: operation.operationId, method, path, operation });
      }
    }
  }
  return found;
}

export function getOperation(
  operationId: string,
  doc: OpenApiDocument = loadSpec(),
): OperationInfo {
  const found = listOperations(doc).find((op) => op.operationId === operationId);
  if (!found) {
    const known = listOperations(doc).map((op) => op.operationId);
    throw new Error(`Unknown operationId "${operationId}"; the spec has: ${known.join(', ')}`);
  }
  return found;
}

/** Follows a local `#/components/...` reference to the object it names. */
export function resolveRef<T = JsonObject>(value: unknown, doc: OpenApiDocument = loadSpec()): T {
  return followRef<T>(value, doc);
}

const tables = new WeakMap<OpenApiDocument, Operation[]>();

/** The operations table of a document (the bundle by default), built once per document. */
export function loadOperations(doc: OpenApiDocument = loadSpec()): Operation[] {
  let table = tables.get(doc);
  if (!table) {
    table = buildOperations(doc);
    tables.set(doc, table);
  }
  return table;
}

/** One operation's table entry, by operationId. */
export function findOperation(operationId: string, doc: OpenApiDocument = loadSpec()): Operation {
  const found = loadOperations(doc).find((op) => op.operationId === operationId);
  if (!found) {
    const known = loadOperations(doc).map((op) => op.operationId);
    throw new Error(`Unknown operationId "${operationId}"; the spec has: ${known.join(', ')}`);
  }
  return found;
}

/** The JSON body an operation documents for a status: its schema and named example values. */
export interface JsonResponse {
  /** The declared key that matched: `429`, or `4XX` / `default` when no exact status is. */
  declared: string;
  schema: JsonObject | undefined;
  examples: Record<string, unknown>;
  /** Header names the response documents, lower-case. */
  headers: string[];
}

/**
 * What an operation documents for a status (exact, then `4XX`, then `default`), or undefined
 * when it documents nothing for it. The one place that reads an operation's responses.
 */
export function jsonResponse(
  operationId: string,
  status: number | string,
  doc: OpenApiDocument = loadSpec(),
): JsonResponse | undefined {
  const responses = getOperation(operationId, doc).operation.responses as JsonObject;
  const code = String(status);
  const declared = [code, `${code[0]}XX`, 'default'].find((key) => responses[key] !== undefined);
  if (declared === undefined) return undefined;
  const response = followRef<JsonObject>(responses[declared], doc);
  const media = (response.content as JsonObject | undefined)?.['application/json'] as
    | JsonObject
    | undefined;
  const examples: Record<string, unknown> = {};
  for (const [name, example] of Object.entries((media?.examples ?? {}) as JsonObject)) {
    examples[name] = followRef<JsonObject>(example, doc).value;
  }
  return {
    declared,
    schema: media?.schema as JsonObject | undefined,
    examples,
    headers: Object.keys((response.headers ?? {}) as JsonObject).map((h) => h.toLowerCase()),
  };
}

export interface QueryParameter {
  name: string;
  required: boolean;
  schema: JsonObject;
}

/** The query parameters of an operation, with `$ref`s resolved. */
export function getQueryParameters(
  operationId: string,
  doc: OpenApiDocument = loadSpec(),
): QueryParameter[] {
  const { operation } = getOperation(operationId, doc);
  const params = (operation.parameters as unknown[] | undefined) ?? [];
  return params
    .map((p) => resolveRef<JsonObject>(p, doc))
    .filter((p) => p.in === 'query')
    .map((p) => ({
      name: String(p.name),
      required: p.required === true,
      schema: resolveRef<JsonObject>(p.schema, doc),
    }));
}
