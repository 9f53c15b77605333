// `@ofauth-mass-messages/mock-server`: the mock as a Node server (`startMockServer`, and the
// `ofauth-mock` bin), the mocks package's core behind node:http with Prism's validator as the gate
// of every answer. Node only; for browsers, Workers and in-process tests, use
// `@ofauth-mass-messages/mocks` (createMockFetch) and `@ofauth-mass-messages/mocks/msw`.
export {
  DEFAULT_HOST,
  DEFAULT_PORT,
  DEFAULT_START_TIMEOUT_MS,
  type ServerOptions,
} from './options.js';
export { MAX_KEPT_ANSWERS, MAX_KEPT_CHARS } from './prism/gate.js';
export type { Violation } from './prism/validator.js';
export {
  type MockServer,
  type MockServerOptions,
  MockStartError,
  startMockServer,
} from './server.js';
