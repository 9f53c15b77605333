// The one place where requests are sent: openapi-fetch hands every Request to `send`, which adds
// the per-attempt timeout, the caller's abort (the request's own signal), retries with backoff,
// and turns every failure into a typed error. No method of the client retries or maps errors.
import {
  APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  errorClassFor,
  InvalidResponseError,
  type OFAuthError,
  type RequestInfo,
} from './errors.js';
import { isRetryableStatus, parseRetryAfter, retryDelay } from './retry.js';

export interface TransportOptions {
  /** Must honour `request.signal`, as every standard fetch does. */
  fetch: (request: Request) => Promise<Response>;
  timeoutMs: number;
  maxRetries: number;
  /** The API key: scrubbed from error bodies, since an API may echo what it was sent. */
  secret: string;
}

// Requests of attempts in flight (see `attempt` in send).
const held = new Set<Request>();

// Response headers an error never carries.
const SECRET_HEADERS = /^(set-cookie|cookie|authorization|proxy-authorization|apikey|x-api-key)$/;

/** The typed error of a non-2xx response: body parsed when JSON, API key and secret headers removed. */
function toAPIError(info: RequestInfo, response: Response, text: string, secret: string): APIError {
  const { status, headers } = response;
  let body: unknown = text.split(secret).join('[redacted]');
  try {
    body = JSON.parse(body as string);
  } catch {
    // Not JSON (an HTML error page, plain text): the error keeps the text.
  }
  const kept: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (!SECRET_HEADERS.test(name)) kept[name] = value;
  });
  const retryAfter = parseRetryAfter(headers.get('retry-after'));
  return new (errorClassFor(status))({ ...info, status, body, headers: kept, retryAfter });
}

/**
 * Sends `request`, retrying 429, 5xx, timeouts and connection failures; resolves only with a
 * 2xx response whose body is JSON (read here, so the timeout covers the body too).
 */
export async function send(request: Request, options: TransportOptions): Promise<Response> {
  const { fetch, timeoutMs, maxRetries, secret } = options;
  const { signal, method } = request;
  const info = { method, path: new URL(request.url).pathname };
  const where = `${method} ${info.path}`;
  const userAbort = (cause: unknown) =>
    new APIUserAbortError(`${where} aborted by the caller`, info, { cause });

  for (let retry = 0; ; retry++) {
    if (signal.aborted) throw userAbort(signal.reason);
    const controller = new AbortController();
    const abort = () => controller.abort();
    const timer = setTimeout(abort, timeoutMs);
    signal.addEventListener('abort', abort);
    let response: Response | undefined;
    let text = '';
    let error = undefined as unknown as OFAuthError;
    // A Request's signal follows the one it was made with only while the Request lives (undici
    // holds it weakly), and a custom fetch may keep just `request.signal`: hold the Request
    // until the attempt is over, or an abort or timeout could be lost to garbage collection.
    const attempt = new Request(request, { signal: controller.signal });
    held.add(attempt);
    try {
      response = await fetch(attempt);
      text = await response.text();
    } catch (cause) {
      response = undefined;
      error = controller.signal.aborted
        ? new APITimeoutError(`${where} timed out after ${timeoutMs} ms`, info)
        : new APIConnectionError(`${where} could not connect`, info, { cause });
      if (signal.aborted) throw userAbort(cause);
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', abort);
      held.delete(attempt);
    }

    if (response?.ok) {
      try {
        JSON.parse(text);
      } catch {
        throw new InvalidResponseError(
          `${where} answered ${response.status} with a non-JSON body`,
          {
            ...info,
            status: response.status,
          },
        );
      }
      return new Response(text, response);
    }
    if (response) error = toAPIError(info, response, text, secret);
    const delay = retryDelay(retry, (error as APIError).retryAfter);
    if (
      retry >= maxRetries ||
      delay === undefined ||
      (error instanceof APIError && !isRetryableStatus(error.status))
    ) {
      throw error;
    }
    // Wait before the next attempt; the caller's abort ends the wait at once.
    await new Promise<void>((resolve, reject) => {
      const done = () => {
        clearTimeout(wait);
        signal.removeEventListener('abort', done);
        signal.aborted ? reject(userAbort(signal.reason)) : resolve();
      };
      const wait = setTimeout(done, delay);
      signal.addEventListener('abort', done);
    });
  }
}
