export { createClient } from './client.js';
export { massMessageTypes } from './constants.js';
export {
  APIConnectionError,
  APIError,
  type APIErrorInit,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  InvalidArgumentError,
  InvalidResponseError,
  NotFoundError,
  OFAuthError,
  RateLimitError,
  type RequestInfo,
  UnprocessableEntityError,
} from './errors.js';
// One type per component schema (MassMessage, Media, ErrorBody, …), generated from the spec.
export type * from './generated/models.js';
// The raw openapi-typescript types, for use with `client.raw`.
export type { components, paths } from './generated/schema.js';
export type {
  ClientOptions,
  IterateMassMessagesParams,
  IterateOptions,
  IteratePurchasedMassMessagesParams,
  ListMassMessagesParams,
  ListPurchasedMassMessagesParams,
  MassMessageType,
  OFAuthClient,
  RequestOptions,
} from './types.js';
