import { readDocument } from '@ofauth-mass-messages/spec/node';
// The record sets dataset and dynamic modes page through.
import { operations } from '@ofauth-mass-messages/spec/operations';
import { describe, expect, it, vi } from 'vitest';
import { createDataset } from '../../src/dataset/generate.js';
import { createRecordStore, filterCombinations, filtersOf } from '../../src/dataset/store.js';
import { readSpecData } from '../../src/spec/read.js';
import { BUYERS, withNewShapes } from '../helpers/fixtures.js';
import { LIST, PAGES, PURCHASED } from '../helpers/http.js';

const spec = readSpecData(readDocument());

describe('filtersOf / filterCombinations', () => {
  it('fills in defaults and leaves limit and offset out', () => {
    expect(filtersOf(LIST, { limit: 3, offset: 9 })).toEqual({ type: 'sent' });
    expect(filtersOf(LIST, { type: 'unsent' })).toEqual({ type: 'unsent' });
    expect(filtersOf(PURCHASED, { limit: 3 })).toEqual({});
  });

  it('lists every enum value of every filter', () => {
    const types = LIST.query.find((rule) => rule.name === 'type')?.enum ?? [];
    expect(filterCombinations(LIST)).toEqual(types.map((type) => ({ type })));
    expect(filterCombinations(PURCHASED)).toEqual([{}]);
  });
});

describe('createRecordStore', () => {
  it('serves the dataset in dataset mode', () => {
    const store = createRecordStore(spec, 'dataset', { massMessages: 20, purchased: 7 });
    const dataset = createDataset({ spec, seed: 2, massMessages: 20, purchased: 7 });
    expect(store.records(LIST, { type: 'unsent' }, 2)).toEqual(dataset.massMessages.unsent);
    expect(store.records(PURCHASED, {}, 2)).toEqual(dataset.purchased);
  });

  it.each(PAGES)(
    'generates $operationId from its schema in dynamic mode, 2 to 4 pages',
    (operation) => {
      const store = createRecordStore(spec, 'dynamic');
      const records = store.records(operation, filtersOf(operation, {}), 5);
      // A page without a documented default size: pages of ten.
      const pageSize = operation.pageSize?.default ?? 10;
      expect(records.length).toBeGreaterThanOrEqual(2 * pageSize);
      expect(records.length).toBeLessThanOrEqual(4 * pageSize);
      expect(store.records(operation, filtersOf(operation, {}), 5)).toBe(records);
      expect(
        createRecordStore(spec, 'dynamic').records(operation, filtersOf(operation, {}), 5),
      ).toEqual(records);
    },
  );

  it('sizes generated sets with dataset.generated', () => {
    const store = createRecordStore(spec, 'dynamic', { generated: 3 });
    expect(store.records(PURCHASED, {}, 1)).toHaveLength(3);
  });

  it('checks each set once when it is built, and warm() builds every filter value', () => {
    const check = vi.fn();
    const store = createRecordStore(spec, 'dataset', { massMessages: 9, purchased: 4 }, check);
    store.warm(1);
    const sets = operations.reduce((sum, op) => sum + filterCombinations(op).length, 0);
    expect(check).toHaveBeenCalledTimes(sets);
    store.records(LIST, { type: 'sent' }, 1);
    expect(check).toHaveBeenCalledTimes(sets);
  });
});

describe('createRecordStore over the new operation shapes', () => {
  const shapes = readSpecData(withNewShapes());

  it.each(['dataset', 'dynamic'] as const)(
    'warm() in %s mode builds and checks a set or object of every operation, a path-parameter one with a sample value',
    (mode) => {
      const checked: string[] = [];
      const store = createRecordStore(shapes, mode, { generated: 5 }, (operation) => {
        checked.push(operation.operationId);
      });
      store.warm(1);
      expect(new Set(checked)).toEqual(new Set(shapes.operations.map((op) => op.operationId)));
      const buyers = shapes.operations.find((op) => op.operationId === BUYERS.operationId);
      expect(buyers && filterCombinations(buyers)).toEqual([{ id: 1 }]);
    },
  );
});
