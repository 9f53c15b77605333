// Answers the proxy gives itself, in the spec's `Error` body shape (`{ message, code, details? }`),
// so the browser's client turns them into the same typed errors as the API's own.

/** The spec's Error body. */
export interface ErrorBody {
  message: string;
  code: string;
  details?: unknown;
}

/**
 * The one place the Error body's shape is written: every answer of the proxy's own (the handler's
 * and the node adapter's) is built here, so a change of shape is one edit.
 */
export function errorBody(code: string, message: string, details?: unknown): ErrorBody {
  return details === undefined ? { message, code } : { message, code, details };
}

/** A JSON error response; `no-store` like every proxy answer (it may concern one account). */
export function errorResponse(
  status: number,
  code: string,
  message: string,
  extra: { details?: unknown; headers?: Record<string, string> } = {},
): Response {
  return new Response(JSON.stringify(errorBody(code, message, extra.details)), {
    status,
    headers: {
      'content-type': 'application/json',
      'cache-control': 'no-store',
      ...extra.headers,
    },
  });
}

/**
 * An answer in the API's own error shape, `{ error, type, requestId }`, for the one failure the
 * proxy reports in the API's stead: its rate limit's 429, which the browser's client must read
 * exactly like the API's (the same type to branch on, the same headers to wait by). The request
 * id is the proxy's own (`req_proxy_…`), also sent as `x-request-id`, so a report names it.
 */
export function vendorErrorResponse(
  status: number,
  type: string,
  error: string,
  headers: Headers,
): Response {
  const requestId = `req_proxy_${crypto.randomUUID().replaceAll('-', '')}`;
  headers.set('content-type', 'application/json');
  headers.set('cache-control', 'no-store');
  headers.set('x-request-id', requestId);
  return new Response(JSON.stringify({ error, type, requestId }), { status, headers });
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
