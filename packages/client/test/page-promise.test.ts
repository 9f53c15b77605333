// pagePromise on its own: awaited, it loads once; iterated, it runs its iterator; withResponse
// shares the one load.
import { describe, expect, it, vi } from 'vitest';
import { pagePromise } from '../src/page-promise.js';

/** An iterator of no items, for calls that are only awaited. */
async function* none(): AsyncGenerator<never> {}

function loader(page: { n: number }) {
  return vi.fn(async () => ({
    data: page,
    response: new Response(null),
    requestId: 'r1',
    rateLimit: null,
  }));
}

describe('pagePromise', () => {
  it('loads nothing until awaited, then once however often it is awaited', async () => {
    const page = { n: 1 };
    const load = loader(page);
    const call = pagePromise(load, none);
    expect(load).not.toHaveBeenCalled();
    expect(await call).toBe(page);
    expect(await call).toBe(page);
    expect((await call.withResponse()).requestId).toBe('r1');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('runs its iterator for `for await`, and loads no single page then', async () => {
    const load = loader({ n: 1 });
    async function* items() {
      yield 'a';
      yield 'b';
    }
    const seen: string[] = [];
    for await (const item of pagePromise(load, items)) seen.push(item);
    expect(seen).toEqual(['a', 'b']);
    expect(load).not.toHaveBeenCalled();
  });

  it('passes a rejection to then, catch and finally', async () => {
    const failure = new Error('down');
    const call = pagePromise(async () => {
      throw failure;
    }, none);
    const onFinally = vi.fn();
    await expect(call.finally(onFinally)).rejects.toBe(failure);
    expect(onFinally).toHaveBeenCalledOnce();
    expect(await call.catch((error: unknown) => error)).toBe(failure);
    expect(await call.then(undefined, (error: unknown) => error)).toBe(failure);
  });
});
