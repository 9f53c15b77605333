// The test helpers of the mocks package (its requests, arbitraries, spec checks, failure cases),
// shared rather than copied: the server is one more adapter of the same core, tested with the
// same tools.

export * from '../../mocks/test/helpers/answer-headers.js';
export * from '../../mocks/test/helpers/arbitraries.js';
export * from '../../mocks/test/helpers/core.js';
export * from '../../mocks/test/helpers/failures.js';
export * from '../../mocks/test/helpers/fixtures.js';
export * from '../../mocks/test/helpers/http.js';
export * from '../../mocks/test/helpers/spec.js';
export * from '../../mocks/test/helpers/third-operation.js';
export * from '../../mocks/test/helpers/wire.js';
