// The infinite query against the mock server in dataset mode (a seeded, fixed set of records paged
// honestly): a real client, a real QueryClient, "load more" until the query says there is no more.
import { createClient } from '@ofauth-mass-messages/client';
import { type MockServer, startMockServer } from '@ofauth-mass-messages/mock-server';
import { createDataset } from '@ofauth-mass-messages/mocks';
import { QueryClient } from '@tanstack/query-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQueryHelpers } from '../src/helpers.js';
import { collectAllPages } from './helpers/collect.js';

const SEED = 7;
const SIZE = { massMessages: 137, purchased: 250 };
const dataset = createDataset({ seed: SEED, ...SIZE });

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ port: 0, mode: 'dataset', seed: SEED, dataset: SIZE });
}, 120_000);
afterAll(async () => {
  await mock?.stop();
});

/** A client on the mock that counts the HTTP requests it sends. */
function countingClient() {
  const counter = { requests: 0 };
  const client = createClient({
    apiKey: 'test-key',
    connectionId: 'conn_test',
    baseUrl: mock.url,
    // Whatever arguments the client passes fetch, pass them on and count the call.
    fetch: ((...args: Parameters<typeof fetch>) => {
      counter.requests += 1;
      return fetch(...args);
    }) as typeof fetch,
  });
  return { client, counter };
}

const ids = (records: ReadonlyArray<{ id: number }>) => records.map((record) => record.id);

describe('an infinite query paged to the end on the dataset mock', () => {
  const cases = [
    {
      operationId: 'listMassMessages' as const,
      params: { type: 'sent' as const },
      expected: ids(dataset.massMessages.sent),
    },
    {
      operationId: 'listMassMessages' as const,
      params: { type: 'scheduled' as const, limit: 7, offset: 3 },
      expected: ids(dataset.massMessages.scheduled.slice(3)),
    },
    {
      operationId: 'listPurchasedMassMessages' as const,
      params: {},
      expected: ids(dataset.purchased),
    },
  ];

  it.each(cases)(
    '$operationId $params: every item exactly once, then no next page',
    async ({ operationId, params, expected }) => {
      const { client, counter } = countingClient();
      const helpers = createQueryHelpers(client);
      const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
      const options = helpers[operationId].infiniteQueryOptions(params as never);

      const { data, hasNextPage, nextPageCalls } = await collectAllPages<never>(
        queryClient,
        options,
        100,
      );
      const items = helpers[operationId].itemsOf(data) as Array<{ id: number }>;
      const got = ids(items);

      console.log(
        `${operationId} ${JSON.stringify(params)}: ${data.pages.length} pages ` +
          `(offsets ${data.pageParams.join(', ')}), ${got.length} items ` +
          `(${new Set(got).size} unique, ${expected.length} in the dataset), ` +
          `${counter.requests} requests (1 fetchInfiniteQuery + ${nextPageCalls} fetchNextPage), ` +
          `hasNextPage ${hasNextPage}`,
      );
      expect(expected.length).toBeGreaterThan(0);
      expect(got).toEqual(expected);
      expect(new Set(got).size).toBe(got.length);
      expect(hasNextPage).toBe(false);
      expect(counter.requests).toBe(data.pages.length);
      queryClient.clear();
    },
    60_000,
  );
});
