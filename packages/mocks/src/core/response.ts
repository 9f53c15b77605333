// The request and response shapes of the core (any runtime adapts to them), and the helpers
// every part of it answers with.

/** What the core reads of a request (a Fetch `Request` or a Node `IncomingMessage` adapts to it). */
export interface MockRequest {
  method: string;
  url: URL;
  /** A request header's value, or null/undefined when it was not sent. */
  header(name: string): string | null | undefined;
  /** Aborts a pending delay (the Fetch adapter passes the request's signal). */
  signal?: AbortSignal | undefined;
}

export interface MockResponse {
  status: number;
  headers: Record<string, string>;
  /** JSON text, or null (a preflight, a HEAD). */
  body: string | null;
  /**
   * The operation that answered, once the route and method matched: what the answer must match
   * in the spec (the mock server's Prism gate checks it there). Absent for a preflight, an unknown
   * route or a method the route does not take.
   */
  operationId?: string;
}

export const JSON_TYPE = { 'content-type': 'application/json' } as const;

export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): MockResponse {
  return { status, headers: { ...JSON_TYPE, ...headers }, body: JSON.stringify(body) };
}

/** An answer's body as the adapters send it; throws for anything but JSON text or null. */
export function bodyOf(answer: MockResponse): string | null {
  if (typeof answer.body === 'string' || answer.body === null) return answer.body;
  throw new TypeError(`The answer's body is ${typeof answer.body}, not JSON text`);
}

/** Waits `ms`; rejects with the signal's reason when it aborts first (as fetch does). */
export function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', abort, { once: true });
  });
}
