// The helpers of every shape of operation, table-driven over the client's fixture table (the spec
// plus an operation of every shape): a real client of that table over a fetch that pages like the
// API, a real QueryClient. A shape added to the fixture is covered here without a new test.
import { operations as specTable } from '@ofauth-mass-messages/spec/operations';
import { dehydrate, hydrate, InfiniteQueryObserver, QueryClient } from '@tanstack/query-core';
import { afterEach, describe, expect, it } from 'vitest';
import { createQueryHelpers, helpersOf } from '../src/helpers.js';
import { collectAllPages } from './helpers/collect.js';
import {
  chart,
  entries,
  type FixtureClient,
  fixtureClient,
  serve,
  table,
} from './helpers/fixture.js';

// A loop over the table has no literal operationId: the helpers of any operation, loosely typed.
type Params = Record<string, unknown>;
type Page = Record<string, unknown> & {
  hasNextPage(): boolean;
  nextPageParams?(): Params | null;
};
interface LooseHelpers {
  operationId: string;
  key(params?: Params): readonly unknown[];
  queryKey(params?: Params): readonly unknown[];
  // Only an offset-paged operation's helpers have these three.
  infiniteQueryKey(params?: Params): readonly unknown[];
  // biome-ignore lint/suspicious/noExplicitAny: options of any operation.
  queryOptions(params?: Params, options?: Params): any;
  // biome-ignore lint/suspicious/noExplicitAny: options of any operation.
  infiniteQueryOptions(params?: Params, options?: Params): any;
  // biome-ignore lint/suspicious/noExplicitAny: data of any operation.
  itemsOf(data: any): unknown[];
}
function helpersFor(client: FixtureClient, operationId: string): LooseHelpers {
  return (helpersOf(table, client) as unknown as Record<string, LooseHelpers>)[
    operationId
  ] as LooseHelpers;
}

let queryClient: QueryClient;
function newQueryClient(): QueryClient {
  // The client retries on its own; TanStack's retries would multiply them.
  queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return queryClient;
}
afterEach(() => queryClient?.clear());

/** The path of a request, with its path parameters filled as the client sends them. */
const pathOf = (entry: { path: string }, required: Params) =>
  entry.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(String(required[name])),
  );

describe('the fixture', () => {
  it('has every shape the helpers serve', () => {
    expect(new Set(entries.map((e) => e.shape))).toEqual(
      new Set(['page, paging offset', 'page, paging none', 'object']),
    );
    expect(entries.some((e) => Object.keys(e.required).length > 0)).toBe(true);
  });
});

describe.each(entries)('$operationId ($shape)', ({ operationId, entry, required }) => {
  const paged = entry.kind === 'page' && entry.paging === 'offset';

  it('queryOptions: one request with the params as given and the query signal', async () => {
    const { fetch, seen } = serve({ total: 50 });
    // `limit` where the operation has one (the client refuses a parameter the spec does not name).
    const params = entry.kind === 'page' ? { ...required, limit: 3 } : required;
    const options = helpersFor(fixtureClient(fetch), operationId).queryOptions(params);
    expect(options.queryKey).toEqual(['ofauth', operationId, params]);

    const data = (await newQueryClient().fetchQuery(options)) as Page;

    expect(seen).toHaveLength(1);
    expect(seen[0]?.url.pathname).toBe(pathOf(entry, required));
    expect(seen[0]?.signal.aborted).toBe(false);
    if (entry.kind === 'page') {
      expect(data[entry.itemsField]).toEqual([{ id: 0 }, { id: 1 }, { id: 2 }]);
      // What the client resolves with: a Page of an offset-paged list, a SinglePage otherwise.
      expect(data.hasNextPage()).toBe(paged);
      expect(typeof data.getNextPage).toBe(paged ? 'function' : 'undefined');
    } else {
      expect(data).toEqual(chart);
    }
  });

  it('passes call options (headers, timeoutMs) beside the signal, outside the key', async () => {
    const { fetch, seen } = serve({ total: 5 });
    const helpers = helpersFor(fixtureClient(fetch), operationId);
    const options = helpers.queryOptions(required, { headers: { Prefer: 'code=200' } });
    expect(options.queryKey).toEqual(helpers.queryKey(required));

    await newQueryClient().fetchQuery(options);

    expect(seen[0]?.headers.get('prefer')).toBe('code=200');
  });

  it('keys hold the path parameters: one cache entry per value', async () => {
    const { fetch, seen } = serve({ total: 5 });
    const helpers = helpersFor(fixtureClient(fetch), operationId);
    const path = Object.keys(required);
    const other = Object.fromEntries(path.map((name) => [name, 'another']));
    const client = newQueryClient();
    await client.fetchQuery(helpers.queryOptions(required));
    await client.fetchQuery({ ...helpers.queryOptions(other), staleTime: Infinity });
    // Operations without path parameters ask once: the same key, fresh data.
    expect(seen).toHaveLength(path.length > 0 ? 2 : 1);
    if (path.length > 0) {
      await client.invalidateQueries({ queryKey: helpers.key(other) });
      expect(client.getQueryState(helpers.queryKey(other))?.isInvalidated).toBe(true);
      expect(client.getQueryState(helpers.queryKey(required))?.isInvalidated).toBe(false);
    }
  });

  it(paged ? 'has infinite query helpers' : 'has no infinite query helpers', () => {
    const helpers = helpersFor(fixtureClient(serve({ total: 0 }).fetch), operationId);
    for (const name of ['infiniteQueryOptions', 'infiniteQueryKey', 'itemsOf']) {
      expect(name in helpers, name).toBe(paged);
    }
    expect(Object.keys(helpers).sort()).toEqual(
      [
        'operationId',
        'key',
        'queryKey',
        'queryOptions',
        ...(paged ? ['infiniteQueryOptions', 'infiniteQueryKey', 'itemsOf'] : []),
      ].sort(),
    );
  });
});

describe.each(entries.filter((e) => e.entry.kind === 'page' && e.entry.paging === 'offset'))(
  '$operationId: the infinite query, on the page API',
  ({ operationId, entry, required }) => {
    const itemsField = entry.kind === 'page' ? entry.itemsField : '';

    it('asks first with the params as given: the page param is the request', async () => {
      const { fetch, seen } = serve({ total: 3 });
      const params = { ...required, limit: 2 };
      const options = helpersFor(fixtureClient(fetch), operationId).infiniteQueryOptions(params);
      expect(options.queryKey).toEqual(['ofauth', operationId, params, 'infinite']);
      expect(options.initialPageParam).toEqual(params);

      const data = await newQueryClient().fetchInfiniteQuery(options);

      expect(seen).toHaveLength(1);
      expect(seen[0]?.url.pathname).toBe(pathOf(entry, required));
      expect(Object.fromEntries(seen[0]?.url.searchParams ?? [])).toEqual({ limit: '2' });
      expect(data.pageParams).toEqual([params]);
    });

    it.each([
      { total: 0, params: {} },
      { total: 1, params: {} },
      { total: 20, params: { limit: 5 } },
      { total: 23, params: { limit: 5 } },
      { total: 23, params: { limit: 5, offset: 4 } },
      // Fewer items than asked while `hasMore`: the next page starts after what came.
      { total: 10, params: { limit: 5 }, cap: 3 },
    ])('pages $total items with $params to the end, each once', async ({ total, params, cap }) => {
      const { fetch, seen } = serve({ total, cap });
      const helpers = helpersFor(fixtureClient(fetch), operationId);
      const start = params.offset ?? 0;

      const { data, hasNextPage } = await collectAllPages<Page>(
        newQueryClient(),
        helpers.infiniteQueryOptions({ ...required, ...params }),
        100,
      );

      const ids = helpers.itemsOf(data).map((item) => (item as { id: number }).id);
      expect(ids).toEqual(Array.from({ length: Math.max(0, total - start) }, (_, i) => start + i));
      expect(hasNextPage).toBe(false);
      // One request per page, each sent with the page params the page before gave.
      expect(seen).toHaveLength(data.pages.length);
      expect(data.pageParams.slice(1)).toEqual(
        data.pages.slice(0, -1).map((page) => page.nextPageParams?.()),
      );
      expect(seen.map((s) => s.url.searchParams.get('offset'))).toEqual(
        data.pageParams.map((p) => (p.offset === undefined ? null : String(p.offset))),
      );
      expect(data.pages.at(-1)?.hasNextPage()).toBe(false);
    });

    it('stops at an empty page that claims more instead of asking again forever', async () => {
      const { fetch, seen } = serve({ total: 10, emptyPagesClaimMore: true });
      const helpers = helpersFor(fixtureClient(fetch), operationId);
      const { data, hasNextPage } = await collectAllPages<Page>(
        newQueryClient(),
        helpers.infiniteQueryOptions(required),
        5,
      );
      expect(hasNextPage).toBe(false);
      expect(data.pages).toHaveLength(1);
      expect(seen).toHaveLength(1);
    });

    it('refetches the pages it has, each from the page before', async () => {
      const { fetch, seen } = serve({ total: 12 });
      const helpers = helpersFor(fixtureClient(fetch), operationId);
      const client = newQueryClient();
      const options = helpers.infiniteQueryOptions({ ...required, limit: 5 });
      await collectAllPages<Page>(client, options, 10);
      const before = seen.map((s) => s.url.search);
      expect(before).toHaveLength(3);

      await client.refetchQueries({ queryKey: helpers.key() });

      expect(seen.slice(3).map((s) => s.url.search)).toEqual(before);
    });

    it('a cache dehydrated as JSON loses the page methods: the query refetches them back', async () => {
      const { fetch } = serve({ total: 12 });
      const helpers = helpersFor(fixtureClient(fetch), operationId);
      const options = helpers.infiniteQueryOptions({ ...required, limit: 5 });
      await newQueryClient().fetchInfiniteQuery(options);
      // The README's recipe for serialisers that refuse class instances: plain copies.
      const dehydrated = dehydrate(queryClient, {
        serializeData: (data) => JSON.parse(JSON.stringify(data)),
      });
      const [query] = dehydrated.queries;
      const page = (query?.state.data as { pages: object[] } | undefined)?.pages[0];
      expect(Object.getPrototypeOf(page)).toBe(Object.prototype);
      const sent = JSON.parse(JSON.stringify(dehydrated));

      const browser = new QueryClient({ defaultOptions: { queries: { retry: false } } });
      hydrate(browser, sent);
      const restored = browser.getQueryData(options.queryKey) as { pages: Page[] };
      // The body came through, its prototype did not: no next page to read, and no crash.
      expect(restored.pages[0]?.[itemsField]).toHaveLength(5);
      expect(restored.pages[0]?.nextPageParams).toBeUndefined();
      const idle = new InfiniteQueryObserver(browser, { ...options, enabled: false });
      expect(idle.getCurrentResult().hasNextPage).toBe(false);

      // Stale, so fetched again (as a mounting component does): pages, and the next ones.
      const { data, hasNextPage } = await collectAllPages<Page>(browser, options, 10);
      expect(data.pages).toHaveLength(3);
      expect(hasNextPage).toBe(false);
      expect(helpers.itemsOf(data)).toHaveLength(12);
      browser.clear();
    });
  },
);

describe('createQueryHelpers', () => {
  it('has one entry per operation of the spec', async () => {
    const { createClient } = await import('@ofauth-mass-messages/client');
    const helpers = createQueryHelpers(createClient({ baseUrl: 'https://api.test' }));
    expect(Object.keys(helpers)).toEqual(specTable.map((o) => o.operationId));
  });

  it.each(entries.map((e) => e.operationId))('refuses a client without %s, naming it', (id) => {
    const client = fixtureClient(serve({ total: 0 }).fetch);
    const partial = { ...client, [id]: undefined } as unknown as FixtureClient;
    expect(() => helpersOf(table, partial)).toThrow(
      `createQueryHelpers: the client has no ${id} method; pass a client from createClient().`,
    );
  });
});
