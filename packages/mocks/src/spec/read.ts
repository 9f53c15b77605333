// The SpecData of a bundled document, read through the spec package (its operations table, its one
// resolver and its one reader of responses, `jsonResponse`). Pure: a server reads it when it
// starts (so it serves the spec as it is now) and scripts/generate-spec-data.ts writes the
// browser copy.
import {
  buildOperations,
  documentOperation,
  flatten,
  jsonResponse,
  type OpenApiDocument,
  objectShape,
} from '@ofauth-mass-messages/spec';
import type { JsonSchema, ResponseData, SpecData } from '../core/spec-data.js';

/** Everything the mock core needs from `doc`, a bundled document (the spec's bundle, say). */
export function readSpecData(doc: OpenApiDocument): SpecData {
  const operations = buildOperations(doc);
  const responses: SpecData['responses'] = {};
  const bodySchemas: SpecData['bodySchemas'] = {};
  const itemSchemas: SpecData['itemSchemas'] = {};
  for (const operation of operations) {
    const byStatus: Record<string, ResponseData> = {};
    const { responses: declared } = documentOperation(doc, operation.operationId).operation;
    for (const { status } of operation.responses) {
      const response = jsonResponse(declared, status, doc);
      if (response) byStatus[status] = { examples: response.examples, headers: response.headers };
    }
    responses[operation.operationId] = byStatus;
    const body = jsonResponse(declared, 200, doc)?.schema ?? {};
    bodySchemas[operation.operationId] = body as JsonSchema;
    if (operation.kind === 'page') {
      const array = flatten(objectShape(body, doc).properties[operation.itemsField], doc);
      itemSchemas[operation.operationId] = (array.items ?? {}) as JsonSchema;
    }
  }
  const security = operations[0]?.security ?? [];
  // The scheme that names the connection (`connectionId` sent as `x-connection-id`).
  const connection = security.find((s) => /connection/i.test(`${s.scheme} ${s.header}`));
  return {
    operations,
    responses,
    bodySchemas,
    itemSchemas,
    schemas: (doc.components?.schemas ?? {}) as Record<string, JsonSchema>,
    // Every operation of the document shares its security: the first one's headers are all's.
    authHeaders: security.map((s) => s.header),
    ...(connection ? { connectionHeader: connection.header } : {}),
  };
}
