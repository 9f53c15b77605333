// createQueryHelpers: TanStack Query options for every operation of the spec's table, calling the
// client. The code is generic over the table (nothing here names an operation) and leaves paging
// to the client's page API: an infinite query's page parameter is the request's parameters, the
// next one is the last page's `nextPageParams()`. What each kind of operation gets:
// - every operation: keys and `queryOptions` (one call; its data is what the call resolves with);
// - an offset-paged list: also `infiniteQueryOptions` and `itemsOf`; a list without offset or an
//   object has no next page to ask for, so no infinite query.
import type { OFAuthClient } from '@ofauth-mass-messages/client';
import { operations } from '@ofauth-mass-messages/spec/operations';
import { infiniteKey, operationKey, pageKey } from './keys.js';
import type { CallOptions, QueryHelpers, QueryHelpersOf } from './types.js';

/** What the helpers read of an operation: the spec's table and the client's generated one agree. */
export interface QueryTableEntry {
  readonly kind: 'page' | 'object';
  readonly paging?: 'offset' | 'none';
  /** A page's item array: `list`, `items`. */
  readonly itemsField?: string;
}

/** Operations by operationId. */
export type QueryTable = Readonly<Record<string, QueryTableEntry>>;

// The runtime view of params, pages and methods: the per-operation types are restored by
// `QueryHelpersOf`.
type Params = Record<string, unknown>;
type Page = Record<string, unknown> & { nextPageParams?: () => Params | null };
type Method = (
  params: Params | undefined,
  options: CallOptions & { signal: AbortSignal },
) => PromiseLike<Page>;

function operationHelpers(operationId: string, entry: QueryTableEntry, call: Method) {
  const queryKey = (params: Params = {}) => pageKey(operationId, params);
  const helpers = {
    operationId,
    key: (params?: Params) =>
      params === undefined ? operationKey(operationId) : pageKey(operationId, params),
    queryKey,
    queryOptions: (params?: Params, options?: CallOptions) => ({
      queryKey: queryKey(params),
      queryFn: async ({ signal }: { signal: AbortSignal }) => call(params, { ...options, signal }),
    }),
  };
  if (entry.kind !== 'page' || entry.paging !== 'offset') return helpers;

  const itemsField = entry.itemsField as string;
  const infiniteQueryKey = (params: Params = {}) => infiniteKey(operationId, params);
  return {
    ...helpers,
    infiniteQueryKey,
    infiniteQueryOptions: (params: Params = {}, options?: CallOptions) => ({
      queryKey: infiniteQueryKey(params),
      queryFn: async ({ signal, pageParam }: { signal: AbortSignal; pageParam: Params }) =>
        call(pageParam, { ...options, signal }),
      // A copy: the key holds `params`, and TanStack keeps page parameters beside the pages.
      initialPageParam: { ...params },
      // A page restored from JSON (a dehydrated or persisted cache) has lost its methods: no
      // next page until the query fetches its pages again, which a stale query does on mount.
      getNextPageParam: (last: Page) => last.nextPageParams?.() ?? undefined,
    }),
    itemsOf: (data: { readonly pages: readonly Page[] } | undefined) =>
      data === undefined ? [] : data.pages.flatMap((page) => page[itemsField] as unknown[]),
  };
}

/** The helpers of `client`, one entry per operation of `table` (the tests' fixture tables too). */
export function helpersOf<C>(table: QueryTable, client: C): QueryHelpersOf<C> {
  const helpers: Record<string, unknown> = {};
  for (const [operationId, entry] of Object.entries(table)) {
    const method = (client as Record<string, Method | undefined>)[operationId];
    if (typeof method !== 'function') {
      throw new TypeError(
        `createQueryHelpers: the client has no ${operationId} method; pass a client from createClient().`,
      );
    }
    helpers[operationId] = operationHelpers(operationId, entry, method.bind(client));
  }
  return helpers as QueryHelpersOf<C>;
}

const specTable: QueryTable = Object.fromEntries(operations.map((op) => [op.operationId, op]));

/**
 * TanStack Query options for every operation of the spec, calling `client`:
 *
 * ```ts
 * const helpers = createQueryHelpers(createClient({ baseUrl: '/api' }));
 * useInfiniteQuery(helpers.listMassMessages.infiniteQueryOptions({ type: 'sent', limit: 20 }));
 * ```
 */
export function createQueryHelpers(client: OFAuthClient): QueryHelpers {
  return helpersOf(specTable, client);
}
