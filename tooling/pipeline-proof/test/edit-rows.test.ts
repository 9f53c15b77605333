// The inline-page row's comparison: where two answers first differ, so a finding names the field.
import { describe, expect, it } from 'vitest';
import { firstDifference } from '../src/edit-rows.js';

describe('firstDifference', () => {
  it.each<[string, unknown, unknown, string | undefined]>([
    [
      'equal values',
      { items: [{ id: 1 }], hasMore: false },
      { items: [{ id: 1 }], hasMore: false },
      undefined,
    ],
    [
      'a field of an item',
      { items: [{ id: 1 }, { id: 2 }] },
      { items: [{ id: 1 }, { id: 3 }] },
      '$.items[1].id',
    ],
    ['a field only one side has', { a: 1 }, { a: 1, b: 2 }, '$.b'],
    ['an array against an object', { a: [] }, { a: {} }, '$.a'],
    ['null against an object', null, {}, '$'],
  ])('%s', (_, a, b, expected) => {
    expect(firstDifference(a, b)).toBe(expected);
  });
});
