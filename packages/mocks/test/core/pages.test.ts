// The 200 page by mode: slices of the record set (joined from pre-serialized records), or the
// spec's examples in sequence.
import { describe, expect, it } from 'vitest';
import { resolveMockOptions } from '../../src/core/options.js';
import { createPager } from '../../src/core/pages.js';
import { createRecordStore, filtersOf } from '../../src/dataset/store.js';
import { spec } from '../helpers/core.js';
import { PAGES } from '../helpers/http.js';

describe.each(['dataset', 'dynamic'] as const)('createPager in %s mode', (mode) => {
  const pager = createPager(spec, resolveMockOptions({ mode, seed: 6 }));
  const store = createRecordStore(spec, mode);

  it.each(PAGES)('pages $operationId as slices of its records', (operation) => {
    const records = store.records(operation, filtersOf(operation, {}), 6);
    const cases = [
      [0, 3],
      [3, 3],
      [records.length - 2, 5],
      [records.length, 5],
    ] as const;
    for (const [offset, limit] of cases) {
      const answer = pager.answer(operation, { offset, limit }, {}, {});
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body ?? '')).toEqual({
        [operation.itemsField]: records.slice(offset, offset + limit),
        hasMore: offset + limit < records.length,
      });
    }
  });

  it('pages another seed for Prefer: seed=', () => {
    const [operation] = PAGES;
    if (!operation) throw new Error('the spec has no page operation');
    const other = createRecordStore(spec, mode).records(operation, filtersOf(operation, {}), 7);
    const answer = pager.answer(operation, { limit: 2 }, {}, { seed: 7 });
    expect(JSON.parse(answer.body ?? '')[operation.itemsField]).toEqual(other.slice(0, 2));
  });
});

describe('createPager in examples mode', () => {
  it.each(PAGES)("serves $operationId's firstPage at offset 0", (operation) => {
    const pager = createPager(spec, resolveMockOptions({ mode: 'examples' }));
    const answer = pager.answer(operation, {}, {}, {});
    expect(JSON.parse(answer.body ?? '')).toEqual(
      spec.responses[operation.operationId]?.['200']?.examples.firstPage,
    );
  });
});
