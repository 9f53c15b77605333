// "Load more" ends in every mode of the mock: the infinite query of each operation against the
// in-process mock (`createMockFetch`, the core the mock server and the MSW handlers share).
import { createClient, type PageOf } from '@ofauth-mass-messages/client';
import { createMockFetch, MOCK_MODES } from '@ofauth-mass-messages/mocks';
import { operations } from '@ofauth-mass-messages/spec/operations';
import { QueryClient } from '@tanstack/query-core';
import { describe, expect, it } from 'vitest';
import { createQueryHelpers } from '../src/helpers.js';
import type { QueryHelpers } from '../src/types.js';
import { collectAllPages } from './helpers/collect.js';

const cases = MOCK_MODES.flatMap((mode) =>
  operations.map((operation) => ({ mode, operationId: operation.operationId })),
);

describe('an infinite query on the in-process mock', () => {
  it.each(cases)(
    '$mode mode, $operationId: ends with no next page, one request per page',
    async ({ mode, operationId }) => {
      const mockFetch = createMockFetch({ mode, seed: 3 });
      let requests = 0;
      const client = createClient({
        apiKey: 'test-key',
        connectionId: 'conn_test',
        baseUrl: 'http://mock.invalid',
        fetch: (request) => {
          requests += 1;
          return mockFetch(request);
        },
      });
      // A loop over the table has no literal id: one operation's helpers stand for any.
      const helpers = createQueryHelpers(client)[operationId] as QueryHelpers['listMassMessages'];
      const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });

      const { data, hasNextPage } = await collectAllPages<PageOf<'listMassMessages'>>(
        queryClient,
        helpers.infiniteQueryOptions(),
        100,
      );
      const items = helpers.itemsOf(data);
      const counts = data.pages.map((page) => helpers.itemsOf({ pages: [page] }).length);

      console.log(
        `${mode} ${operationId}: ${data.pages.length} pages (offsets ${data.pageParams.join(', ')}), ` +
          `${items.length} items (${new Set(items.map((item) => item.id)).size} distinct ids), ` +
          `${requests} requests, hasNextPage ${hasNextPage}`,
      );
      expect(hasNextPage).toBe(false);
      expect(requests).toBe(data.pages.length);
      // Each page starts where the items of the one before ended.
      expect(data.pageParams).toEqual(
        counts.map((_, i) => counts.slice(0, i).reduce((a, b) => a + b, 0)),
      );
      // It ended because the mock said so (or sent nothing more), not because of the bound.
      const last = data.pages.at(-1);
      expect(last?.hasMore === false || counts.at(-1) === 0).toBe(true);
      queryClient.clear();
    },
    60_000,
  );
});
