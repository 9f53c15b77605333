// The operations table: what it derives from the bundle, and that an operation the toolkit
// cannot serve fails by name instead of being left out.
import { describe, expect, it } from 'vitest';
import { operations as built } from '../dist/operations.js';
import { findOperation, loadOperations, loadSpec } from '../src/document.js';
import { buildOperations, type JsonObject, UnsupportedOperationError } from '../src/index.js';

const doc = loadSpec();

/** A copy of the bundle with `edit` applied to the listMassMessages operation. */
function withEdit(edit: (operation: JsonObject, item: JsonObject) => void): JsonObject {
  const copy = structuredClone(doc);
  const item = copy.paths['/v2/access/mass-messages'] as JsonObject;
  edit(item.get as JsonObject, item);
  return copy;
}

describe('the operations table', () => {
  it.each([
    ['listMassMessages', '/v2/access/mass-messages', 'list', 'MassMessage', 20, 10],
    [
      'listPurchasedMassMessages',
      '/v2/access/analytics/mass-messages/purchased',
      'items',
      'PurchasedMassMessage',
      100,
      20,
    ],
  ])(
    '%s: GET %s, items in "%s" of %s, pages up to %i (default %i)',
    (id, path, field, item, max, dflt) => {
      const op = findOperation(id);
      expect(op).toMatchObject({ method: 'GET', path, itemsField: field, itemSchema: item });
      expect(op.pageSize).toEqual({ minimum: 1, maximum: max, default: dflt });
    },
  );

  it('states each rule as messages will', () => {
    const rules = Object.fromEntries(
      findOperation('listMassMessages').query.map((r) => [r.name, r.allowed]),
    );
    expect(rules).toEqual({
      limit: 'an integer from 1 to 20',
      offset: 'an integer >= 0 (or null)',
      type: 'one of "sent", "unsent", "scheduled"',
    });
  });

  it('lists every documented status with its named examples and headers', () => {
    const responses = findOperation('listPurchasedMassMessages').responses;
    expect(responses.map((r) => r.status)).toEqual([200, 400, 401, 403, 404, 429, 500]);
    expect(responses[0]?.examples).toEqual(['firstPage', 'lastPage', 'emptyPage']);
    expect(responses.find((r) => r.status === 429)?.headers).toEqual(['retry-after']);
  });

  it('is what the build wrote to dist/operations.js', () => {
    expect(JSON.parse(JSON.stringify(built))).toEqual(JSON.parse(JSON.stringify(loadOperations())));
  });

  it('takes a new paged GET operation without any other edit', () => {
    const copy = structuredClone(doc);
    const list = (copy.paths['/v2/access/mass-messages'] as JsonObject).get as JsonObject;
    copy.paths['/v2/access/mass-messages/top'] = {
      get: { ...structuredClone(list), operationId: 'listTopMassMessages' },
    };
    expect(buildOperations(copy).map((op) => op.operationId)).toEqual([
      'listMassMessages',
      'listPurchasedMassMessages',
      'listTopMassMessages',
    ]);
  });
});

describe('operations the toolkit cannot serve fail the build by name', () => {
  it.each<[string, (operation: JsonObject, item: JsonObject) => void, RegExp]>([
    [
      'a POST',
      (op, item) => {
        item.post = { ...op, operationId: 'createMassMessage' };
      },
      /createMassMessage \(POST \/v2\/access\/mass-messages\): it is a POST/,
    ],
    [
      'no operationId',
      (op) => {
        delete op.operationId;
      },
      /an operation without operationId \(GET .*\): it needs an operationId/,
    ],
    [
      'a path parameter',
      (op) => {
        (op.parameters as JsonObject[]).push({
          name: 'id',
          in: 'path',
          required: true,
          schema: { type: 'string' },
        });
      },
      /listMassMessages .*path parameter "id"/,
    ],
    [
      'no limit',
      (op) => {
        op.parameters = (op.parameters as JsonObject[]).filter((p) => p.name !== 'limit');
      },
      /listMassMessages .*not paged by/,
    ],
    [
      'a body that is not a page',
      (op) => {
        (op.responses as JsonObject)['200'] = {
          description: 'one',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/MassMessage' } } },
        };
      },
      /listMassMessages .*its 200 body is not a page/,
    ],
    [
      'a pattern no check covers',
      (op) => {
        (op.parameters as JsonObject[]).push({
          name: 'q',
          in: 'query',
          schema: { type: 'string', pattern: '^a' },
        });
      },
      /query parameter "q" uses pattern/,
    ],
  ])('%s', (_, edit, message) => {
    const run = () => buildOperations(withEdit(edit));
    expect(run).toThrow(UnsupportedOperationError);
    expect(run).toThrow(message);
    expect(run).toThrow(/Supported: a GET/);
  });
});
