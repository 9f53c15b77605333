// The page API of an offset-paged operation (openai-node's shape): an awaited call is a Page with
// hasNextPage() / nextPageParams() / getNextPage() / iterPages() and item iteration; a call iterates pages
// (iterPages) beside items; items are read off the pages, so nothing pages twice; maxItems,
// lookahead and the signal hold for pages as they do for items. `limit@offset` strings name the
// requests sent.
import { describe, expect, it } from 'vitest';
import { createClient } from '../src/client.js';
import { APIUserAbortError, InvalidResponseError, OFAuthError } from '../src/errors.js';
import { fakeFetch, json, massPage, type Reply } from './helpers/fake-fetch.js';

function clientFor(...replies: Reply[]) {
  const fetch = fakeFetch(...replies);
  const client = createClient({ apiKey: 'sk_pages_test', connectionId: 'c', fetch, maxRetries: 0 });
  return { fetch, client };
}

const requests = (fetch: ReturnType<typeof fakeFetch>) =>
  fetch.seen.map((s) => `${s.url.searchParams.get('limit')}@${s.url.searchParams.get('offset')}`);

const ids = (page: { list: { id: number }[] }) => page.list.map((m) => m.id);

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const value of iterable) all.push(value);
  return all;
}

describe('an awaited page', () => {
  it('is the body with the page methods on its prototype; a spread is the plain body', async () => {
    const body = massPage(1, 2, true);
    const { client } = clientFor(json(body));
    const page = await client.listMassMessages();
    expect(page).toEqual(body);
    expect(page).not.toStrictEqual(body);
    expect({ ...page }).toStrictEqual(body);
    expect(Object.getOwnPropertyNames(page).sort()).toEqual(['_request_id', 'hasMore', 'list']);
  });

  it('has a next page while hasMore is true and it holds items', async () => {
    const { client } = clientFor(
      json(massPage(1, 2, true)),
      json(massPage(1, 2, false)),
      json(massPage(1, 0, true)),
    );
    expect((await client.listMassMessages()).hasNextPage()).toBe(true);
    expect((await client.listMassMessages()).hasNextPage()).toBe(false);
    // An empty page that claims more would loop forever: no next page.
    expect((await client.listMassMessages()).hasNextPage()).toBe(false);
  });

  it('gets the next page: the same parameters, the offset moved by the items received', async () => {
    const { fetch, client } = clientFor(json(massPage(41, 3, true)), json(massPage(44, 2, false)));
    const first = await client.listMassMessages({ limit: 5, offset: 40, type: 'sent' });
    const second = await first.getNextPage();
    expect(ids(second)).toEqual([44, 45]);
    expect(second.hasNextPage()).toBe(false);
    expect(fetch.seen[1]?.url.search).toBe('?limit=5&offset=43&type=sent');
  });

  it('gives the next page’s parameters as plain data, and null on the last page', async () => {
    const { fetch, client } = clientFor(json(massPage(41, 3, true)), json(massPage(44, 2, false)));
    const first = await client.listMassMessages({ limit: 5, offset: null, type: 'sent' });
    const params = first.nextPageParams();
    expect(params).toEqual({ limit: 5, offset: 3, type: 'sent' });
    expect(JSON.parse(JSON.stringify(params))).toEqual(params);
    // Calling the method with them is the next page, as getNextPage() sends it.
    const second = await client.listMassMessages(params ?? {});
    expect(second.nextPageParams()).toBeNull();
    expect(fetch.seen[1]?.url.search).toBe('?limit=5&offset=3&type=sent');
  });

  it('leaves limit out of the next request when the call did (the API’s default)', async () => {
    const { fetch, client } = clientFor(json(massPage(1, 10, true)), json(massPage(11, 1, false)));
    const first = await client.listMassMessages();
    expect(first.nextPageParams()).toEqual({ offset: 10 });
    await first.getNextPage();
    expect(fetch.seen.map((s) => s.url.search)).toEqual(['', '?offset=10']);
  });

  it('refuses getNextPage() on the last page with a clear error, sending nothing', async () => {
    const { fetch, client } = clientFor(json(massPage(1, 2, false)));
    const page = await client.listMassMessages();
    const error = await page.getNextPage().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OFAuthError);
    expect((error as Error).message).toBe(
      'listMassMessages: no next page (hasMore false, no items, or maxItems reached): check hasNextPage() first',
    );
    expect(fetch.seen).toHaveLength(1);
  });

  it('checks the next page’s size like the first', async () => {
    const { client } = clientFor(json(massPage(1, 2, true)), json(massPage(3, 3, false)));
    const page = await client.listMassMessages({ limit: 2 });
    await expect(page.getNextPage()).rejects.toThrow(InvalidResponseError);
  });

  it('carries maxItems: the next request asks only for what is left, then no next page', async () => {
    const { fetch, client } = clientFor(json(massPage(1, 10, true)), json(massPage(11, 5, true)));
    const first = await client.listMassMessages({ limit: 10 }, { maxItems: 15 });
    const second = await first.getNextPage();
    expect(second.hasNextPage()).toBe(false);
    expect(requests(fetch)).toEqual(['10@null', '5@10']);
  });

  it('sends its own request as given under maxItems, iterating only the items within it', async () => {
    const { fetch, client } = clientFor(json(massPage(1, 10, true)));
    const page = await client.listMassMessages({ limit: 10 }, { maxItems: 4 });
    expect(page.list).toHaveLength(10);
    expect(page.hasNextPage()).toBe(false);
    expect((await collect(page)).map((m) => m.id)).toEqual([1, 2, 3, 4]);
    expect(requests(fetch)).toEqual(['10@null']);
  });

  it('iterates its pages, itself first, and its items from there on', async () => {
    const { fetch, client } = clientFor(
      json(massPage(1, 2, true)),
      json(massPage(3, 2, true)),
      json(massPage(5, 1, false)),
      json(massPage(3, 2, true)),
      json(massPage(5, 1, false)),
    );
    const page = await client.listMassMessages({ limit: 2 });
    const pages = await collect(page.iterPages());
    expect(pages[0]).toBe(page);
    expect(pages.map(ids)).toEqual([[1, 2], [3, 4], [5]]);
    expect((await collect(page)).map((m) => m.id)).toEqual([1, 2, 3, 4, 5]);
    expect(requests(fetch)).toEqual(['2@null', '2@2', '2@4', '2@2', '2@4']);
  });

  it('can get its next page after the loop that yielded it has ended', async () => {
    const { client } = clientFor(json(massPage(1, 2, true)), json(massPage(3, 2, false)));
    let kept: Awaited<ReturnType<typeof client.listMassMessages>> | undefined;
    for await (const page of client.listMassMessages({ limit: 2 }).iterPages()) {
      kept = page;
      break;
    }
    expect(ids(await (kept as NonNullable<typeof kept>).getNextPage())).toEqual([3, 4]);
  });

  it('gets its next page with the call’s signal', async () => {
    const controller = new AbortController();
    const { client } = clientFor(json(massPage(1, 2, true)), 'hang');
    const page = await client.listMassMessages({ limit: 2 }, { signal: controller.signal });
    const next = page.getNextPage();
    setTimeout(() => controller.abort(), 5);
    await expect(next).rejects.toThrow(APIUserAbortError);
  });
});

describe('iterPages() on a call', () => {
  it('pages like the item loop: full pages from offset 0 until hasMore is false', async () => {
    const { fetch, client } = clientFor(json(massPage(1, 20, true)), json(massPage(21, 5, false)));
    const pages = await collect(client.listMassMessages().iterPages());
    expect(pages.map((p) => p.list.length)).toEqual([20, 5]);
    expect(pages.map((p) => p.hasNextPage())).toEqual([true, false]);
    expect(requests(fetch)).toEqual(['20@0', '20@20']);
  });

  it('sends the same requests as the item loop: items are read off the pages', async () => {
    const replies = () => [
      json(massPage(1, 3, true)),
      json(massPage(4, 3, true)),
      json(massPage(7, 1, false)),
    ];
    const byPages = clientFor(...replies());
    const byItems = clientFor(...replies());
    const pages = await collect(byPages.client.listMassMessages({ limit: 3 }).iterPages());
    const items = await collect(byItems.client.listMassMessages({ limit: 3 }));
    expect(items).toEqual(pages.flatMap((p) => p.list));
    expect(requests(byItems.fetch)).toEqual(requests(byPages.fetch));
    expect(byItems.fetch.seen).toHaveLength(3);
  });

  it('stops at maxItems, the last request asking only for what is left', async () => {
    const { fetch, client } = clientFor(json(massPage(1, 10, true)), json(massPage(11, 5, true)));
    const pages = await collect(
      client.listMassMessages({ limit: 10 }, { maxItems: 15 }).iterPages(),
    );
    expect(pages.map((p) => p.list.length)).toEqual([10, 5]);
    expect(requests(fetch)).toEqual(['10@0', '5@10']);
  });

  it('yields no page for maxItems 0, sending nothing', async () => {
    const { fetch, client } = clientFor();
    expect(await collect(client.listMassMessages({}, { maxItems: 0 }).iterPages())).toEqual([]);
    expect(fetch.seen).toHaveLength(0);
  });

  it('with lookahead, requests the next page as it yields one', async () => {
    const { fetch, client } = clientFor(json(massPage(1, 2, true)), json(massPage(3, 2, false)));
    const pages = client.listMassMessages({ limit: 2 }, { lookahead: true }).iterPages();
    await pages.next();
    expect(fetch.seen).toHaveLength(2);
    await pages.return(undefined);
    expect(fetch.seen[1]?.signal.aborted).toBe(true);
  });

  it('refuses bad arguments when it starts, sending nothing', async () => {
    const { fetch, client } = clientFor();
    await expect(collect(client.listMassMessages({ limit: 21 }).iterPages())).rejects.toThrow(
      'listMassMessages: limit must be an integer from 1 to 20, got 21',
    );
    expect(fetch.seen).toHaveLength(0);
  });

  it('stops with APIUserAbortError when the signal aborts', async () => {
    const controller = new AbortController();
    const { client } = clientFor(json(massPage(1, 2, true)), 'hang');
    const loop = collect(
      client.listMassMessages({ limit: 2 }, { signal: controller.signal }).iterPages(),
    );
    setTimeout(() => controller.abort(), 5);
    await expect(loop).rejects.toThrow(APIUserAbortError);
  });
});
