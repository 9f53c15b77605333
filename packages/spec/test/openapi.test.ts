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

  it("names both servers, the SDKs' api-next first (the default base URL)", () => {
    expect((doc.servers as { url: string }[]).map((s) => s.url)).toEqual([
      'https://api-next.ofauth.com',
      'https://api.ofauth.com',
    ]);
  });

  it.each([
    ['listMassMessages', '/v2/access/mass-messages'],
    ['listPurchasedMassMessages', '/v2/access/analytics/mass-messages/purchased'],
    ['listSentMassMessages', '/v2/access/analytics/mass-messages/sent'],
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
    // The vendor's SDK 3.0.0: ISO 8601 dates and a limit with no documented range or default.
    ['listSentMassMessages', 'startDate', 'string', undefined, undefined, undefined, undefined],
    ['listSentMassMessages', 'endDate', 'string', undefined, undefined, undefined, undefined],
    ['listSentMassMessages', 'limit', 'integer', 1, undefined, undefined, undefined],
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

  // The SDK says ISO 8601; the spec checks RFC 3339 date-times (the profile `date-time` names).
  it.each(['startDate', 'endDate'])('listSentMassMessages %s is a date-time', (name) => {
    const param = getQueryParameters('listSentMassMessages').find((p) => p.name === name);
    expect(param?.schema).toMatchObject({ type: 'string', format: 'date-time' });
  });

  it.each([
    ['listMassMessages', ['limit', 'offset', 'type']],
    ['listPurchasedMassMessages', ['limit', 'offset']],
    ['listSentMassMessages', ['startDate', 'endDate', 'limit']],
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

  it.each(['listMassMessages', 'listPurchasedMassMessages', 'listSentMassMessages'])(
    '%s requires both headers together',
    (operationId) => {
      const security = getOperation(operationId).operation.security ?? doc.security;
      expect(security).toEqual([{ apiKey: [], connectionId: [] }]);
    },
  );

  const operationIds = ['listMassMessages', 'listPurchasedMassMessages', 'listSentMassMessages'];
  const headersOf = (operationId: string, status: string) => {
    const responses = getOperation(operationId).operation.responses as Record<string, unknown>;
    const response = deref<Record<string, unknown>>(responses[status], doc);
    return Object.keys((response.headers ?? {}) as object);
  };

  // The vendor's Error Handling page: these statuses on every endpoint.
  it.each(
    operationIds.flatMap((op) =>
      ['400', '401', '403', '404', '429', '500', '502', '503'].map(
        (status) => [op, status] as const,
      ),
    ),
  )('%s documents %s with the Error schema', (operationId, status) => {
    const responses = getOperation(operationId).operation.responses as Record<string, unknown>;
    const response = deref<Record<string, unknown>>(responses[status], doc);
    const content = response.content as Record<string, { schema: { $ref: string } }>;
    expect(content['application/json']?.schema.$ref).toBe('#/components/schemas/Error');
  });

  // The vendor's Rate Limiting page: X-RateLimit-* on every answer; Retry-After only on a 429.
  it.each(operationIds.flatMap((op) => ['200', '429'].map((status) => [op, status] as const)))(
    '%s %s documents the X-RateLimit headers',
    (operationId, status) => {
      expect(headersOf(operationId, status)).toEqual(
        expect.arrayContaining(['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset']),
      );
      expect(headersOf(operationId, status).includes('Retry-After')).toBe(status === '429');
    },
  );

  it('types every documented error kind, and each 401 example is one of the 401 kinds', () => {
    const types = deref<{ enum: string[] }>({ $ref: '#/components/schemas/ErrorType' }, doc).enum;
    expect(types).toEqual([
      'UNAUTHORIZED',
      'SESSION_NOT_PROVIDED',
      'SESSION_EXPIRED',
      'RULES_OUTDATED',
      'FORBIDDEN',
      'BAD_REQUEST',
      'RESOURCE_NOT_FOUND',
      'ROUTE_NOT_FOUND',
      'RATE_LIMIT_EXCEEDED',
    ]);
    const unauthorized = deref<JsonObject>({ $ref: '#/components/responses/Unauthorized' }, doc);
    const examples =
      (
        unauthorized.content as Record<
          string,
          { examples: Record<string, { value: { type: string } }> }
        >
      )['application/json']?.examples ?? {};
    expect(Object.values(examples).map((e) => e.value.type)).toEqual([
      'UNAUTHORIZED',
      'SESSION_NOT_PROVIDED',
      'SESSION_EXPIRED',
      'RULES_OUTDATED',
    ]);
  });

  it('marks the list endpoint deprecated and names its successor', () => {
    const { operation } = getOperation('listMassMessages');
    expect(operation.deprecated).toBe(true);
    expect(String(operation.description)).toContain('listSentMassMessages');
  });

  it('serves the successor it names: GET …/sent, not deprecated, answering the purchased page', () => {
    const successor = getOperation('listSentMassMessages');
    expect(String(getOperation('listMassMessages').operation.description)).toContain(
      `\`${successor.method.toUpperCase()} ${successor.path}\``,
    );
    expect(successor.operation.deprecated).toBeUndefined();
    const ok = deref<JsonObject>(
      (successor.operation.responses as Record<string, unknown>)['200'],
      doc,
    );
    const purchased = deref<JsonObject>(
      (getOperation('listPurchasedMassMessages').operation.responses as Record<string, unknown>)[
        '200'
      ],
      doc,
    );
    // The SDK 3.0.0 response type is field for field the purchased endpoint's.
    expect(ok).toBe(purchased);
  });
});
