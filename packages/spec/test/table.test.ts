// The operations table: what it derives from the bundle, the shapes of operation it serves
// however the document spells them, and that an operation the toolkit cannot serve fails by name.
import { describe, expect, it } from 'vitest';
import { operations as built } from '../dist/operations.js';
import {
  buildOperations,
  type JsonObject,
  type Operation,
  UnsupportedOperationError,
} from '../src/index.js';
import { readDocument } from '../src/node.js';

const doc = readDocument();
const find = (table: Operation[], id: string) => table.find((op) => op.operationId === id);

/** A copy of the bundle with `edit` applied to the listMassMessages operation. */
function withEdit(edit: (operation: JsonObject, item: JsonObject, copy: JsonObject) => void) {
  const copy = structuredClone(doc) as JsonObject & { paths: Record<string, JsonObject> };
  const item = copy.paths['/v2/access/mass-messages'] as JsonObject;
  edit(item.get as JsonObject, item, copy);
  return copy;
}

/** A document whose one operation is GET `path` with these parameters and this 200 schema. */
function oneOperation(path: string, parameters: unknown[], schema: unknown, more: JsonObject = {}) {
  return {
    ...structuredClone(doc),
    paths: {
      [path]: {
        get: {
          operationId: 'probe',
          parameters,
          responses: { 200: { description: 'ok', content: { 'application/json': { schema } } } },
          ...more,
        },
      },
    },
  };
}

const pageOf = (items: unknown) => ({
  type: 'object',
  required: ['items', 'hasMore'],
  properties: { items: { type: 'array', items }, hasMore: { type: 'boolean' } },
});
const limit = { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 50 } };
const offset = { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0 } };
const item = { $ref: '#/components/schemas/MassMessage' };

describe('the operations table of the bundle', () => {
  const table = buildOperations(doc);

  it('is what the build wrote to dist/operations.js', () => {
    expect(JSON.parse(JSON.stringify(built))).toEqual(JSON.parse(JSON.stringify(table)));
  });

  it('reads a page operation: its item array, paging, page size and schemas', () => {
    expect(find(table, 'listMassMessages')).toMatchObject({
      kind: 'page',
      method: 'GET',
      path: '/v2/access/mass-messages',
      itemsField: 'list',
      paging: 'offset',
      pageSize: { minimum: 1, maximum: 20, default: 10 },
      pageSchema: 'MassMessagesPage',
      itemSchema: 'MassMessage',
      pathParams: [],
    });
  });

  it('states each rule as messages will', () => {
    const rules = find(table, 'listMassMessages')?.query.map((r) => [r.name, r.allowed]);
    expect(Object.fromEntries(rules ?? [])).toEqual({
      limit: 'an integer from 1 to 20',
      offset: 'an integer >= 0 (or null)',
      type: 'one of "sent", "unsent", "scheduled"',
    });
  });

  it('reads the security headers from the document', () => {
    expect(find(table, 'listPurchasedMassMessages')?.security).toEqual([
      { scheme: 'apiKey', header: 'apiKey' },
      { scheme: 'connectionId', header: 'x-connection-id' },
    ]);
  });

  it('lists every documented status with its named examples, 2xx first', () => {
    const responses = find(table, 'listPurchasedMassMessages')?.responses ?? [];
    expect(responses[0]).toMatchObject({
      status: 200,
      examples: ['firstPage', 'lastPage', 'emptyPage'],
    });
    expect(responses.map((r) => r.status)).toEqual(
      [...responses.map((r) => r.status)].sort((a, b) => a - b),
    );
  });
});

describe('one operation, however the document spells it', () => {
  const named = buildOperations(oneOperation('/x', [limit, offset], pageOf(item)))[0];

  it.each<[string, unknown, unknown[]]>([
    ['the page inline instead of a $ref', pageOf(item), [limit, offset]],
    [
      'the page as an allOf of a shared part and its array',
      {
        allOf: [
          { type: 'object', required: ['hasMore'], properties: { hasMore: { type: 'boolean' } } },
          {
            type: 'object',
            required: ['items'],
            properties: { items: { type: 'array', items: item } },
          },
        ],
      },
      [limit, offset],
    ],
    [
      'parameters behind $refs',
      pageOf(item),
      [{ $ref: '#/components/parameters/Offset' }, limit].reverse(),
    ],
  ])('%s', (_, schema, parameters) => {
    const op = buildOperations(oneOperation('/x', parameters, schema))[0];
    expect(op).toMatchObject({
      kind: 'page',
      itemsField: 'items',
      paging: 'offset',
      itemSchema: 'MassMessage',
    });
    expect(op?.kind === 'page' && op.pageSize).toEqual(named?.kind === 'page' && named.pageSize);
  });

  it('reads path-level parameters, the operation overriding one of the same name', () => {
    const copy = oneOperation('/x', [limit], pageOf(item));
    (copy.paths['/x'] as JsonObject).parameters = [
      offset,
      { ...limit, schema: { type: 'integer', maximum: 5 } },
    ];
    const op = buildOperations(copy)[0];
    expect(op?.query.map((r) => `${r.name} ${r.allowed}`)).toEqual([
      'offset an integer >= 0',
      'limit an integer from 1 to 50',
    ]);
  });
});

describe('the shapes of operation the toolkit serves', () => {
  it('a path parameter: required, checked, in template order', () => {
    const op = buildOperations(
      oneOperation(
        '/v2/access/analytics/mass-messages/{massMessageId}/buyers',
        [
          {
            name: 'massMessageId',
            in: 'path',
            required: true,
            schema: { type: 'integer', minimum: 1 },
          },
          limit,
          offset,
        ],
        pageOf(item),
      ),
    )[0];
    expect(op?.pathParams).toEqual([
      expect.objectContaining({
        name: 'massMessageId',
        in: 'path',
        required: true,
        allowed: 'an integer >= 1',
      }),
    ]);
    expect(op?.query.map((r) => r.name)).toEqual(['limit', 'offset']);
  });

  it('a GET whose 200 is one object', () => {
    const chart = {
      type: 'object',
      required: ['total'],
      properties: {
        total: { type: 'number' },
        chart: { type: 'array', items: { type: 'object' } },
      },
    };
    const op = buildOperations(oneOperation('/chart', [], chart))[0];
    expect(op).toMatchObject({ kind: 'object' });
    expect(op).not.toHaveProperty('itemsField');
  });

  it('a list without offset: one page per call', () => {
    const op = buildOperations(
      oneOperation('/sent', [{ ...limit, schema: { type: 'integer', minimum: 1 } }], pageOf(item)),
    )[0];
    expect(op).toMatchObject({ kind: 'page', paging: 'none', pageSize: { minimum: 1 } });
  });

  it.each<[string, JsonObject, string]>([
    [
      'a date-time',
      { type: 'string', format: 'date-time' },
      'a date-time such as "2026-02-01T00:00:00Z"',
    ],
    ['a date', { type: 'string', format: 'date' }, 'a date such as "2026-02-01"'],
    ['a boolean', { type: 'boolean' }, 'true or false'],
    ['an enum without type', { enum: [1, 2] }, 'one of 1, 2'],
    ['an int64 integer', { type: 'integer', format: 'int64', minimum: 0 }, 'an integer >= 0'],
    [
      'a bounded string',
      { type: 'string', maxLength: 8, pattern: '^[a-z]+$' },
      'a string of at most 8 characters matching /^[a-z]+$/',
    ],
  ])('%s query parameter', (_, schema, allowed) => {
    const op = buildOperations(
      oneOperation('/x', [{ name: 'q', in: 'query', schema }], pageOf(item)),
    )[0];
    expect(op?.query[0]?.allowed).toBe(allowed);
  });

  it('a deprecated operation', () => {
    const op = buildOperations(oneOperation('/x', [], pageOf(item), { deprecated: true }))[0];
    expect(op?.deprecated).toBe(true);
  });
});

describe('operations the toolkit cannot serve fail the build by name', () => {
  it.each<[string, (operation: JsonObject, item: JsonObject, copy: JsonObject) => void, RegExp]>([
    [
      'a POST',
      (op, item) => {
        item.post = { ...op, operationId: 'createMassMessage' };
      },
      /createMassMessage \(POST \/v2\/access\/mass-messages\): it is a POST/,
    ],
    [
      'no operationId',
      (op) => void delete op.operationId,
      /an operation without operationId \(GET .*\): it needs an operationId/,
    ],
    [
      'a header parameter',
      (op) =>
        void (op.parameters as JsonObject[]).push({
          name: 'X-Trace',
          in: 'header',
          schema: { type: 'string' },
        }),
      /listMassMessages .*header parameter "X-Trace"/,
    ],
    [
      'a path parameter the path does not name',
      (op) =>
        void (op.parameters as JsonObject[]).push({
          name: 'id',
          in: 'path',
          required: true,
          schema: { type: 'string' },
        }),
      /path parameter "id" is not in the path/,
    ],
    [
      'a templated path without its parameter',
      (op, item, copy) => {
        const paths = copy.paths as JsonObject;
        paths['/v2/access/mass-messages/{id}'] = item;
        delete paths['/v2/access/mass-messages'];
        void op;
      },
      /its path names \{id\}, which no path parameter describes/,
    ],
    [
      'an array parameter',
      (op) =>
        void (op.parameters as JsonObject[]).push({
          name: 'ids',
          in: 'query',
          schema: { type: 'array', items: { type: 'integer' } },
        }),
      /query parameter "ids" has type "array"/,
    ],
    [
      'a format no check knows',
      (op) =>
        void (op.parameters as JsonObject[]).push({
          name: 'u',
          in: 'query',
          schema: { type: 'string', format: 'uri' },
        }),
      /query parameter "u" has format "uri"/,
    ],
    [
      'a keyword no check covers',
      (op) =>
        void (op.parameters as JsonObject[]).push({
          name: 'q',
          in: 'query',
          schema: { type: 'string', multipleOf: 2 },
        }),
      /query parameter "q" uses multipleOf, which no check covers/,
    ],
    [
      'offset without a bounded limit',
      (op) => {
        op.parameters = (op.parameters as JsonObject[]).filter((p) => p.name !== 'limit');
      },
      /it has "offset" but is not paged by/,
    ],
    [
      'a body that is an array',
      (op) => {
        (op.responses as JsonObject)['200'] = {
          description: 'many',
          content: { 'application/json': { schema: { type: 'array', items: {} } } },
        };
      },
      /its 200 body is array, not an object/,
    ],
    [
      'a page with two arrays',
      (op) => {
        (op.responses as JsonObject)['200'] = {
          description: 'two',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['a', 'b', 'hasMore'],
                properties: {
                  a: { type: 'array' },
                  b: { type: 'array' },
                  hasMore: { type: 'boolean' },
                },
              },
            },
          },
        };
      },
      /has "hasMore" but is not a page: .*found 2 arrays/,
    ],
    [
      'no JSON 200',
      (op) => void delete (op.responses as JsonObject)['200'],
      /it documents no 200 JSON body/,
    ],
    [
      'a request body',
      (op) => {
        op.requestBody = { content: {} };
      },
      /it has a request body/,
    ],
    [
      'security alternatives',
      (op) => {
        op.security = [{ apiKey: [] }, { connectionId: [] }];
      },
      /its security offers alternatives/,
    ],
  ])('%s', (_, edit, message) => {
    const run = () => buildOperations(withEdit(edit));
    expect(run).toThrow(UnsupportedOperationError);
    expect(run).toThrow(message);
    expect(run).toThrow(/Supported: GET operations/);
  });
});
