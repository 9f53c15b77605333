// What the page tells its user when a request fails: one sentence per kind of failure, built
// from the client's typed errors. The page holds no API key, so there is none to leak here: the
// proxy adds it on the server.
import {
  APIConnectionError,
  APIError,
  AuthenticationError,
  InternalServerError,
  InvalidArgumentError,
  OFAuthError,
  RateLimitError,
  ReconnectRequiredError,
} from '@ofauth-mass-messages/client';
import { readErrorBody } from '@ofauth-mass-messages/core';

/** Describes `error` for a person. */
export function describeError(error: unknown): string {
  // Before AuthenticationError, which it extends: the key is fine, the creator's session is not.
  if (error instanceof ReconnectRequiredError) {
    return `This creator must reconnect (${error.type}): ${apiMessage(error)}. Reconnect their account through OFAuth Link.`;
  }
  if (error instanceof AuthenticationError) {
    return `Not authorized (${error.status}): ${apiMessage(error)}. Check OFAUTH_API_KEY and OFAUTH_CONNECTION_ID on the server.`;
  }
  if (error instanceof RateLimitError) {
    const wait = error.retryAfter === undefined ? '' : ` (Retry-After: ${error.retryAfter} s)`;
    return `Rate limited (${error.status}): ${apiMessage(error)}${wait}. Try again later.`;
  }
  if (error instanceof InternalServerError) {
    return `The API failed (${error.status}): ${apiMessage(error)}. Try again later.`;
  }
  if (error instanceof APIError) {
    return `The API answered ${error.status}: ${apiMessage(error)}.`;
  }
  if (error instanceof InvalidArgumentError) {
    return `Invalid setting: ${error.message}`;
  }
  if (error instanceof APIConnectionError) {
    return `Could not reach the API: ${error.message}. Is the server with the /api proxy running?`;
  }
  if (error instanceof OFAuthError) return error.message;
  if (error instanceof Error) return `Unexpected error: ${error.message}`;
  return `Unexpected error: ${String(error)}`;
}

/**
 * The body's own message when the API (or the proxy) sent one, read by core's one reader of error
 * bodies (`error` in the vendor's current shape, `message` in the one its SDKs read).
 */
function apiMessage(error: APIError): string {
  const message = readErrorBody(error.body).message?.trim() ?? '';
  return message === '' ? 'no error message' : message.replace(/\.$/, '');
}
