// Query keys: the first element names this toolkit, the second the operation, the third its
// parameters. Keys are prefixes of each other on purpose, so one prefix invalidates a whole
// family (`['ofauth']`: everything; `['ofauth', id]`: one operation; `[..., params]`: one filter,
// both its page and its infinite query).

/** The first element of every query key this package makes. */
export const queryKeyRoot = 'ofauth';
export type QueryKeyRoot = typeof queryKeyRoot;

/**
 * Marks an infinite query's key. Its cached data is `InfiniteData`, not a page, so it must never
 * share a key with the page query of the same parameters: TanStack would hand one shape to the other.
 */
export const infiniteKeyMarker = 'infinite';
export type InfiniteKeyMarker = typeof infiniteKeyMarker;

export function operationKey<Id extends string>(operationId: Id): readonly [QueryKeyRoot, Id] {
  return [queryKeyRoot, operationId];
}

export function pageKey<Id extends string, Params extends object>(
  operationId: Id,
  params: Params,
): readonly [QueryKeyRoot, Id, Params] {
  return [queryKeyRoot, operationId, params];
}

export function infiniteKey<Id extends string, Params extends object>(
  operationId: Id,
  params: Params,
): readonly [QueryKeyRoot, Id, Params, InfiniteKeyMarker] {
  return [queryKeyRoot, operationId, params, infiniteKeyMarker];
}
