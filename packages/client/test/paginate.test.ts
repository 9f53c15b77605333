// `for await` over a list call: offset pagination over both operations, where it starts and how
// large its pages are, its stopping rules, maxItems, look-ahead, and cancellation.
import { describe, expect, it } from 'vitest';
import { createClient } from '../src/client.js';
import { APIUserAbortError, NotFoundError } from '../src/errors.js';
import { fakeFetch, json, massPage, purchasedPage, type Reply } from './helpers/fake-fetch.js';

function clientFor(...replies: Reply[]) {
  const fetch = fakeFetch(...replies);
  const client = createClient({ apiKey: 'sk_paginate', connectionId: 'c', fetch, maxRetries: 0 });
  return { fetch, client };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** `limit@offset` of every request. */
function requests(fetch: ReturnType<typeof fakeFetch>): string[] {
  return fetch.seen.map(
    (s) => `${s.url.searchParams.get('limit')}@${s.url.searchParams.get('offset')}`,
  );
}

describe('for await over listMassMessages', () => {
  it('pages with the operation’s maximum (20) from offset 0 until hasMore is false', async () => {
    const { fetch, client } = clientFor(json(massPage(1, 20, true)), json(massPage(21, 5, false)));
    const ids = (await collect(client.listMassMessages())).map((m) => m.id);
    expect(ids).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(requests(fetch)).toEqual(['20@0', '20@20']);
  });

  it('pages with the call’s limit, from the call’s offset', async () => {
    const { fetch, client } = clientFor(json(massPage(41, 5, true)), json(massPage(46, 2, false)));
    const ids = (await collect(client.listMassMessages({ limit: 5, offset: 40 }))).map((m) => m.id);
    expect(ids).toEqual([41, 42, 43, 44, 45, 46, 47]);
    expect(requests(fetch)).toEqual(['5@40', '5@45']);
  });

  it('sends the type filter with every page', async () => {
    const { fetch, client } = clientFor(json(massPage(1, 2, true)), json(massPage(3, 1, false)));
    await collect(client.listMassMessages({ type: 'unsent', limit: 2 }));
    expect(fetch.seen.map((s) => s.url.searchParams.get('type'))).toEqual(['unsent', 'unsent']);
  });

  it('stops on an empty page even if it claims more (never loops forever)', async () => {
    const { fetch, client } = clientFor(
      json(massPage(1, 3, true)),
      json(massPage(4, 0, true)),
      json(massPage(4, 3, true)),
    );
    expect(await collect(client.listMassMessages({ limit: 3 }))).toHaveLength(3);
    expect(fetch.seen).toHaveLength(2);
  });

  it('advances the offset by the items received, not by the page size asked', async () => {
    const { fetch, client } = clientFor(json(massPage(1, 7, true)), json(massPage(8, 2, false)));
    await collect(client.listMassMessages({ limit: 10 }));
    expect(requests(fetch)).toEqual(['10@0', '10@7']);
  });

  it('stops at maxItems, asking the last page only for what is left', async () => {
    const { fetch, client } = clientFor(
      json(massPage(1, 10, true)),
      json(massPage(11, 10, true)),
      json(massPage(21, 5, true)),
    );
    const ids = (await collect(client.listMassMessages({ limit: 10 }, { maxItems: 25 }))).map(
      (m) => m.id,
    );
    expect(ids).toHaveLength(25);
    expect(ids.at(-1)).toBe(25);
    expect(requests(fetch)).toEqual(['10@0', '10@10', '5@20']);
  });

  it('refuses a page with more items than maxItems asked for, rather than cutting it', async () => {
    // maxItems 3 asks for limit=3: a server answering 20 is not keeping to the request (issue 18).
    const { fetch, client } = clientFor(json(massPage(1, 20, true)));
    await expect(collect(client.listMassMessages({}, { maxItems: 3 }))).rejects.toThrow(
      expect.objectContaining({
        name: 'InvalidResponseError',
        message: expect.stringContaining(
          'answered with 20 items in "list", more than the 3 asked for',
        ),
      }),
    );
    expect(fetch.seen[0]?.url.searchParams.get('limit')).toBe('3');
  });

  it('sends nothing for maxItems 0', async () => {
    const { fetch, client } = clientFor();
    expect(await collect(client.listMassMessages({}, { maxItems: 0 }))).toEqual([]);
    expect(fetch.seen).toHaveLength(0);
  });

  it('throws an error of a later page after yielding the pages before it', async () => {
    const { client } = clientFor(json(massPage(1, 2, true)), json({ message: 'gone' }, 404));
    const seen: number[] = [];
    await expect(async () => {
      for await (const m of client.listMassMessages({ limit: 2 })) seen.push(m.id);
    }).rejects.toThrow(NotFoundError);
    expect(seen).toEqual([1, 2]);
  });
});

describe('for await over listPurchasedMassMessages', () => {
  it('pages with the operation’s maximum (100) until hasMore is false', async () => {
    const { fetch, client } = clientFor(
      json(purchasedPage(1, 100, true)),
      json(purchasedPage(101, 1, false)),
    );
    const ids = (await collect(client.listPurchasedMassMessages())).map((m) => m.id);
    expect(ids).toHaveLength(101);
    expect(ids.at(-1)).toBe(101);
    expect(requests(fetch)).toEqual(['100@0', '100@100']);
    expect(fetch.seen[0]?.url.pathname).toBe('/v2/access/analytics/mass-messages/purchased');
  });
});

describe('arguments, refused when the loop starts (nothing sent)', () => {
  it.each([
    [
      'listMassMessages',
      { limit: 21 },
      {},
      'listMassMessages: limit must be an integer from 1 to 20, got 21',
    ],
    [
      'listPurchasedMassMessages',
      { limit: 101 },
      {},
      'listPurchasedMassMessages: limit must be an integer from 1 to 100, got 101',
    ],
    [
      'listMassMessages',
      { offset: -1 },
      {},
      'listMassMessages: offset must be an integer >= 0 (or null), got -1',
    ],
    [
      'listMassMessages',
      {},
      { maxItems: -1 },
      'listMassMessages: maxItems must be an integer >= 0, got -1',
    ],
    [
      'listPurchasedMassMessages',
      {},
      { maxItems: 1.5 },
      'listPurchasedMassMessages: maxItems must be an integer >= 0, got 1.5',
    ],
    [
      'listMassMessages',
      {},
      { lookahead: 'yes' },
      'listMassMessages: lookahead must be true or false, got "yes"',
    ],
    [
      'listMassMessages',
      { type: 'draft' },
      {},
      'listMassMessages: type must be one of "sent", "unsent", "scheduled", got "draft"',
    ],
    [
      'listMassMessages',
      { pageSize: 5 },
      {},
      'listMassMessages: pageSize must be left out (known: limit, offset, type)',
    ],
  ] as const)('%s(%j, %j)', async (method, params, options, message) => {
    const { fetch, client } = clientFor();
    const call: AsyncIterable<unknown> = client[method](params as never, options as never);
    await expect(collect(call)).rejects.toThrow(
      expect.objectContaining({ name: 'InvalidArgumentError', message }),
    );
    expect(fetch.seen).toHaveLength(0);
  });
});

describe('lookahead', () => {
  it('requests the next page while the caller is still on the current one', async () => {
    const { fetch, client } = clientFor(json(massPage(1, 2, true)), json(massPage(3, 2, false)));
    const iterator = client
      .listMassMessages({ limit: 2 }, { lookahead: true })
      [Symbol.asyncIterator]();
    expect((await iterator.next()).value?.id).toBe(1);
    expect(fetch.seen).toHaveLength(2);
    expect((await collect({ [Symbol.asyncIterator]: () => iterator })).map((m) => m.id)).toEqual([
      2, 3, 4,
    ]);
  });

  it('does not, without lookahead', async () => {
    const { fetch, client } = clientFor(json(massPage(1, 2, true)), json(massPage(3, 2, false)));
    const iterator = client.listMassMessages({ limit: 2 })[Symbol.asyncIterator]();
    await iterator.next();
    await iterator.next();
    expect(fetch.seen).toHaveLength(1);
    await iterator.next();
    expect(fetch.seen).toHaveLength(2);
  });

  it('cancels the look-ahead request when the caller stops early', async () => {
    const { fetch, client } = clientFor(json(purchasedPage(1, 2, true)), 'hang');
    const seen: number[] = [];
    for await (const m of client.listPurchasedMassMessages({ limit: 2 }, { lookahead: true })) {
      seen.push(m.id);
      break;
    }
    expect(seen).toEqual([1]);
    expect(fetch.seen).toHaveLength(2);
    expect(fetch.seen[1]?.signal.aborted).toBe(true);
  });

  it('surfaces a look-ahead failure only once the caller reaches that page', async () => {
    const { client } = clientFor(json(massPage(1, 2, true)), json({}, 404));
    const seen: number[] = [];
    await expect(async () => {
      for await (const m of client.listMassMessages({ limit: 2 }, { lookahead: true })) {
        seen.push(m.id);
      }
    }).rejects.toThrow(NotFoundError);
    expect(seen).toEqual([1, 2]);
  });
});

describe('cancellation', () => {
  it('stops with APIUserAbortError when the caller’s signal aborts mid-loop', async () => {
    const { fetch, client } = clientFor(json(massPage(1, 2, true)), 'hang');
    const controller = new AbortController();
    const seen: number[] = [];
    await expect(async () => {
      for await (const m of client.listMassMessages({ limit: 2 }, { signal: controller.signal })) {
        seen.push(m.id);
        if (m.id === 2) setTimeout(() => controller.abort(), 5);
      }
    }).rejects.toThrow(APIUserAbortError);
    expect(seen).toEqual([1, 2]);
    expect(fetch.seen).toHaveLength(2);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const { fetch, client } = clientFor(json(massPage(1, 2, false)));
    await expect(
      collect(client.listMassMessages({}, { signal: AbortSignal.abort() })),
    ).rejects.toThrow(APIUserAbortError);
    expect(fetch.seen).toHaveLength(0);
  });
});
