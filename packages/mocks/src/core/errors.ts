// The error answers the mock makes itself, all in the spec's `Error` shape and built by one
// function (errorBody), so that a change of that shape is one edit; and the 500 for what the mock
// did not foresee, with the request's secrets cut out of its message.
import { json, type MockRequest, type MockResponse } from './response.js';

/**
 * The spec's `Error` body, `{ message, code, details? }`. Every error the mock makes itself is
 * built here, so a change of that shape is one edit.
 */
export function errorBody(
  message: string,
  code: string,
  details?: unknown,
): Record<string, unknown> {
  return details === undefined ? { message, code } : { message, code, details };
}

/** An error answer of the mock's own, in the spec's `Error` shape. */
export function failure(
  status: number,
  message: string,
  code: string,
  details?: unknown,
  headers: Record<string, string> = {},
): MockResponse {
  return json(status, errorBody(message, code, details), headers);
}

/**
 * The 401 of a request without (or with an empty) security header: it names each one missing,
 * from the spec's security schemes, so "Invalid API key" never answers a missing connection id.
 */
export function unauthorized(
  required: readonly string[],
  missing: readonly string[],
): MockResponse {
  const names = (list: readonly string[]) => list.join(' and ');
  return failure(
    401,
    `Missing ${missing.length === 1 ? 'header' : 'headers'} ${names(missing)}: every request needs ${names(required)} (any non-empty value here).`,
    'UNAUTHORIZED',
    { missing },
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
 * the spec's `Error` body naming what failed, so that whoever runs the mock can tell, with every
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
  return failure(500, `The mock failed to answer: ${message}`, 'MOCK_INTERNAL_ERROR');
}
