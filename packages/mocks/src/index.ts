export { createDataset, type DatasetOptions, DEFAULT_DATASET_NOW } from './dataset/generate.js';
export { type Page, pageOf } from './dataset/paging.js';
export {
  type Dataset,
  MASS_MESSAGE_TYPES,
  type MassMessageRecord,
  type MassMessageType,
  type MediaRecord,
  type PurchasedMassMessageRecord,
  type ReleaseFormRecord,
} from './dataset/records.js';
export {
  type DatasetSize,
  DEFAULT_DATASET_SEED,
  DEFAULT_DATASET_SIZE,
  DEFAULT_HOST,
  DEFAULT_PORT,
  MOCK_MODES,
  type MockMode,
  type MockServerOptions,
} from './options.js';
export { type MockServer, MockStartError, startMockServer } from './server.js';
