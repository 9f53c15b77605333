import { operations } from '@ofauth-mass-messages/spec/operations';
import { CancelledError, QueryClient } from '@tanstack/query-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryHelpers } from '../src/helpers.js';
import type { QueryableClient } from '../src/types.js';
import { collectAllPages } from './helpers/collect.js';
import { fakeClient, hangingAnswer, pagedAnswer } from './helpers/fake-client.js';

// The tests run every operation of the table through the same cases; a per-operation type would
// need the operation's literal id, which a loop over the table does not have.
type Params = Record<string, unknown>;
interface LooseHelpers {
  key(params?: Params): readonly unknown[];
  queryKey(params?: Params): readonly unknown[];
  infiniteQueryKey(params?: Params): readonly unknown[];
  // biome-ignore lint/suspicious/noExplicitAny: options for any operation.
  queryOptions(params?: Params, options?: Params): any;
  // biome-ignore lint/suspicious/noExplicitAny: options for any operation.
  infiniteQueryOptions(params?: Params, options?: Params): any;
  // biome-ignore lint/suspicious/noExplicitAny: data of any operation.
  itemsOf(data: any): unknown[];
}
function helpersFor(client: QueryableClient, operationId: string): LooseHelpers {
  return (createQueryHelpers(client) as unknown as Record<string, LooseHelpers>)[
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

describe.each(operations.map((operation) => ({ operation, id: operation.operationId })))(
  '$id',
  ({ operation, id }) => {
    const { maximum } = operation.pageSize;

    it('queryOptions fetches one page with the params as given and the query signal', async () => {
      const { client, calls } = fakeClient(pagedAnswer(50));
      const options = helpersFor(client, id).queryOptions({ limit: 3, offset: 4 });
      expect(options.queryKey).toEqual(['ofauth', id, { limit: 3, offset: 4 }]);

      const page = (await newQueryClient().fetchQuery(options)) as Record<string, unknown>;

      expect(calls).toHaveLength(1);
      expect(calls[0]?.operationId).toBe(id);
      expect(calls[0]?.params).toEqual({ limit: 3, offset: 4 });
      expect(calls[0]?.options.signal).toBeInstanceOf(AbortSignal);
      expect(page[operation.itemsField]).toEqual([{ id: 4 }, { id: 5 }, { id: 6 }]);
    });

    it('passes call options (headers, timeoutMs) beside the signal, outside the key', async () => {
      const { client, calls } = fakeClient(pagedAnswer(5));
      const helpers = helpersFor(client, id);
      const callOptions = { headers: { Prefer: 'code=200' }, timeoutMs: 1234 };
      const options = helpers.queryOptions(undefined, callOptions);
      expect(options.queryKey).toEqual(helpers.queryKey());

      await newQueryClient().fetchQuery(options);

      expect(calls[0]?.options).toMatchObject(callOptions);
      expect(calls[0]?.options.signal).toBeInstanceOf(AbortSignal);
    });

    it.each([
      { case: 'no params', params: undefined, first: { limit: maximum, offset: 0 } },
      { case: 'a start offset', params: { offset: 5 }, first: { limit: maximum, offset: 5 } },
      { case: 'a null offset', params: { offset: null }, first: { limit: maximum, offset: 0 } },
      { case: 'a chosen limit', params: { limit: 4 }, first: { limit: 4, offset: 0 } },
    ])('infiniteQueryOptions with $case asks first for $first', async ({ params, first }) => {
      const { client, calls } = fakeClient(pagedAnswer(3));
      const options = helpersFor(client, id).infiniteQueryOptions(params);

      expect(options.queryKey).toEqual(['ofauth', id, params ?? {}, 'infinite']);
      expect(options.initialPageParam).toBe(first.offset);
      await newQueryClient().fetchInfiniteQuery(options);
      expect(calls[0]?.params).toEqual({ ...params, ...first });
      expect(calls[0]?.options.signal).toBeInstanceOf(AbortSignal);
    });

    it.each([
      { total: 0, params: {} },
      { total: 1, params: {} },
      { total: maximum, params: {} },
      { total: maximum * 2 + 1, params: {} },
      { total: 23, params: { limit: 5 } },
      { total: 23, params: { limit: 5, offset: 4 } },
      // Fewer items than asked while `hasMore`: the offset moves by what came, not by the limit.
      { total: 10, params: {}, cap: 3 },
    ])('pages $total items with $params to the end, each once', async ({ total, params, cap }) => {
      const { client, calls } = fakeClient(pagedAnswer(total, cap));
      const helpers = helpersFor(client, id);
      const start = (params as { offset?: number }).offset ?? 0;
      const limit = Math.min((params as { limit?: number }).limit ?? maximum, cap ?? maximum);

      const { data, hasNextPage } = await collectAllPages(
        newQueryClient(),
        helpers.infiniteQueryOptions(params),
        100,
      );

      const ids = helpers.itemsOf(data).map((item) => (item as { id: number }).id);
      expect(ids).toEqual(Array.from({ length: Math.max(0, total - start) }, (_, i) => start + i));
      expect(hasNextPage).toBe(false);
      // One request per page; the offsets advance by the items received.
      const pages = Math.max(1, Math.ceil((total - start) / limit));
      expect(calls.map((call) => call.params?.offset)).toEqual(
        Array.from({ length: pages }, (_, i) => start + i * limit),
      );
      expect(data.pageParams).toEqual(calls.map((call) => call.params?.offset));
    });

    it('stops at an empty page that claims more instead of asking again forever', async () => {
      const { client, calls } = fakeClient(async () => ({
        [operation.itemsField]: [],
        hasMore: true,
      }));
      const { hasNextPage } = await collectAllPages(
        newQueryClient(),
        helpersFor(client, id).infiniteQueryOptions(),
        10,
      );
      expect(hasNextPage).toBe(false);
      expect(calls).toHaveLength(1);
    });

    it('fails with the missing array named when a page lacks it', async () => {
      const { client } = fakeClient(async () => ({ hasMore: true }));
      await expect(
        newQueryClient().fetchInfiniteQuery(helpersFor(client, id).infiniteQueryOptions()),
      ).rejects.toThrow(`${id}: the page has no "${operation.itemsField}" array (got undefined).`);
    });

    it.each([
      {
        kind: 'page',
        fetch: (qc: QueryClient, h: LooseHelpers) => qc.fetchQuery(h.queryOptions()),
      },
      {
        kind: 'infinite',
        fetch: (qc: QueryClient, h: LooseHelpers) =>
          qc.fetchInfiniteQuery(h.infiniteQueryOptions()),
      },
    ])('cancelling the $kind query aborts the client call', async ({ fetch }) => {
      const { client, calls } = fakeClient(hangingAnswer);
      const helpers = helpersFor(client, id);
      const qc = newQueryClient();

      const pending = fetch(qc, helpers);
      await vi.waitFor(() => expect(calls).toHaveLength(1));
      const signal = calls[0]?.options.signal;
      expect(signal?.aborted).toBe(false);

      await qc.cancelQueries({ queryKey: helpers.key() });

      expect(signal?.aborted).toBe(true);
      await expect(pending).rejects.toBeInstanceOf(CancelledError);
    });

    it('itemsOf is empty before the first page', () => {
      const { client } = fakeClient(pagedAnswer(1));
      expect(helpersFor(client, id).itemsOf(undefined)).toEqual([]);
    });
  },
);

describe('createQueryHelpers', () => {
  it('has one entry per operation of the table', () => {
    const { client } = fakeClient(pagedAnswer(0));
    expect(Object.keys(createQueryHelpers(client))).toEqual(operations.map((o) => o.operationId));
  });

  it.each(operations.map((operation) => operation.operationId))(
    'refuses a client without %s, naming it',
    (id) => {
      const { client } = fakeClient(pagedAnswer(0));
      const partial = { ...client, [id]: undefined } as unknown as QueryableClient;
      expect(() => createQueryHelpers(partial)).toThrow(
        `createQueryHelpers: the client has no ${id} method; pass a client from createClient().`,
      );
    },
  );
});
