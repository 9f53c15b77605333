// The one place where requests are sent: openapi-fetch hands every Request to the fetch that
// `transport` makes, which adds the per-attempt timeout, the caller's abort (the request's own
// signal), retries with backoff, the body checks, and turns every failure into a typed error.
// No method of the client retries or maps errors. It is also the one place a 2xx body is read
// and parsed, once: parsing a page costs more than everything else the client does per request,
// so openapi-fetch gets the parsed body rather than parsing it again. Written for size too (it
// ships to browsers): one helper races every timer against the caller's abort, and every
// outcome of an attempt ends in one retry decision.
import {
  APIConnectionError,
  type APIError,
  APITimeoutError,
  APIUserAbortError,
  errorClassFor,
  InvalidResponseError,
  type OFAuthError,
  type RequestInfo,
} from './errors.js';
import { isRetryableStatus, parseRetryAfter, retryDelay } from './retry.js';

/** What a failed attempt leaves: a typed error, with a status and Retry-After when it got a response. */
type Failure = OFAuthError & Partial<Pick<APIError, 'status' | 'retryAfter'>>;

// Requests of attempts in flight (see `attempt` below).
const held = new Set<Request>();

// Response headers an error never carries: cookies, authorization, API keys.
const SECRET_HEADERS = /cookie|authorization|^(x-)?api-?key$/;

/**
 * Calls `then` once: after `ms`, or as soon as `signal` aborts, whichever comes first. Returns
 * what cancels both. The attempt's timeout and the wait before a retry are both this race.
 */
function after(ms: number, signal: AbortSignal, then: () => void): () => void {
  const fire = () => {
    off();
    then();
  };
  const off = () => {
    clearTimeout(timer);
    signal.removeEventListener('abort', fire);
  };
  const timer = setTimeout(fire, ms);
  signal.addEventListener('abort', fire);
  return off;
}

/** The typed error of a non-2xx response: body parsed when JSON, API key and secret headers removed. */
function toAPIError(info: RequestInfo, response: Response, text: string, secret: string): APIError {
  const { status, headers } = response;
  let body: unknown = text.replaceAll(secret, '[redacted]');
  try {
    body = JSON.parse(body as string);
  } catch {
    // Not JSON (an HTML error page, plain text): the error keeps the text.
  }
  const kept: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (!SECRET_HEADERS.test(name)) kept[name] = value;
  });
  return new (errorClassFor(status))({
    ...info,
    status,
    body,
    headers: kept,
    retryAfter: parseRetryAfter(headers.get('retry-after')),
  });
}

/**
 * The fetch openapi-fetch is given: sends each request with `fetch` (the platform's when
 * undefined; a custom one must honour `request.signal`, as every standard fetch does), retrying
 * 429, 5xx, timeouts and connection failures up to `maxRetries` times, each attempt bounded by
 * `timeoutMs`. Resolves only with a 2xx response whose body is JSON (read here, so the timeout
 * covers the body too) and, when `field` is given (a list method), a page: `field` an array,
 * `hasMore` a boolean. `keep` (a list method's, which calls openapi-fetch with `parseAs:
 * 'stream'` so that it reads nothing) receives the parsed body. Without it (a raw call)
 * openapi-fetch reads the body itself: it gets a copy of the text (for any `parseAs`) whose
 * `json()` answers with the body already parsed.
 * `secret` (the API key) is scrubbed from error bodies, since an API may echo what it was sent.
 */
export const transport =
  (
    fetch: ((request: Request, init: RequestInit) => Promise<Response>) | undefined,
    secret: string,
    timeoutMs: number,
    maxRetries: number,
    field?: string,
    keep?: (body: unknown) => void,
  ) =>
  async (request: Request): Promise<Response> => {
    const { signal, method } = request;
    const info = { method, path: new URL(request.url).pathname };
    const where = `${method} ${info.path}`;
    // The caller's abort wins over everything else, whenever it comes; it is never retried.
    const checkAbort = () => {
      if (signal.aborted) {
        throw new APIUserAbortError(`${where} aborted by the caller`, info, {
          cause: signal.reason,
        });
      }
    };

    for (let retry = 0; ; retry++) {
      checkAbort();
      const controller = new AbortController();
      const init = { signal: controller.signal };
      // The platform's fetch takes the attempt's signal as an option (it copies the Request
      // anyway); a custom fetch sees only a Request, so it gets a copy with that signal. A
      // Request's signal follows the one it was made with only while the Request lives (undici
      // holds it weakly), and a custom fetch may keep just `request.signal`: hold the Request
      // until the attempt is over, or an abort or timeout could be lost to garbage collection.
      const attempt = fetch ? new Request(request, init) : request;
      held.add(attempt);
      const off = after(timeoutMs, signal, () => controller.abort());
      let error: Failure;
      try {
        const response = await (fetch ?? globalThis.fetch)(attempt, init);
        const text = await response.text();
        const { ok, status } = response;
        if (!ok) {
          error = toAPIError(info, response, text, secret);
        } else {
          // What the body is not, as the end of the message; '' when it is what it must be.
          let problem = 'JSON';
          let body: { hasMore?: unknown; [field: string]: unknown } | undefined;
          try {
            body = JSON.parse(text);
            problem =
              field && !(Array.isArray(body?.[field]) && typeof body?.hasMore === 'boolean')
                ? `a page ("${field}" array, "hasMore" boolean)`
                : '';
          } catch {
            // Not JSON: `problem` says so.
          }
          if (!problem) {
            if (keep) {
              keep(body);
              return response;
            }
            const copy = new Response(text, response);
            // openapi-fetch's default `parseAs: 'json'` calls `json()` when there is a
            // Content-Length (else it parses the text: raw calls to chunked answers parse twice).
            copy.json = async () => body;
            return copy;
          }
          // A 2xx with a bad body has a status that is not retried.
          error = new InvalidResponseError(
            `${where} answered ${status} with a body that is not ${problem}`,
            { ...info, status },
          );
        }
      } catch (cause) {
        error = controller.signal.aborted
          ? new APITimeoutError(`${where} timed out after ${timeoutMs} ms`, info)
          : new APIConnectionError(`${where} could not connect`, info, { cause });
      } finally {
        off();
        held.delete(attempt);
      }
      checkAbort();
      const delay = retryDelay(retry, error.retryAfter);
      if (retry >= maxRetries || delay === undefined || !isRetryableStatus(error.status)) {
        throw error;
      }
      // Wait before the next attempt; the caller's abort ends the wait at once (then checkAbort).
      await new Promise<void>((resolve) => after(delay, signal, resolve));
    }
  };
