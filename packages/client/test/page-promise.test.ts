// apiPromise and pagePromise on their own: awaited, they load once; withResponse shares the one
// load; a pagePromise iterates pages with its own walk and items read off those pages.
import { describe, expect, it, vi } from 'vitest';
import { apiPromise } from '../src/api-promise.js';
import { toPage, walk } from '../src/page.js';
import { pagePromise } from '../src/page-promise.js';

function loader<T>(data: T) {
  return vi.fn(async () => ({
    data,
    response: new Response(null),
    requestId: 'r1',
    rateLimit: null,
  }));
}

/** Two linked pages, as the client makes them: ['a', 'b'] then ['c']. */
function twoPages() {
  const link = { signal: undefined, lookahead: false, where: '' };
  const second = { n: 2 };
  toPage(second, { ...link, items: ['c'], params: undefined, next: async () => ({}) });
  const first = { n: 1 };
  const next = vi.fn(async () => second);
  toPage(first, { ...link, items: ['a', 'b'], params: { offset: 2 }, next });
  return { first, second, next };
}

describe('apiPromise', () => {
  it('loads nothing until awaited, then once however often it is awaited', async () => {
    const body = { n: 1 };
    const load = loader(body);
    const call = apiPromise(load);
    expect(load).not.toHaveBeenCalled();
    expect(await call).toBe(body);
    expect(await call).toBe(body);
    expect((await call.withResponse()).requestId).toBe('r1');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('is not iterable', () => {
    expect(Symbol.asyncIterator in apiPromise(loader({}))).toBe(false);
  });

  it('passes a rejection to then, catch and finally', async () => {
    const failure = new Error('down');
    const call = apiPromise(async () => {
      throw failure;
    });
    const onFinally = vi.fn();
    await expect(call.finally(onFinally)).rejects.toBe(failure);
    expect(onFinally).toHaveBeenCalledOnce();
    expect(await call.catch((error: unknown) => error)).toBe(failure);
    expect(await call.then(undefined, (error: unknown) => error)).toBe(failure);
  });
});

describe('pagePromise', () => {
  it('iterates pages with its own walk, and never loads the awaited page then', async () => {
    const { first, second } = twoPages();
    const load = loader(first);
    const call = pagePromise(load, () => walk(async () => first, undefined, false));
    const pages: object[] = [];
    for await (const page of call.iterPages()) pages.push(page);
    expect(pages).toEqual([first, second]);
    expect(load).not.toHaveBeenCalled();
  });

  it('iterates the items of those pages, each page walked once', async () => {
    const { first, next } = twoPages();
    const call = pagePromise(loader(first), () => walk(async () => first, undefined, false));
    const items: unknown[] = [];
    for await (const item of call) items.push(item);
    expect(items).toEqual(['a', 'b', 'c']);
    expect(next).toHaveBeenCalledTimes(1);
  });
});
