export { type ErrorBody, ProxyConfigError, type ProxyErrorType } from './errors.js';
export { createProxyHandler } from './handler.js';
export { CREDENTIAL_HEADERS, HOP_BY_HOP_HEADERS, REQUEST_ID_HEADER } from './headers.js';
export type {
  Authorize,
  AuthorizeContext,
  AuthorizeResult,
  ProxyHandler,
  ProxyLogFields,
  ProxyLogger,
  ProxyOptions,
  ProxyRateLimit,
} from './types.js';
