// The public types of the query helpers. Everything per operation is read off the client's
// method for it: its parameters (path and query together), what a call resolves with (a Page, a
// SinglePage or the object), and whether the call pages on (a PagePromise). The client computes
// those from the spec, so an operation added to the spec gets its helpers without an edit here;
// being generic over the client (`QueryHelpersOf<C>`), the types serve a client of any generated
// table the same way (the tests' fixture table of every shape).
import type {
  OFAuthClient,
  OFAuthError,
  PagePromise,
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

// biome-ignore lint/suspicious/noExplicitAny: a method of any operation.
type AnyMethod = (...args: any[]) => PromiseLike<unknown>;

/** The operationIds of a client: its method names. */
export type OperationIdOf<C> = {
  [Id in keyof C & string]: C[Id] extends AnyMethod ? Id : never;
}[keyof C & string];

/** The client's method of an operation. */
type MethodOf<Id extends OperationIdOf<C>, C> = Extract<C[Id], AnyMethod>;

/** An operation's parameters, path and query together: its method's first argument. */
export type CallParams<Id extends OperationIdOf<C>, C = OFAuthClient> = Exclude<
  Parameters<MethodOf<Id, C>>[0],
  undefined
>;

/** What a call resolves with: a Page, a SinglePage, or the operation's object. */
export type CallResult<Id extends OperationIdOf<C>, C = OFAuthClient> = Awaited<
  ReturnType<MethodOf<Id, C>>
>;

/** One item of an offset-paged operation's pages (`never` for any other operation). */
export type CallItem<Id extends OperationIdOf<C>, C = OFAuthClient> =
  ReturnType<MethodOf<Id, C>> extends PagePromise<unknown, infer Item> ? Item : never;

/** Whether the operation's pages go on (offset paging): its call is a PagePromise. */
export type IsPaged<Id extends OperationIdOf<C>, C = OFAuthClient> =
  ReturnType<MethodOf<Id, C>> extends PagePromise<unknown, unknown> ? true : false;

/** The arguments of the helpers: params required exactly when the client's method requires them. */
export type ParamsArgs<
  Id extends OperationIdOf<C>,
  C = OFAuthClient,
> = undefined extends Parameters<MethodOf<Id, C>>[0]
  ? [params?: CallParams<Id, C>, options?: CallOptions]
  : [params: CallParams<Id, C>, options?: CallOptions];

/** `['ofauth', operationId]`: every query of one operation. */
export type OperationKey<Id extends string> = readonly [QueryKeyRoot, Id];
/** `['ofauth', operationId, params]`: one call (path parameters included). */
export type OperationQueryKey<Id extends OperationIdOf<C>, C = OFAuthClient> = readonly [
  QueryKeyRoot,
  Id,
  CallParams<Id, C>,
];
/** `['ofauth', operationId, params, 'infinite']`: the pages of one infinite query. */
export type InfiniteQueryKey<Id extends OperationIdOf<C>, C = OFAuthClient> = readonly [
  QueryKeyRoot,
  Id,
  CallParams<Id, C>,
  InfiniteKeyMarker,
];

/**
 * Options for `useQuery` / `queryClient.fetchQuery` / `QueryObserver`: `data` is what the call
 * resolves with (a Page, a SinglePage or the object). The key is tagged, so
 * `queryClient.getQueryData(options.queryKey)` is typed too. Spread it to add more:
 * `useQuery({ ...helpers.listMassMessages.queryOptions(params), staleTime: 30_000 })`.
 */
export interface OperationQueryOptions<Id extends OperationIdOf<C>, C = OFAuthClient> {
  queryKey: DataTag<OperationQueryKey<Id, C>, CallResult<Id, C>, OFAuthError>;
  queryFn: QueryFunction<CallResult<Id, C>, OperationQueryKey<Id, C>>;
}

/**
 * Options for `useInfiniteQuery` / `queryClient.fetchInfiniteQuery` / `InfiniteQueryObserver`:
 * `data` is `InfiniteData<Page, Params>`, each page parameter being its request's parameters (the
 * call's for the first page, `page.nextPageParams()` of the one before for the others).
 */
export interface InfinitePageQueryOptions<Id extends OperationIdOf<C>, C = OFAuthClient> {
  queryKey: DataTag<
    InfiniteQueryKey<Id, C>,
    InfiniteData<CallResult<Id, C>, CallParams<Id, C>>,
    OFAuthError
  >;
  queryFn: QueryFunction<CallResult<Id, C>, InfiniteQueryKey<Id, C>, CallParams<Id, C>>;
  initialPageParam: CallParams<Id, C>;
  getNextPageParam: GetNextPageParamFunction<CallParams<Id, C>, CallResult<Id, C>>;
}

/** The helpers every operation has: keys and one query per call. */
export interface QueryOptionsHelpers<Id extends OperationIdOf<C>, C = OFAuthClient> {
  readonly operationId: Id;
  /**
   * A key prefix for `invalidateQueries` / `cancelQueries` / `removeQueries`: without parameters
   * every query of the operation; with some (a path parameter alone, a filter), every query,
   * one call or infinite, whose parameters hold those values.
   */
  key(): OperationKey<Id>;
  key(params: Partial<CallParams<Id, C>>): readonly [QueryKeyRoot, Id, Partial<CallParams<Id, C>>];
  /** The query's key (`params` omitted = `{}`). */
  queryKey(...args: ParamsArgs<Id, C>): OperationQueryOptions<Id, C>['queryKey'];
  /** One call: `client[operationId](params, { ...options, signal })`. */
  queryOptions(...args: ParamsArgs<Id, C>): OperationQueryOptions<Id, C>;
}

/** The helpers of an offset-paged operation: those of every operation, and an infinite query. */
export interface InfiniteQueryHelpers<Id extends OperationIdOf<C>, C = OFAuthClient>
  extends QueryOptionsHelpers<Id, C> {
  /** The infinite query's key (`params` omitted = `{}`). */
  infiniteQueryKey(...args: ParamsArgs<Id, C>): InfinitePageQueryOptions<Id, C>['queryKey'];
  /**
   * Every page, one `fetchNextPage` at a time, through the client's page API: the first page is
   * the call with `params` as given, each next one the call with the last page's
   * `nextPageParams()`; there is a next page while the last page's `hasNextPage()` is true.
   */
  infiniteQueryOptions(...args: ParamsArgs<Id, C>): InfinitePageQueryOptions<Id, C>;
  /**
   * The items of every page loaded so far, in order (`[]` before the first page). Takes the data
   * of `useInfiniteQuery` (whose page parameters adapters type `unknown`) as well as
   * `fetchInfiniteQuery`'s.
   */
  itemsOf(data: { readonly pages: readonly CallResult<Id, C>[] } | undefined): CallItem<Id, C>[];
}

/** The helpers of one operation: an infinite query only where the pages go on. */
export type OperationQueryHelpers<Id extends OperationIdOf<C>, C = OFAuthClient> =
  IsPaged<Id, C> extends true ? InfiniteQueryHelpers<Id, C> : QueryOptionsHelpers<Id, C>;

/** The helpers of a client: one entry per operation, named by its operationId. */
export type QueryHelpersOf<C> = {
  readonly [Id in OperationIdOf<C>]: OperationQueryHelpers<Id, C>;
};

/** `createQueryHelpers(client)`: one entry per operation of the spec. */
export type QueryHelpers = QueryHelpersOf<OFAuthClient>;
