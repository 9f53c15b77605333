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
