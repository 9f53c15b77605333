// `@ofauth-mass-messages/core`: what the client, the proxy and the mocks share at run time.
// Nothing here reads a document or validates a body: it works from the operations table
// (`@ofauth-mass-messages/spec/operations`), small enough for a browser bundle.
export { type ErrorFacts, readErrorBody } from './error-body.js';
export { checkOptions, closest, isHeaderValue, type OptionRule, option } from './options.js';
export {
  checkParams,
  fillPath,
  formatValue,
  meetsRule,
  type Parsed,
  parseQuery,
  parseText,
  queryString,
} from './params.js';
export { type Problem, problem, show } from './problem.js';
export {
  BUCKET_RULES,
  type BucketOptions,
  createBuckets,
  createTokenBucket,
  type RateLimitState,
  readRateLimit,
  type TokenBucket,
  VENDOR_RATE_LIMIT,
} from './rate-limit.js';
export { REDACTED, type Redact, redactBody, redactor, redactText, redactValue } from './redact.js';
export { createRouter, type Match, type Router } from './router.js';
