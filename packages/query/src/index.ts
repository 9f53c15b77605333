export { createQueryHelpers } from './helpers.js';
export {
  type InfiniteKeyMarker,
  infiniteKeyMarker,
  type QueryKeyRoot,
  queryKeyRoot,
} from './keys.js';
export type {
  CallOptions,
  InfinitePageQueryOptions,
  InfiniteQueryHelpers,
  InfiniteQueryKey,
  OperationKey,
  OperationQueryHelpers,
  OperationQueryKey,
  OperationQueryOptions,
  ParamsArgs,
  QueryHelpers,
  QueryHelpersOf,
  QueryOptionsHelpers,
} from './types.js';
