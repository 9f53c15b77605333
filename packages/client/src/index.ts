export type { BucketOptions, RateLimitState } from '@ofauth-mass-messages/core';
export type { APIPromise } from './api-promise.js';
export { createClient } from './client.js';
export { massMessageTypes } from './constants.js';
export {
  APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  InvalidArgumentError,
  InvalidResponseError,
  NotFoundError,
  OFAuthError,
  PermissionDeniedError,
  RateLimitError,
  ReconnectRequiredError,
  RedirectError,
  ResponseTooLargeError,
  UnprocessableEntityError,
} from './errors.js';
// One type per component schema (MassMessage, Media, ErrorBody, …), generated from the spec.
export type * from './generated/models.js';
// The raw openapi-typescript types (the raw client is `@ofauth-mass-messages/client/raw`).
export type { components, operations, paths } from './generated/schema.js';
export type { Logger, LogLevel } from './log.js';
export type { Page, PageMethods, SinglePage, SinglePageMethods } from './page.js';
export type { PagePromise } from './page-promise.js';
export type { Fetch } from './transport.js';
export type {
  APIResponse,
  BodyOf,
  ClientOptions,
  CommonOptions,
  ItemOf,
  MassMessageType,
  MethodArgs,
  OFAuthClient,
  OperationId,
  PageOf,
  ParamsOf,
  RequestOptions,
  ResultOf,
  WithRequestID,
} from './types.js';
