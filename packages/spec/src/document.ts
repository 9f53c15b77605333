// Loads the bundled OpenAPI document (dist/openapi.json) once and answers questions about its
// operations. Every other package reads the spec through here or through the bundle itself,
// never through openapi.yaml.
import { readFileSync } from 'node:fs';

export type JsonObject = { [key: string]: unknown };

export interface OpenApiDocument extends JsonObject {
  openapi: string;
  paths: Record<string, Record<string, JsonObject>>;
  components: JsonObject & { schemas: Record<string, JsonObject> };
}

export interface OperationInfo {
  operationId: string;
  method: 'get';
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

/** Every operation in the document, keyed by its operationId. */
export function listOperations(doc: OpenApiDocument = loadSpec()): OperationInfo[] {
  const found: OperationInfo[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    const operation = item.get as JsonObject | undefined;
    if (operation && typeof operation.operationId === 'string') {
      found.push({ operationId: operation.operationId, method: 'get', path, operation });
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
