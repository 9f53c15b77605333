export type { ErrorType } from './core/errors.js';
export { MAX_TRACKED_CONNECTIONS } from './core/limits.js';
export {
  type DatasetSize,
  DEFAULT_DATASET_SEED,
  DEFAULT_DATASET_SIZE,
  DEFAULT_MODE,
  DEFAULT_RETRY_AFTER_SECONDS,
  MOCK_MODES,
  type MockMode,
  type MockOptions,
  type RateLimitOption,
} from './core/options.js';
export {
  createMockCore,
  type MockCore,
  type MockCoreOptions,
  type MockRequest,
  type MockResponse,
} from './core/respond.js';
export type { SpecData } from './core/spec-data.js';
export { createDataset, type DatasetOptions, DEFAULT_DATASET_NOW } from './dataset/generate.js';
export { type Page, pageOf } from './dataset/paging.js';
export {
  type BodyOf,
  type Dataset,
  type ItemOf,
  MASS_MESSAGE_TYPES,
  type MassMessageRecord,
  type MassMessageType,
  type MediaRecord,
  type PurchasedMassMessageRecord,
  type ReleaseFormRecord,
  type SchemaModel,
} from './dataset/records.js';
export { UnservableSpecError } from './dataset/support.js';
export { createMockFetch, type MockFetch, type MockFetchOptions } from './fetch.js';
export { DEFAULT_HOST, DEFAULT_PORT, type ServerOptions } from './options.js';
export {
  type MockServer,
  type MockServerOptions,
  MockStartError,
  startMockServer,
} from './server.js';
export { readSpecData } from './spec/read.js';
