// `@ofauth-mass-messages/mocks`: the mock core and what runs it in-process (`createMockFetch`),
// the seeded dataset, and reading a document into the core's data. Runs anywhere fetch does
// (browsers, Workers without nodejs_compat, Deno, Bun, Node): no Node built-in, no Prism. The
// Node server and the `ofauth-mock` CLI are `@ofauth-mass-messages/mock-server`; the MSW handlers
// are `@ofauth-mass-messages/mocks/msw`.
//
// `failure`, `internalError`, `secretsOf` and `bodyOf` are for adapters of the core that run it
// somewhere else (the mock server's node:http handler): the answers they make themselves when
// the core cannot (the spec's Error shape, the request's secrets cut out) and the body as they
// send it, each with its one home in the core.

export { type ErrorType, failure, internalError, secretsOf } from './core/errors.js';
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
  type ResolvedMockOptions,
  resolveMockOptions,
} from './core/options.js';
export {
  createMockCore,
  type MockCore,
  type MockCoreOptions,
  type MockRequest,
  type MockResponse,
} from './core/respond.js';
export { bodyOf } from './core/response.js';
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
export type { RecordCheck } from './dataset/store.js';
export { UnservableSpecError } from './dataset/support.js';
export { createMockFetch, type MockFetch, type MockFetchOptions } from './fetch.js';
export { readSpecData } from './spec/read.js';
