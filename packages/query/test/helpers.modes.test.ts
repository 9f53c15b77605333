// "Load more" ends in every mode of the mock: the infinite query of each operation against the
// in-process mock (`createMockFetch`, the core the mock server and the MSW handlers share).
import { createClient, type ResultOf } from '@ofauth-mass-messages/client';
import { createMockFetch, MOCK_MODES } from '@ofauth-mass-messages/mocks';
import { operations } from '@ofauth-mass-messages/spec/operations';
import { QueryClient } from '@tanstack/query-core';
import { describe, expect, it } from 'vitest';
import { createQueryHelpers } from '../src/helpers.js';
import type { QueryHelpers } from '../src/types.js';
import { collectAllPages } from './helpers/collect.js';

// The spec's offset-paged operations: those an infinite query serves.
const cases = MOCK_MODES.flatMap((mode) =>
  operations
    .filter((operation) => operation.kind === 'page' && operation.paging === 'offset')
    .map((operation) => ({ mode, operationId: operation.operationId })),
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
        fetch: (url, init) => {
          requests += 1;
          return mockFetch(url, init);
        },
      });
      // A loop over the table has no literal id: one operation's helpers stand for any.
      const helpers = createQueryHelpers(client)[operationId] as QueryHelpers['listMassMessages'];
      const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });

      const { data, hasNextPage } = await collectAllPages<ResultOf<'listMassMessages'>>(
        queryClient,
        helpers.infiniteQueryOptions(),
        100,
      );
      const items = helpers.itemsOf(data);
      const counts = data.pages.map((page) => helpers.itemsOf({ pages: [page] }).length);
      const offsets = data.pageParams.map((params) => params.offset ?? 0);

      console.log(
        `${mode} ${operationId}: ${data.pages.length} pages (offsets ${offsets.join(', ')}), ` +
          `${items.length} items (${new Set(items.map((item) => item.id)).size} distinct ids), ` +
          `${requests} requests, hasNextPage ${hasNextPage}`,
      );
      expect(hasNextPage).toBe(false);
      expect(requests).toBe(data.pages.length);
      // Each page starts where the items of the one before ended.
      expect(offsets).toEqual(counts.map((_, i) => counts.slice(0, i).reduce((a, b) => a + b, 0)));
      // It ended because the mock said so (or sent nothing more), not because of the bound.
      const last = data.pages.at(-1);
      expect(last?.hasMore === false || counts.at(-1) === 0).toBe(true);
      queryClient.clear();
    },
    60_000,
  );
});
