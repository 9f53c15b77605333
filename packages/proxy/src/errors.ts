// Answers the proxy gives itself, in the spec's `Error` body shape (`{ message, code, details? }`),
// so the browser's client turns them into the same typed errors as the API's own.

/** The spec's Error body. */
export interface ErrorBody {
  message: string;
  code: string;
  details?: unknown;
}

/** A JSON error response; `no-store` like every proxy answer (it may concern one account). */
export function errorResponse(
  status: number,
  body: ErrorBody,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': 'application/json',
      'cache-control': 'no-store',
      ...headers,
    },
  });
}

/** Thrown by createProxyHandler for a bad option; the message names it, never a key's value. */
export class ProxyConfigError extends TypeError {
  override name = 'ProxyConfigError';
  /** The option at fault: `apiKey`, `connectionId`, `upstream`, … */
  readonly option: string;
  constructor(option: string, message: string) {
    super(message);
    this.option = option;
  }
}
