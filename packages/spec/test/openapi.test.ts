// The bundled document itself: valid OpenAPI 3.1, parameters exactly as the API reference says,
// both security headers required, every error status documented.
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { deref, documentOperation, type JsonObject } from '../src/index.js';
import { readDocument } from '../src/node.js';

const doc = readDocument();
const getOperation = (operationId: string) => documentOperation(doc, operationId);
/** The query parameters of an operation, `$ref`s followed. */
const getQueryParameters = (operationId: string) =>
  ((getOperation(operationId).operation.parameters ?? []) as unknown[])
    .map((p) => deref<JsonObject>(p, doc))
    .filter((p) => p.in === 'query')
    .map((p) => ({
      name: String(p.name),
      required: p.required === true,
      schema: deref<JsonObject>(p.schema, doc),
    }));

describe('the bundled document', () => {
  it('is valid OpenAPI 3.1', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc));
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('names the production server', () => {
    expect(doc.servers).toEqual([expect.objectContaining({ url: 'https://api-next.ofauth.com' })]);
  });

  it.each([
    ['listMassMessages', '/v2/access/mass-messages'],
    ['listPurchasedMassMessages', '/v2/access/analytics/mass-messages/purchased'],
  ])('%s is GET %s', (operationId, path) => {
    expect(getOperation(operationId).path).toBe(path);
  });
});

describe('query parameters match the API reference', () => {
  it.each([
    // operationId, name, type, minimum, maximum, default, enum
    ['listMassMessages', 'limit', 'integer', 1, 20, 10, undefined],
    ['listMassMessages', 'offset', ['integer', 'null'], 0, undefined, 0, undefined],
    [
      'listMassMessages',
      'type',
      'string',
      undefined,
      undefined,
      'sent',
      ['sent', 'unsent', 'scheduled'],
    ],
    ['listPurchasedMassMessages', 'limit', 'integer', 1, 100, 20, undefined],
    ['listPurchasedMassMessages', 'offset', ['integer', 'null'], 0, undefined, 0, undefined],
  ])('%s %s', (operationId, name, type, minimum, maximum, dflt, values) => {
    const param = getQueryParameters(operationId).find((p) => p.name === name);
    expect(param, `${operationId} has no ${name}`).toBeDefined();
    expect(param?.required).toBe(false);
    expect(param?.schema.type).toEqual(type);
    expect(param?.schema.minimum).toBe(minimum);
    expect(param?.schema.maximum).toBe(maximum);
    expect(param?.schema.default).toEqual(dflt);
    expect(param?.schema.enum).toEqual(values);
  });

  it.each([
    ['listMassMessages', ['limit', 'offset', 'type']],
    ['listPurchasedMassMessages', ['limit', 'offset']],
  ])('%s has exactly %j', (operationId, names) => {
    expect(
      getQueryParameters(operationId)
        .map((p) => p.name)
        .sort(),
    ).toEqual([...names].sort());
  });
});

describe('security and errors', () => {
  const schemes = (doc.components as Record<string, Record<string, Record<string, unknown>>>)
    .securitySchemes;

  it.each([
    ['apiKey', 'apiKey'],
    ['connectionId', 'x-connection-id'],
  ])('scheme %s is the header %s', (scheme, header) => {
    expect(schemes?.[scheme]).toMatchObject({ type: 'apiKey', in: 'header', name: header });
  });

  it.each(['listMassMessages', 'listPurchasedMassMessages'])(
    '%s requires both headers together',
    (operationId) => {
      const security = getOperation(operationId).operation.security ?? doc.security;
      expect(security).toEqual([{ apiKey: [], connectionId: [] }]);
    },
  );

  it.each(
    ['listMassMessages', 'listPurchasedMassMessages'].flatMap((op) =>
      ['400', '401', '403', '404', '429', '500'].map((status) => [op, status] as const),
    ),
  )('%s documents %s with the Error schema', (operationId, status) => {
    const responses = getOperation(operationId).operation.responses as Record<string, unknown>;
    const response = deref<Record<string, unknown>>(responses[status], doc);
    const content = response.content as Record<string, { schema: { $ref: string } }>;
    expect(content['application/json']?.schema.$ref).toBe('#/components/schemas/Error');
    if (status === '429') {
      expect(Object.keys(response.headers as object)).toContain('Retry-After');
    }
  });
});
