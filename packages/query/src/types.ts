// The public types of the query helpers. Every per-operation type is derived from the client's
// helper types (`OperationId`, `ParamsOf`, `PageOf`, `ItemOf`), which the client derives from the
// spec: an operation added to the spec gets its helpers without an edit here.
import type {
  ItemOf,
  OFAuthError,
  OperationId,
  PageOf,
  ParamsOf,
  RequestOptions,
} from '@ofauth-mass-messages/client';
import type {
  DataTag,
  GetNextPageParamFunction,
  InfiniteData,
  QueryFunction,
} from '@tanstack/query-core';
import type { InfiniteKeyMarker, QueryKeyRoot } from './keys.js';

/**
 * Per-call options passed on to the client with the query's `signal`. They are not part of the
 * query key: two queries differing only here share one cache entry.
 */
export type CallOptions = Omit<RequestOptions, 'signal' | 'maxItems' | 'lookahead'>;

/** What the helpers need of a client: one page-returning method per operation, like `createClient`'s. */
export type QueryableClient = {
  [Id in OperationId]: (
    params: ParamsOf<Id> | undefined,
    options: CallOptions & { signal: AbortSignal },
  ) => PromiseLike<PageOf<Id>>;
};

/** The parameters argument: optional when the operation has no required parameter. */
export type ParamsArgs<Id extends OperationId> =
  // biome-ignore lint/complexity/noBannedTypes: `{}` is exactly "no required property" here.
  {} extends ParamsOf<Id>
    ? [params?: ParamsOf<Id>, options?: CallOptions]
    : [params: ParamsOf<Id>, options?: CallOptions];

/** `['ofauth', operationId]`: every query of one operation. */
export type OperationKey<Id extends OperationId> = readonly [QueryKeyRoot, Id];
/** `['ofauth', operationId, params]`: one page. */
export type PageQueryKey<Id extends OperationId> = readonly [QueryKeyRoot, Id, ParamsOf<Id>];
/** `['ofauth', operationId, params, 'infinite']`: the pages of one infinite query. */
export type InfiniteQueryKey<Id extends OperationId> = readonly [
  QueryKeyRoot,
  Id,
  ParamsOf<Id>,
  InfiniteKeyMarker,
];

/**
 * Options for `useQuery` / `queryClient.fetchQuery` / `QueryObserver`: `data` is the page. The key
 * is tagged, so `queryClient.getQueryData(options.queryKey)` is typed too. Spread it to add more:
 * `useQuery({ ...helpers.listMassMessages.queryOptions(params), staleTime: 30_000 })`.
 */
export interface PageQueryOptions<Id extends OperationId> {
  queryKey: DataTag<PageQueryKey<Id>, PageOf<Id>, OFAuthError>;
  queryFn: QueryFunction<PageOf<Id>, PageQueryKey<Id>>;
}

/**
 * Options for `useInfiniteQuery` / `queryClient.fetchInfiniteQuery` / `InfiniteQueryObserver`:
 * `data` is `InfiniteData<Page, number>`, the page parameter being the page's offset.
 */
export interface InfinitePageQueryOptions<Id extends OperationId> {
  queryKey: DataTag<InfiniteQueryKey<Id>, InfiniteData<PageOf<Id>, number>, OFAuthError>;
  queryFn: QueryFunction<PageOf<Id>, InfiniteQueryKey<Id>, number>;
  initialPageParam: number;
  getNextPageParam: GetNextPageParamFunction<number, PageOf<Id>>;
}

/** The helpers of one operation. */
export interface OperationQueryHelpers<Id extends OperationId> {
  readonly operationId: Id;
  /**
   * A key prefix for `invalidateQueries` / `cancelQueries` / `removeQueries`: without parameters
   * every query of the operation; with them, the page and the infinite query of those parameters.
   */
  key(): OperationKey<Id>;
  key(params: ParamsOf<Id>): readonly [QueryKeyRoot, Id, ParamsOf<Id>];
  /** The page query's key (`params` omitted = `{}`). */
  queryKey(...args: ParamsArgs<Id>): PageQueryOptions<Id>['queryKey'];
  /** The infinite query's key (`params` omitted = `{}`). */
  infiniteQueryKey(...args: ParamsArgs<Id>): InfinitePageQueryOptions<Id>['queryKey'];
  /** One page: `client[operationId](params, { signal })`. */
  queryOptions(...args: ParamsArgs<Id>): PageQueryOptions<Id>;
  /**
   * Every page, one `fetchNextPage` at a time: pages start at `params.offset ?? 0`, hold
   * `params.limit ?? ` the operation's maximum page size, and end when a page says
   * `hasMore: false` (or comes back empty).
   */
  infiniteQueryOptions(...args: ParamsArgs<Id>): InfinitePageQueryOptions<Id>;
  /**
   * The items of every page loaded so far, in order (`[]` before the first page). Takes the data
   * of `useInfiniteQuery` (whose page parameters adapters type `unknown`) as well as
   * `fetchInfiniteQuery`'s.
   */
  itemsOf(data: { readonly pages: readonly PageOf<Id>[] } | undefined): ItemOf<Id>[];
}

/** `createQueryHelpers(client)`: one entry per operation of the spec, named by its operationId. */
export type QueryHelpers = { readonly [Id in OperationId]: OperationQueryHelpers<Id> };
