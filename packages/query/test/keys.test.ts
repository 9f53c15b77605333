import { partialMatchKey } from '@tanstack/query-core';
import { describe, expect, it } from 'vitest';
import { infiniteKey, operationKey, pageKey, queryKeyRoot } from '../src/keys.js';

describe('query keys', () => {
  it.each([
    {
      name: 'operation',
      key: operationKey('listMassMessages'),
      want: ['ofauth', 'listMassMessages'],
    },
    {
      name: 'page',
      key: pageKey('listMassMessages', { type: 'sent', limit: 5 }),
      want: ['ofauth', 'listMassMessages', { type: 'sent', limit: 5 }],
    },
    {
      name: 'infinite',
      key: infiniteKey('listPurchasedMassMessages', {}),
      want: ['ofauth', 'listPurchasedMassMessages', {}, 'infinite'],
    },
  ])('the $name key is the root, the operation, then its parameters', ({ key, want }) => {
    expect(key).toEqual(want);
    expect(key[0]).toBe(queryKeyRoot);
  });

  // What `invalidateQueries({ queryKey: prefix })` matches is TanStack's partialMatchKey.
  const page = pageKey('listMassMessages', { type: 'sent', limit: 5 });
  const infinite = infiniteKey('listMassMessages', { type: 'sent', limit: 5 });
  const other = pageKey('listPurchasedMassMessages', { limit: 5 });
  it.each([
    { prefix: [queryKeyRoot], matches: [page, infinite, other], misses: [] },
    { prefix: operationKey('listMassMessages'), matches: [page, infinite], misses: [other] },
    {
      prefix: pageKey('listMassMessages', { type: 'sent' }),
      matches: [page, infinite],
      misses: [other, pageKey('listMassMessages', { type: 'unsent', limit: 5 })],
    },
    { prefix: page, matches: [page, infinite], misses: [other] },
  ])('the prefix $prefix matches its family and nothing else', ({ prefix, matches, misses }) => {
    for (const key of matches) expect(partialMatchKey(key, prefix)).toBe(true);
    for (const key of misses) expect(partialMatchKey(key, prefix)).toBe(false);
  });

  it('never gives a page and an infinite query of the same parameters the same key', () => {
    expect(pageKey('listMassMessages', {})).not.toEqual(infiniteKey('listMassMessages', {}));
  });
});
