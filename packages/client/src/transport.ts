// The one place where requests are sent. List methods call `send` with their URL; the raw
// client's fetch (raw.ts) calls it with openapi-fetch's Request. It adds the per-attempt timeout,
// the caller's abort, retries with backoff, turns every failure into a typed error, and writes
// one debug line per attempt. It reads each body once, as text, and parses nothing on success:
// the caller (a list method) parses the page once. Written for size too (it ships to browsers):
// one helper races every timer against the caller's abort, and every outcome of an attempt ends
// in one retry decision.
import {
  APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  type OFAuthError,
} from './errors.js';
import { redactBody } from './redact.js';
import { isRetryableStatus, parseRetryAfter, retryDelay } from './retry.js';

/** What the client's options make of every request. */
export interface TransportConfig {
  /** A custom fetch (must honour `request.signal`), or undefined for the platform's. */
  fetch: ((request: Request) => Promise<Response>) | undefined;
  /** Sent with every list request: the auth headers, or none through a proxy. */
  headers: Record<string, string>;
  /** Removes the API key from text (error bodies, logged bodies). */
  redact: (text: string) => string;
  /** One line per attempt, when debug logging is on. */
  debug: ((line: string) => void) | undefined;
  /** Whether debug lines carry the response body (redacted). */
  logBodies: boolean;
}

/** One call's settings, already checked. */
export interface CallSettings {
  signal?: AbortSignal | undefined;
  headers?: Record<string, string> | undefined;
  timeoutMs: number;
  maxRetries: number;
}

/** A 2xx response, its body read as text, and its request id. */
export interface Sent {
  response: Response;
  text: string;
  requestId: string | null;
}

/** What a failed attempt leaves: a typed error, with a status and Retry-After when it got a response. */
type Failure = OFAuthError & Partial<Pick<APIError, 'status' | 'retryAfter' | 'requestId'>>;

/** The one place the request id is read: the header the API answers every request with. */
export const requestIdOf = (response: Response): string | null =>
  response.headers.get('x-request-id');

// Requests of attempts in flight (see `send` below).
const held = new Set<Request>();

// Response headers an error never carries: cookies, authorization, API keys.
const SECRET_HEADERS = /cookie|authorization|^(x-)?api-?key$/;

/**
 * Calls `then` once: after `ms`, or as soon as `signal` aborts, whichever comes first. Returns
 * what cancels both. The attempt's timeout and the wait before a retry are both this race.
 */
function after(ms: number, signal: AbortSignal | undefined, then: () => void): () => void {
  const fire = () => {
    off();
    then();
  };
  const off = () => {
    clearTimeout(timer);
    signal?.removeEventListener('abort', fire);
  };
  const timer = setTimeout(fire, ms);
  signal?.addEventListener('abort', fire);
  return off;
}

/** The typed error of a non-2xx response: body parsed first, then redacted; secret headers dropped. */
function toAPIError(
  config: TransportConfig,
  method: string,
  path: string,
  response: Response,
  text: string,
): APIError {
  const { status, headers } = response;
  const kept: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (!SECRET_HEADERS.test(name)) kept[name] = config.redact(value);
  });
  return APIError.generate(
    method,
    path,
    status,
    redactBody(text, config.redact),
    kept,
    parseRetryAfter(headers.get('retry-after')),
    requestIdOf(response),
  );
}

/**
 * Sends `target` (a URL, or the raw client's Request) with `fetch`, retrying 429, 5xx, timeouts
 * and connection failures up to `maxRetries` times, each attempt bounded by `timeoutMs` (body
 * included). Resolves with a 2xx response and its text; rejects with a typed error.
 */
export async function send(
  config: TransportConfig,
  target: string | Request,
  call: CallSettings,
): Promise<Sent> {
  const { signal, timeoutMs, maxRetries } = call;
  const { fetch, debug } = config;
  const url = new URL(typeof target === 'string' ? target : target.url);
  const method = typeof target === 'string' ? 'GET' : target.method;
  const path = url.pathname;
  // A string target gets the client's headers and the call's; a Request already has its own.
  const headers = typeof target === 'string' ? { ...config.headers, ...call.headers } : undefined;
  // The caller's abort wins over everything else, whenever it comes; it is never retried.
  const checkAbort = () => {
    if (signal?.aborted) {
      throw new APIUserAbortError(method, path, 'aborted by the caller', { cause: signal.reason });
    }
  };

  for (let retry = 0; ; retry++) {
    checkAbort();
    const started = Date.now();
    const controller = new AbortController();
    const init: RequestInit = headers
      ? { headers, signal: controller.signal }
      : { signal: controller.signal };
    // The platform's fetch takes the URL and options as they are; a custom fetch sees only a
    // Request. A Request's signal follows the one it was made with only while the Request lives
    // (undici holds it weakly), and a custom fetch may keep just `request.signal`: hold the
    // Request until the attempt is over, or an abort or timeout could be lost to garbage collection.
    const attempt = fetch ? new Request(target, init) : undefined;
    if (attempt) held.add(attempt);
    const off = after(timeoutMs, signal, () => controller.abort());
    let error: Failure;
    let text = '';
    try {
      const response = await (attempt && fetch ? fetch(attempt) : globalThis.fetch(target, init));
      text = await response.text();
      if (response.ok) {
        debug?.(
          line(
            method,
            url,
            response.status,
            retry,
            maxRetries,
            started,
            requestIdOf(response),
            config,
            text,
          ),
        );
        return { response, text, requestId: requestIdOf(response) };
      }
      error = toAPIError(config, method, path, response, text);
    } catch (cause) {
      error = controller.signal.aborted
        ? new APITimeoutError(method, path, `timed out after ${timeoutMs} ms`)
        : new APIConnectionError(method, path, 'could not connect', { cause });
    } finally {
      off();
      if (attempt) held.delete(attempt);
    }
    checkAbort();
    const delay = retryDelay(retry, error.retryAfter);
    const retrying = retry < maxRetries && delay !== undefined && isRetryableStatus(error.status);
    debug?.(
      line(
        method,
        url,
        error.status ?? error.name,
        retry,
        maxRetries,
        started,
        error.requestId ?? null,
        config,
        text,
      ) + (retrying ? `; retrying in ${Math.round(delay)} ms` : ''),
    );
    if (!retrying) throw error;
    // Wait before the next attempt; the caller's abort ends the wait at once (then checkAbort).
    await new Promise<void>((resolve) => after(delay, signal, resolve));
  }
}

/** One debug line: `GET /v2/x?limit=5 → 429 attempt 1/3 in 12 ms, request id r1`. */
function line(
  method: string,
  url: URL,
  outcome: number | string,
  retry: number,
  maxRetries: number,
  started: number,
  requestId: string | null,
  config: TransportConfig,
  text: string,
): string {
  return (
    `ofauth: ${method} ${url.pathname}${url.search} → ${outcome} attempt ${retry + 1}/${maxRetries + 1} in ${Date.now() - started} ms` +
    (requestId ? `, request id ${requestId}` : '') +
    (config.logBodies && text ? `, body ${JSON.stringify(redactBody(text, config.redact))}` : '')
  );
}
