import { describe, expect, it } from 'vitest';
import { nextOffset, pageParams } from '../src/paging.js';

describe('nextOffset', () => {
  it.each([
    { case: 'a full page with more', hasMore: true, received: 20, last: 0, want: 20 },
    { case: 'a short page with more', hasMore: true, received: 7, last: 40, want: 47 },
    { case: 'from a starting offset', hasMore: true, received: 20, last: 3, want: 23 },
    { case: 'the last page', hasMore: false, received: 20, last: 20, want: undefined },
    { case: 'an empty last page', hasMore: false, received: 0, last: 100, want: undefined },
    // A server saying "more" on an empty page would have the query ask for the same offset forever.
    { case: 'an empty page claiming more', hasMore: true, received: 0, last: 60, want: undefined },
  ])('$case → $want', ({ hasMore, received, last, want }) => {
    expect(nextOffset(hasMore, received, last)).toBe(want);
  });
});

describe('pageParams', () => {
  it.each([
    {
      case: 'no limit: the maximum',
      params: { type: 'sent' },
      offset: 0,
      max: 20,
      want: { type: 'sent', limit: 20, offset: 0 },
    },
    {
      case: 'a chosen limit is kept',
      params: { limit: 7 },
      offset: 14,
      max: 100,
      want: { limit: 7, offset: 14 },
    },
    {
      case: 'the page offset replaces the starting one',
      params: { offset: 3 },
      offset: 23,
      max: 20,
      want: { limit: 20, offset: 23 },
    },
  ])('$case', ({ params, offset, max, want }) => {
    expect(pageParams(params, offset, max)).toEqual(want);
  });

  it('does not change the params it was given (they are part of the query key)', () => {
    const params = { limit: 5, offset: 0 };
    pageParams(params, 10, 20);
    expect(params).toEqual({ limit: 5, offset: 0 });
  });
});
