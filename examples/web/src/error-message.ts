// What the page tells its user when a request fails: one sentence per kind of failure, built
// from the client's typed errors, with the API key never in it.
import {
  APIConnectionError,
  APIError,
  AuthenticationError,
  InternalServerError,
  InvalidArgumentError,
  OFAuthError,
  RateLimitError,
} from '@ofauth-mass-messages/client';

/** Describes `error` for a person; `secret` (the API key) is redacted from whatever is shown. */
export function describeError(error: unknown, secret: string): string {
  return redact(describe(error), secret);
}

function describe(error: unknown): string {
  if (error instanceof AuthenticationError) {
    return `Not authorized (${error.status}): ${apiMessage(error)}. Check the API key and connection id.`;
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
    return `Could not reach the API: ${error.message}. Is the mock server running?`;
  }
  if (error instanceof OFAuthError) return error.message;
  if (error instanceof Error) return `Unexpected error: ${error.message}`;
  return `Unexpected error: ${String(error)}`;
}

/** The body's own `message` when the API sent one; the client's summary otherwise. */
function apiMessage(error: APIError): string {
  const body = error.body as { message?: unknown } | null | undefined;
  const message = typeof body?.message === 'string' ? body.message.trim() : '';
  return message === '' ? 'no error message' : message.replace(/\.$/, '');
}

function redact(text: string, secret: string): string {
  return secret === '' ? text : text.split(secret).join('[redacted]');
}
