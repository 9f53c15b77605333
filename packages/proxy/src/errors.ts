// Answers the proxy gives itself, all in the API's own error shape (the vendor's "Error Handling"
// page: `{ error, type, requestId }`), with the proxy's finer `code` beside the type, so that the
// browser's client reads them exactly like the API's: the same message field, the same type to
// branch on, a request id to quote.

/**
 * The vendor's error types the proxy answers with (the spec's `ErrorType`; its tests hold every
 * one to that enum).
 */
export type ProxyErrorType =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'ROUTE_NOT_FOUND'
  | 'RATE_LIMIT_EXCEEDED';

/**
 * The type that fits each status the proxy answers itself, as the vendor documents them; a 405 is
 * a route the method does not reach (as the mock answers it). None for 5xx and 499: the vendor
 * documents no type for its server statuses.
 */
const TYPE_OF_STATUS: Readonly<Partial<Record<number, ProxyErrorType>>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'ROUTE_NOT_FOUND',
  405: 'ROUTE_NOT_FOUND',
  429: 'RATE_LIMIT_EXCEEDED',
};

/** The body of every answer of the proxy's own. */
export interface ErrorBody {
  /** What went wrong, for people. */
  error: string;
  /** The vendor's type, for code; absent on 5xx and 499. */
  type?: ProxyErrorType;
  /** `req_proxy_…`, also sent as `x-request-id`. */
  requestId: string;
  /** The proxy's own, finer kind: `HOST_NOT_ALLOWED`, `VALIDATION_ERROR`, `UPSTREAM_TIMEOUT`, … */
  code: string;
  /** Context, such as the parameter at fault: `{ parameter, allowed }`. */
  details?: unknown;
}

/** A request id of the proxy's own: `req_proxy_` and 32 hex digits. */
function newRequestId(): string {
  return `req_proxy_${crypto.randomUUID().replaceAll('-', '')}`;
}

/** The status line, headers and text of an answer of the proxy's own (the node adapter writes them). */
export function errorAnswer(
  status: number,
  code: string,
  error: string,
  extra: { details?: unknown; headers?: HeadersInit } = {},
): { status: number; headers: Headers; body: string } {
  const requestId = newRequestId();
  const type = TYPE_OF_STATUS[status];
  const body: ErrorBody = {
    error,
    ...(type ? { type } : {}),
    requestId,
    code,
    ...(extra.details === undefined ? {} : { details: extra.details }),
  };
  const headers = new Headers(extra.headers);
  headers.set('content-type', 'application/json');
  // `no-store` like every proxy answer: it may concern one account.
  headers.set('cache-control', 'no-store');
  headers.set('x-request-id', requestId);
  return { status, headers, body: JSON.stringify(body) };
}

/**
 * The one builder of the proxy's own answers (the handler's, the rate limit's, the node
 * adapter's): a change of shape is one edit. `headers` (`Allow`, `X-RateLimit-*`) are kept; the
 * request id is the answer's own.
 */
export function errorResponse(
  status: number,
  code: string,
  error: string,
  extra: { details?: unknown; headers?: HeadersInit } = {},
): Response {
  const answer = errorAnswer(status, code, error, extra);
  return new Response(answer.body, { status, headers: answer.headers });
}

/** A browser-chosen text (a path, a host) shown in a message: cut when absurdly long. */
export function clip(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Thrown by createProxyHandler for a bad option; the message names it, never a key's value. */
export class ProxyConfigError extends TypeError {
  override name = 'ProxyConfigError';
  /** The option at fault: `apiKey`, `authorize`, `upstream`, … */
  readonly option: string;
  constructor(option: string, message: string) {
    super(message);
    this.option = option;
  }
}
