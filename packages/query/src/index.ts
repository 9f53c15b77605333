export { createQueryHelpers } from './helpers.js';
export {
  type InfiniteKeyMarker,
  infiniteKeyMarker,
  type QueryKeyRoot,
  queryKeyRoot,
} from './keys.js';
export { nextOffset } from './paging.js';
export type {
  CallOptions,
  InfinitePageQueryOptions,
  InfiniteQueryKey,
  OperationKey,
  OperationQueryHelpers,
  PageQueryKey,
  PageQueryOptions,
  ParamsArgs,
  QueryableClient,
  QueryHelpers,
} from './types.js';
