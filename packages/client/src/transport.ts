// The one place where requests are sent: openapi-fetch hands every Request to the fetch that
// `transport` makes, which adds the per-attempt timeout, the caller's abort (the request's own
// signal), retries with backoff, the body checks, and turns every failure into a typed error.
// No method of the client retries or maps errors. Written for size too (it ships to browsers):
// one helper races every timer against the caller's abort, and every outcome of an attempt
// ends in one retry decision.
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
 * What is wrong with a 2xx body, as "not …" ends a message, or '' when nothing is: it must be
 * JSON and, when `field` is given, a page (the page a list method returns to its caller).
 */
function bodyProblem(text: string, field: string | undefined): string {
  let data: { hasMore?: unknown; [field: string]: unknown } | undefined;
  try {
    data = JSON.parse(text);
  } catch {
    return 'JSON';
  }
  return field && !(Array.isArray(data?.[field]) && typeof data?.hasMore === 'boolean')
    ? `a page ("${field}" array, "hasMore" boolean)`
    : '';
}

/**
 * The fetch openapi-fetch is given: sends each request with `fetch` (which must honour
 * `request.signal`, as every standard fetch does), retrying 429, 5xx, timeouts and connection
 * failures up to `maxRetries` times, each attempt bounded by `timeoutMs`. Resolves only with a
 * 2xx response whose body is JSON (read here, so the timeout covers the body too) and, when
 * `field` is given (a list method), a page: `field` an array, `hasMore` a boolean.
 * `secret` (the API key) is scrubbed from error bodies, since an API may echo what it was sent.
 */
export const transport =
  (
    fetch: (request: Request) => Promise<Response>,
    secret: string,
    timeoutMs: number,
    maxRetries: number,
    field?: string,
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
      // A Request's signal follows the one it was made with only while the Request lives (undici
      // holds it weakly), and a custom fetch may keep just `request.signal`: hold the Request
      // until the attempt is over, or an abort or timeout could be lost to garbage collection.
      const attempt = new Request(request, { signal: controller.signal });
      held.add(attempt);
      const off = after(timeoutMs, signal, () => controller.abort());
      let error: Failure;
      try {
        const response = await fetch(attempt);
        const text = await response.text();
        const { ok, status } = response;
        // false (not a 2xx), '' (a good body) or what is wrong with the body.
        const problem = ok && bodyProblem(text, field);
        if (problem === '') return new Response(text, response);
        const invalidBody = `${where} answered ${status} with a body that is not ${problem}`;
        // A 2xx with a bad body has a status that is not retried.
        error = problem
          ? new InvalidResponseError(invalidBody, { ...info, status })
          : toAPIError(info, response, text, secret);
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
