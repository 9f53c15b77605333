import { describe, expect, it } from 'vitest';
import { Pager } from '../src/pager';

async function* numbers(count: number, failAt?: number): AsyncGenerator<number> {
  for (let i = 1; i <= count; i += 1) {
    if (i === failAt) throw new Error(`failed at ${i}`);
    yield i;
  }
}

describe('Pager', () => {
  it.each([
    // [items, page size, expected pages]
    [
      5,
      2,
      [
        { items: [1, 2], hasMore: true },
        { items: [3, 4], hasMore: true },
        { items: [5], hasMore: false },
      ],
    ],
    [
      4,
      2,
      [
        { items: [1, 2], hasMore: true },
        { items: [3, 4], hasMore: false },
      ],
    ],
    [0, 3, [{ items: [], hasMore: false }]],
  ])('%i items in pages of %i', async (count, size, expected) => {
    const pager = new Pager(numbers(count));
    const pages = [];
    for (const _ of expected) pages.push(await pager.next(size));
    expect(pages).toEqual(expected);
  });

  it('shows the rows read before a failure, then reports it on the next page', async () => {
    const pager = new Pager(numbers(10, 3));
    expect(await pager.next(2)).toEqual({ items: [1, 2], hasMore: true });
    await expect(pager.next(2)).rejects.toThrow('failed at 3');
  });

  it('reports a failure on the first page', async () => {
    await expect(new Pager(numbers(10, 1)).next(2)).rejects.toThrow('failed at 1');
  });

  it.each([0, -1, 1.5])('rejects page size %d', async (size) => {
    await expect(new Pager(numbers(1)).next(size)).rejects.toThrow(
      `page size must be a positive integer, got ${size}`,
    );
  });

  it('close() ends the underlying iterator', async () => {
    const iterator = numbers(10);
    const pager = new Pager(iterator);
    await pager.next(1);
    await pager.close();
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });
});
