// What every answer of the proxy's own must be: the vendor's error body (its "Error Handling"
// page: `error` for people, `type` for code, a `requestId`), with the proxy's own finer `code`
// and, where there is context, `details`; the request id `req_proxy_…`, also sent as
// `x-request-id`; JSON, never cached. The type that fits each status, as the vendor documents
// them (405 like the mock: a route the method does not reach); none for 5xx and 499, as the
// vendor documents none for its server statuses.
import { expect } from 'vitest';

export const TYPE_OF_STATUS: Record<number, string | undefined> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'ROUTE_NOT_FOUND',
  405: 'ROUTE_NOT_FOUND',
  429: 'RATE_LIMIT_EXCEEDED',
};

export interface ProxyErrorBody {
  error: string;
  type?: string;
  requestId: string;
  code: string;
  details?: unknown;
}

export interface ExpectedError {
  status: number;
  code: string;
  /** The message, or a matcher of it (`expect.stringContaining(…)`). */
  error?: unknown;
  details?: unknown;
}

/** The parts of an answer the checks read: a Response, or what a raw HTTP client received. */
export interface Answer {
  status: number;
  headers: { get(name: string): string | null };
  body: unknown;
}

/** Asserts an answer of the proxy's own, in the vendor's shape; returns its body. */
export function expectProxyErrorBody(answer: Answer, expected: ExpectedError): ProxyErrorBody {
  expect(answer.status).toBe(expected.status);
  expect(answer.headers.get('content-type')).toBe('application/json');
  expect(answer.headers.get('cache-control')).toBe('no-store');
  const body = answer.body as ProxyErrorBody;
  const type = TYPE_OF_STATUS[expected.status];
  expect(body).toEqual({
    error: expected.error ?? expect.any(String),
    ...(type ? { type } : {}),
    requestId: expect.stringMatching(/^req_proxy_[0-9a-f]{32}$/),
    code: expected.code,
    ...(expected.details === undefined ? {} : { details: expected.details }),
  });
  expect(body.error).not.toBe('');
  expect(answer.headers.get('x-request-id')).toBe(body.requestId);
  return body;
}

/** The same, for a fetch Response (its body read here). */
export async function expectProxyError(
  response: Response,
  expected: ExpectedError,
): Promise<ProxyErrorBody> {
  const body: unknown = await response.json();
  return expectProxyErrorBody(
    { status: response.status, headers: response.headers, body },
    expected,
  );
}

/** The same, for what a raw HTTP exchange received (headers by lower-case name, body as text). */
export function expectRawProxyError(
  response: { status: number; headers: Record<string, string>; body: string },
  expected: ExpectedError,
): ProxyErrorBody {
  return expectProxyErrorBody(
    {
      status: response.status,
      headers: { get: (name) => response.headers[name.toLowerCase()] ?? null },
      body: JSON.parse(response.body),
    },
    expected,
  );
}
