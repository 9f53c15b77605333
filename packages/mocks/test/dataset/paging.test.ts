import { describe, expect, it } from 'vitest';
import { pageOf } from '../../src/dataset/paging.js';

const records = Array.from({ length: 25 }, (_, i) => i);

describe('pageOf', () => {
  it.each([
    [10, 0, [0, 9], true],
    [10, 10, [10, 19], true],
    [10, 20, [20, 24], false],
    [5, 20, [20, 24], false],
    [25, 0, [0, 24], false],
    [20, 24, [24, 24], false],
    [10, 25, null, false],
    [10, 1000, null, false],
  ])('limit %i offset %i → %j, hasMore %s', (limit, offset, range, hasMore) => {
    const page = pageOf(records, limit, offset);
    const [first = 0, last = -1] = range ?? [];
    const expected = records.slice(first, last + 1);
    expect(page).toEqual({ items: expected, hasMore });
  });

  it('walks every record exactly once', () => {
    const seen: number[] = [];
    let offset = 0;
    for (;;) {
      const page = pageOf(records, 7, offset);
      seen.push(...page.items);
      offset += page.items.length;
      if (!page.hasMore) break;
    }
    expect(seen).toEqual(records);
  });
});
