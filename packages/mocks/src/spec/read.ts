// Node only: the SpecData of a bundled document, read through the spec package (its operations
// table and its one reader of responses, `jsonResponse`). Used when a server starts (so it serves
// the spec as it is now) and by scripts/generate-spec-data.ts for the browser copy.
import {
  type JsonObject,
  jsonResponse,
  loadOperations,
  loadSpec,
  type OpenApiDocument,
  resolveRef,
} from '@ofauth-mass-messages/spec';
import type { JsonSchema, ResponseData, SpecData } from '../core/spec-data.js';

/**
 * The request headers the document's security requires, as the spec spells them. The operations table does not carry
 * security, so it is read here from `security` and `components.securitySchemes`.
 */
function authHeaders(doc: OpenApiDocument): string[] {
  const schemes = (doc.components.securitySchemes ?? {}) as Record<string, JsonObject>;
  const names = new Set<string>();
  for (const requirement of (doc.security ?? []) as Record<string, unknown>[]) {
    for (const key of Object.keys(requirement)) {
      const scheme = schemes[key];
      if (scheme?.in === 'header' && typeof scheme.name === 'string') names.add(scheme.name);
    }
  }
  return [...names];
}

/** Everything the mock core needs from `doc` (the spec's bundle by default). */
export function readSpecData(doc: OpenApiDocument = loadSpec()): SpecData {
  const operations = loadOperations(doc);
  const responses: SpecData['responses'] = {};
  const itemSchemas: SpecData['itemSchemas'] = {};
  for (const operation of operations) {
    const byStatus: Record<string, ResponseData> = {};
    for (const { status } of operation.responses) {
      const response = jsonResponse(operation.operationId, status, doc);
      if (response) byStatus[status] = { examples: response.examples, headers: response.headers };
    }
    responses[operation.operationId] = byStatus;
    const page = resolveRef<JsonObject>(jsonResponse(operation.operationId, 200, doc)?.schema, doc);
    const array = resolveRef<JsonObject>(
      (page.properties as JsonObject)[operation.itemsField],
      doc,
    );
    itemSchemas[operation.operationId] = (array.items ?? {}) as JsonSchema;
  }
  return {
    operations,
    responses,
    itemSchemas,
    schemas: doc.components.schemas as Record<string, JsonSchema>,
    authHeaders: authHeaders(doc),
  };
}
