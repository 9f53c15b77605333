// The checks read every per-operation fact from the spec's table; these pin what they read and
// show that a copy of the bundle with another operation gives a table that has it.
import { buildOperations } from '@ofauth-mass-messages/spec';
import { readDocument } from '@ofauth-mass-messages/spec/node';

const loadOperations = () => buildOperations(readDocument());

import { describe, expect, it } from 'vitest';
import {
  choices,
  contractSpec,
  dateRange,
  filterRules,
  firstOffset,
  itemsOf,
  operationAt,
  pathValues,
} from '../src/spec.js';
import { everyShapeSpec } from './fixtures/every-shape.js';
import { THIRD, thirdOperationSpec } from './fixtures/third-operation.js';

const spec = contractSpec();
const byId = (id: string) => spec.operations.find((op) => op.operationId === id);

describe('contractSpec', () => {
  it('is the bundle table, made once', () => {
    expect(contractSpec()).toBe(spec);
    expect(spec.operations).toEqual(loadOperations());
    expect(spec.operations.map((op) => op.operationId)).toEqual(
      expect.arrayContaining(['listMassMessages', 'listPurchasedMassMessages']),
    );
  });

  it('over a copy with a third operation, has it and validates its bodies', () => {
    const third = thirdOperationSpec();
    expect(third.operations.map((op) => op.operationId)).toEqual([
      ...spec.operations.map((op) => op.operationId),
      THIRD.operationId,
    ]);
    expect(
      third.validator.validateResponse(THIRD.operationId, 200, { items: [], hasMore: false }).valid,
    ).toBe(true);
    expect(
      third.validator.validateResponse(THIRD.operationId, 200, { items: [], hasMore: 'no' }).valid,
    ).toBe(false);
  });
});

describe('table helpers', () => {
  it('finds an operation by its path, and nothing at another', () => {
    expect(operationAt(spec, '/v2/access/analytics/mass-messages/purchased')?.operationId).toBe(
      'listPurchasedMassMessages',
    );
    expect(operationAt(spec, '/v2/access/mass-messages/')).toBeUndefined();
  });

  it.each([
    ['listMassMessages', ['type'], 0],
    ['listPurchasedMassMessages', [], 0],
  ])('%s filters by %j and starts at offset %i', (id, filters, offset) => {
    const operation = byId(id);
    if (!operation) throw new Error(`no ${id}`);
    expect(filterRules(operation).map((r) => r.name)).toEqual(filters);
    expect(firstOffset(operation)).toBe(offset);
  });

  it('reads the item array of a page by the operation, empty when absent', () => {
    const operation = byId('listPurchasedMassMessages');
    if (!operation) throw new Error('no listPurchasedMassMessages');
    expect(itemsOf(operation, { items: [1, 2], hasMore: false })).toEqual([1, 2]);
    expect(itemsOf(operation, { list: [1], hasMore: false })).toEqual([]);
    expect(itemsOf(operation, null)).toEqual([]);
  });
});

describe('helpers of every kind (the client’s fixture of every shape)', () => {
  const shape = (id: string) => {
    const operation = everyShapeSpec.operations.find((op) => op.operationId === id);
    if (!operation) throw new Error(`no ${id}`);
    return operation;
  };

  it('finds an operation by a path its template matches, the value encoded', () => {
    expect(operationAt(everyShapeSpec, '/v2/fixtures/a%20b/buyers')?.operationId).toBe(
      'listFixtureBuyers',
    );
    expect(operationAt(everyShapeSpec, '/v2/fixtures//buyers')).toBeUndefined();
  });

  it('sends both values of a boolean and every value of an enum, one at a time', () => {
    const [withTotal] = filterRules(shape('getFixtureChart')).filter((r) => r.type === 'boolean');
    expect(choices(withTotal ?? ({} as never))).toEqual([true, false]);
    const [type] = filterRules(byId('listMassMessages') ?? ({} as never));
    expect(choices(type ?? ({} as never))).toEqual(['sent', 'unsent', 'scheduled']);
  });

  it('gives a date range of each format, earliest first', () => {
    expect(dateRange(shape('listFixtureSent'))).toEqual({
      startDate: '2026-10-01T00:00:00Z',
      endDate: '2026-10-31T23:59:59Z',
    });
    expect(dateRange(shape('getFixtureChart'))).toEqual({
      startDate: '2026-10-01',
      endDate: '2026-10-31',
    });
    expect(dateRange(shape('listFixtureBuyers'))).toEqual({});
  });

  it('gives path values the rule accepts, one needing percent-encoding on request', () => {
    const buyers = shape('listFixtureBuyers');
    expect(pathValues(buyers)).toEqual({ massMessageId: '2954107733' });
    const { massMessageId } = pathValues(buyers, { encoded: true });
    expect(encodeURIComponent(String(massMessageId))).not.toBe(massMessageId);
    expect(pathValues(shape('getFixtureChart'))).toEqual({});
  });

  it('names a path parameter no sample value meets', () => {
    const buyers = shape('listFixtureBuyers');
    const strict = {
      ...buyers,
      pathParams: buyers.pathParams.map((rule) => ({ ...rule, pattern: '^zz$' })),
    };
    expect(() => pathValues(strict)).toThrow(
      'listFixtureBuyers: no sample value of path parameter massMessageId meets its rule',
    );
  });
});
