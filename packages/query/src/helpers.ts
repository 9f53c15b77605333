// createQueryHelpers: one set of TanStack Query options per operation of the spec's table. The
// code is generic over the table; nothing here names an operation.
import {
  type Operation as AnyOperation,
  type OffsetPageOperation as Operation,
  operations as table,
} from '@ofauth-mass-messages/spec/operations';

// The helpers page by offset; other kinds of operation get theirs with issue 20's work.
const operations = (table as readonly AnyOperation[]).filter(
  (op): op is Operation => op.kind === 'page' && op.paging === 'offset',
);

import { infiniteKey, operationKey, pageKey } from './keys.js';
import { nextOffset, pageParams } from './paging.js';
import type { CallOptions, QueryableClient, QueryHelpers } from './types.js';

// The runtime view of params and pages: the per-operation types are restored by `QueryHelpers`.
type Params = { limit?: number | undefined; offset?: number | null | undefined };
type Page = { hasMore: boolean } & Record<string, unknown>;
type PageMethod = (
  params: Params | undefined,
  options: CallOptions & { signal: AbortSignal },
) => PromiseLike<Page>;

/** The page's items, or a clear error when the page lacks the array the spec names. */
function itemsOfPage(operation: Operation, page: Page): unknown[] {
  const items = page[operation.itemsField];
  if (!Array.isArray(items)) {
    throw new TypeError(
      `${operation.operationId}: the page has no "${operation.itemsField}" array (got ${typeof items}).`,
    );
  }
  return items;
}

function operationHelpers(operation: Operation, method: PageMethod) {
  const { operationId } = operation;
  const maximum = operation.pageSize.maximum;

  const queryKey = (params: Params = {}) => pageKey(operationId, params);
  const infiniteQueryKey = (params: Params = {}) => infiniteKey(operationId, params);

  return {
    operationId,
    key: (params?: Params) =>
      params === undefined ? operationKey(operationId) : pageKey(operationId, params),
    queryKey,
    infiniteQueryKey,
    queryOptions: (params?: Params, options?: CallOptions) => ({
      queryKey: queryKey(params),
      queryFn: ({ signal }: { signal: AbortSignal }) => method(params, { ...options, signal }),
    }),
    infiniteQueryOptions: (params: Params = {}, options?: CallOptions) => ({
      queryKey: infiniteQueryKey(params),
      // The page is checked here, where a bad one becomes the query's error: getNextPageParam
      // runs while TanStack builds a result and must not throw.
      queryFn: async ({ signal, pageParam }: { signal: AbortSignal; pageParam: number }) => {
        const page = await method(pageParams(params, pageParam, maximum), { ...options, signal });
        itemsOfPage(operation, page);
        return page;
      },
      initialPageParam: params.offset ?? 0,
      getNextPageParam: (lastPage: Page, _pages: Page[], lastPageParam: number) =>
        nextOffset(lastPage.hasMore, itemsOfPage(operation, lastPage).length, lastPageParam),
    }),
    itemsOf: (data: { readonly pages: readonly Page[] } | undefined) =>
      data === undefined ? [] : data.pages.flatMap((page) => itemsOfPage(operation, page)),
  };
}

/**
 * TanStack Query options for every operation of the spec, calling `client`:
 *
 * ```ts
 * const helpers = createQueryHelpers(createClient({ apiKey, connectionId }));
 * useInfiniteQuery(helpers.listMassMessages.infiniteQueryOptions({ type: 'sent' }));
 * ```
 */
export function createQueryHelpers(client: QueryableClient): QueryHelpers {
  const helpers: Record<string, unknown> = {};
  for (const operation of operations) {
    const method = (client as unknown as Record<string, PageMethod | undefined>)[
      operation.operationId
    ];
    if (typeof method !== 'function') {
      throw new TypeError(
        `createQueryHelpers: the client has no ${operation.operationId} method; pass a client from createClient().`,
      );
    }
    helpers[operation.operationId] = operationHelpers(operation, method.bind(client));
  }
  return helpers as QueryHelpers;
}
