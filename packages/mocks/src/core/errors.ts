// The error answers the mock makes itself, all in the vendor's shape and built by one function
// (errorBody), so that a change of that shape is one edit; and the 500 for what the mock did not
// foresee, with the request's secrets cut out of its message.
import { newRequestId } from './request-id.js';
import { json, type MockRequest, type MockResponse } from './response.js';

/**
 * The error types the vendor documents (its "Error Handling" page; the spec's `ErrorType`): the
 * only values `type` may take. A 5xx has none (the vendor documents none for them).
 */
export type ErrorType =
  | 'UNAUTHORIZED'
  | 'SESSION_NOT_PROVIDED'
  | 'SESSION_EXPIRED'
  | 'RULES_OUTDATED'
  | 'FORBIDDEN'
  | 'BAD_REQUEST'
  | 'RESOURCE_NOT_FOUND'
  | 'ROUTE_NOT_FOUND'
  | 'RATE_LIMIT_EXCEEDED';

/** What an error body may say beside `error`, `type` and `requestId`. */
export interface ErrorExtra {
  /** What to do (`refresh_session`), as the vendor's current revision says it. */
  actionRequired?: string;
  /** Context (the parameter at fault, the headers missing): the earlier revision's `details`. */
  details?: unknown;
  /**
   * The mock's own, finer kind where the vendor's types have none (`UNKNOWN_SCENARIO`,
   * `MOCK_INTERNAL_ERROR`): the earlier revision's machine-readable `code`.
   */
  code?: string;
}

/**
 * The vendor's error body: `{ error, type, requestId }` (current revision), with `actionRequired`,
 * `details` and `code` only when there is something to say. Every error the mock makes itself is
 * built here.
 */
export function errorBody(
  error: string,
  type: ErrorType | undefined,
  requestId: string,
  extra: ErrorExtra = {},
): Record<string, unknown> {
  const body: Record<string, unknown> = { error };
  if (type !== undefined) body.type = type;
  body.requestId = requestId;
  for (const key of ['actionRequired', 'details', 'code'] as const) {
    if (extra[key] !== undefined) body[key] = extra[key];
  }
  return body;
}

/** An error answer of the mock's own: the vendor's body, its `requestId` also as `x-request-id`. */
export function failure(
  status: number,
  error: string,
  type: ErrorType | undefined,
  extra: ErrorExtra = {},
  headers: Record<string, string> = {},
): MockResponse {
  const requestId = newRequestId();
  return json(status, errorBody(error, type, requestId, extra), {
    ...headers,
    'x-request-id': requestId,
  });
}

/**
 * The 401 of a request without (or with an empty) security header. It names each one missing,
 * from the spec's security schemes, so "Invalid API key" never answers a missing connection id;
 * the type is the vendor's: `UNAUTHORIZED` when the key is missing, `SESSION_NOT_PROVIDED` when
 * only the connection is (the vendor's "connection not found, or missing session data").
 */
export function unauthorized(
  required: readonly string[],
  missing: readonly string[],
  connectionHeader?: string,
): MockResponse {
  const names = (list: readonly string[]) => list.join(' and ');
  const onlyConnection = missing.length > 0 && missing.every((name) => name === connectionHeader);
  return failure(
    401,
    `Missing ${missing.length === 1 ? 'header' : 'headers'} ${names(missing)}: every request needs ${names(required)} (any non-empty value here).`,
    onlyConnection ? 'SESSION_NOT_PROVIDED' : 'UNAUTHORIZED',
    { details: { missing } },
  );
}

const REDACTED = '[redacted]';

/** The values of the security headers a request sent (what must never be echoed). */
export function secretsOf(authHeaders: readonly string[], header: MockRequest['header']): string[] {
  const secrets: string[] = [];
  for (const name of authHeaders) {
    try {
      const value = header(name);
      if (value) secrets.push(value);
    } catch {
      // A header that cannot be read cannot be echoed either.
    }
  }
  return secrets;
}

/**
 * The 500 for an error the mock did not expect (a bug, or a request the code did not foresee):
 * the vendor's body naming what failed, so that whoever runs the mock can tell, with every
 * secret the request sent cut out of the message, longest first (one may contain another).
 */
export function internalError(error: unknown, secrets: readonly string[]): MockResponse {
  let message: string;
  try {
    message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  } catch {
    message = 'an error that cannot be printed';
  }
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    message = message.split(secret).join(REDACTED);
  }
  return failure(500, `The mock failed to answer: ${message}`, undefined, {
    code: 'MOCK_INTERNAL_ERROR',
  });
}
