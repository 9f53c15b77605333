// The one place where requests are sent: list methods and the raw client's fetch (raw.ts) call
// `send` with a URL (every operation is a GET: the spec package's table refuses any other). It
// adds the per-attempt timeout, the caller's abort, retries with backoff, turns every failure
// into a typed error, and writes one debug line per attempt. It reads each body once, as text,
// under the size cap (body.ts), and parses nothing on success: the caller parses the page once
// (parsing costs more than everything else the client does per request). Written for size too
// (it ships to browsers): one helper races every timer against the caller's abort, and every
// outcome of an attempt ends in one retry decision.

import {
  type RateLimitState,
  type Redact,
  readRateLimit,
  redactBody,
} from '@ofauth-mass-messages/core';
import { readCapped } from './body.js';
import {
  APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  type OFAuthError,
  ResponseTooLargeError,
} from './errors.js';
import { hear, type Limiter, turn } from './rate-limit.js';
import { redactCause } from './redact.js';
import { isRetryableStatus, parseRetryAfter, retryDelay } from './retry.js';
import type { RequestOptions } from './types.js';

/** The fetch the client calls: the platform's signature, so `fetch` itself or any wrapper fits. */
export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** What the client's options make of every request. */
export interface TransportConfig {
  /** A custom fetch (must honour `init.signal`), or undefined for the platform's. */
  fetch: Fetch | undefined;
  /** Sent with every list request: the auth headers, or none through a proxy. */
  headers: Record<string, string>;
  /** Removes the API key from text (error bodies, logged bodies): core's one redaction. */
  redact: Redact;
  /** One line per attempt, when debug logging is on. */
  debug: ((line: string) => void) | undefined;
  /** Whether debug lines carry the response body (redacted). */
  logBodies: boolean;
  /** The client's defaults, which a call's options override. */
  timeoutMs: number;
  maxRetries: number;
  maxResponseBytes: number;
  /** The `rateLimit` option's buckets, by connection id; undefined when it is off. */
  limiter: Limiter | undefined;
}

/** A 2xx response, its body read as text, its request id, and its X-RateLimit-* state. */
export interface Sent {
  response: Response;
  text: string;
  requestId: string | null;
  rateLimit: RateLimitState | null;
}

/** What a failed attempt leaves: a typed error, with a status and Retry-After when it got a response. */
type Failure = OFAuthError &
  Partial<Pick<APIError, 'status' | 'retryAfter' | 'requestId' | 'type'>>;

/**
 * The one place the request id is read: the header the API answers every request with,
 * redacted (whatever answers may echo the key there).
 */
export const requestIdOf = (
  response: Response,
  redact: (text: string) => string,
): string | null => {
  const id = response.headers.get('x-request-id');
  return id && redact(id);
};

/**
 * The origin a Location names, resolved against the request's URL; null when there is none (a
 * browser hides it) or it names no origin. Redacted before it is parsed: parsing lower-cases a
 * host, which would hide a key there from the redactor.
 */
function originOf(
  location: string | null,
  base: string,
  redact: (text: string) => string,
): string | null {
  try {
    const origin = location === null ? 'null' : new URL(redact(location), base).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

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

/**
 * Sends a GET of `target` with `fetch`, retrying 429, 5xx, the vendor's RULES_OUTDATED 401,
 * timeouts and connection failures up
 * to `maxRetries` times, each attempt bounded by `timeoutMs` (body included); `call` (checked by
 * the caller) adds headers and overrides the client's timeoutMs and maxRetries. Resolves with a
 * 2xx response and its text; rejects with a typed error.
 */
export async function send(
  config: TransportConfig,
  target: string,
  call: RequestOptions,
): Promise<Sent> {
  const {
    signal,
    timeoutMs = config.timeoutMs,
    maxRetries = config.maxRetries,
    maxResponseBytes = config.maxResponseBytes,
  } = call;
  const { fetch, debug } = config;
  const url = new URL(target);
  const method = 'GET';
  const path = url.pathname;
  const headers = { ...config.headers, ...call.headers };
  // The connection's bucket ('' through a proxy, which sends none: one bucket). A call may name
  // another connection, in any case of the header's name: the last one named wins. (Not read
  // through `new Headers`, which throws on a malformed value before fetch can be blamed for it.)
  let connection = '';
  for (const name in headers) {
    if (name.toLowerCase() === 'x-connection-id') connection = String(headers[name]);
  }
  const bucket = config.limiter?.get(connection);
  // The caller's abort wins over everything else, whenever it comes; it is never retried.
  const checkAbort = () => {
    if (signal?.aborted) {
      throw new APIUserAbortError(method, path, 'aborted by the caller', {
        cause: redactCause(signal.reason, config.redact),
      });
    }
  };

  for (let retry = 0; ; retry++) {
    checkAbort();
    // The limiter's turn, booked now (so calls waiting together go in order); the caller's abort
    // ends the wait at once. An aborted wait's token stays spent: at most one per abort.
    const waited = bucket ? turn(bucket) : 0;
    if (waited) {
      await new Promise<void>((resolve) => after(waited, signal, resolve));
      checkAbort();
    }
    const started = Date.now();
    let text = '';
    /** What the attempt adds to its debug line: the limiter's wait, the response's rate limit. */
    let notes = waited ? ` limiter-wait-ms=${waited}` : '';
    /** Seconds the response asked to wait before the next attempt, when it did. */
    let hold: number | undefined;
    /**
     * The attempt's debug line, key=value so it greps and parses:
     * `ofauth GET /v2/x?limit=5 → 429 attempt=1/3 ms=12 request-id=r1 retry-in-ms=1000`.
     */
    const log = (outcome: number | string, requestId: string | null | undefined, tail = '') =>
      debug?.(
        // Redacted whole as well: the query is sent as written (the raw client's is anyone's).
        config.redact(
          `ofauth GET ${url.pathname}${url.search} → ${outcome} attempt=${retry + 1}/${maxRetries + 1} ms=${Date.now() - started} request-id=${requestId ?? '-'}${notes}${tail}${config.logBodies ? ` body=${JSON.stringify(redactBody(text, config.redact))}` : ''}`,
        ),
      );
    const controller = new AbortController();
    // Never follows a redirect (see RedirectError): fetch would send `apiKey` on to any host.
    const init: RequestInit = { headers, signal: controller.signal, redirect: 'manual' };
    const off = after(timeoutMs, signal, () => controller.abort());
    let error: Failure;
    try {
      const response = await (fetch ?? globalThis.fetch)(target, init);
      // A 3xx, or a browser's opaque redirect (status 0): its body is not read.
      const { ok, status, headers } = response;
      const requestId = requestIdOf(response, config.redact);
      const rateLimit = readRateLimit(headers) ?? null;
      if (rateLimit) {
        if (bucket) hear(bucket, rateLimit);
        const { limit = '-', remaining = '-', resetAt } = rateLimit;
        notes += ` rate-limit=${remaining}/${limit}${resetAt === undefined ? '' : ` reset-in-ms=${Math.max(0, resetAt - Date.now())}`}`;
      }
      const redirect = !ok && status < 400;
      const read = redirect ? '' : await readCapped(response, maxResponseBytes);
      if (redirect) void response.body?.cancel();
      text = read ?? '';
      if (read === undefined) {
        error = new ResponseTooLargeError(method, path, status, requestId, maxResponseBytes);
      } else if (ok) {
        log(status, requestId);
        return { response, text, requestId, rateLimit };
      } else {
        // A 429's wait: Retry-After when sent, else until X-RateLimit-Reset (the vendor's). With
        // the limiter, only Retry-After: the bucket, which just adopted the 429's headers, knows
        // when the next token comes (a full bucket's reset is often over the minute's cap).
        const resetAt = status === 429 ? rateLimit?.resetAt : undefined;
        const untilReset =
          resetAt === undefined ? undefined : Math.max(0, resetAt - Date.now()) / 1000;
        const asked = parseRetryAfter(headers.get('retry-after'));
        hold = asked ?? (bucket ? undefined : untilReset);
        // The body parsed first, then redacted (never the text before parsing: see redact.ts).
        error = APIError.generate(
          method,
          path,
          status,
          redactBody(text, config.redact),
          asked ?? untilReset,
          requestId,
          redirect ? originOf(headers.get('location'), target, config.redact) : undefined,
        );
      }
    } catch (cause) {
      error = controller.signal.aborted
        ? new APITimeoutError(method, path, `timed out after ${timeoutMs} ms`)
        : new APIConnectionError(method, path, 'could not connect', {
            cause: redactCause(cause, config.redact),
          });
    } finally {
      off();
    }
    checkAbort();
    const delay = retryDelay(retry, hold);
    // A body over the cap is not retried, whatever its status: it would be as long again.
    const retrying =
      retry < maxRetries &&
      delay !== undefined &&
      !(error instanceof ResponseTooLargeError) &&
      isRetryableStatus(error.status, error.type);
    log(
      error.status ?? error.name,
      error.requestId,
      retrying ? ` retry-in-ms=${Math.round(delay)}` : '',
    );
    if (!retrying) throw error;
    // Wait before the next attempt; the caller's abort ends the wait at once (then checkAbort).
    await new Promise<void>((resolve) => after(delay, signal, resolve));
  }
}
