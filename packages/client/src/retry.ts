// When to retry and how long to wait: exponential backoff with jitter, or what Retry-After says.

/** First backoff; doubles per retry. */
export const INITIAL_DELAY_MS = 500;
/** Backoff never grows past this. */
export const MAX_BACKOFF_MS = 8_000;
/**
 * The most retries a call may ask for. Ten backoffs add up to about a minute (0.5 + 1 + 2 + 4 +
 * 8 s × 6, before timeouts): past that a retry inside one call helps nobody, and an unbounded
 * count turns an outage into a client that never gives up.
 */
export const MAX_RETRIES = 10;
/** The longest Retry-After the client waits out; past it the error goes to the caller at once. */
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * Whether a failure is worth another try for these idempotent GETs: 429 and 5xx are (the vendor:
 * 502 and 503 "retry after a delay"), and the vendor's `RULES_OUTDATED` 401 (OFAuth updates its
 * rules by itself); other statuses and types are not (a key to fix, a creator to reconnect); a
 * failure without a status (no response: connection error, timeout) is.
 */
export function isRetryableStatus(status: number | undefined, type?: string): boolean {
  return status === undefined || status === 429 || status >= 500 || type === 'RULES_OUTDATED';
}

/** `Retry-After` in seconds, from either form (`"30"` or an HTTP date); undefined if absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  // An HTTP date names its day and month; anything else (`-5`, `1e3`) is unreadable, not a date.
  // String(): null reads as the word "null", which is no date either.
  const text = String(value);
  const seconds = /^\s*\d+(\.\d+)?\s*$/.test(text)
    ? Number(text)
    : /[a-z]/i.test(text)
      ? (Date.parse(text) - now) / 1000
      : Number.NaN;
  return Number.isNaN(seconds) ? undefined : Math.max(0, seconds);
}

/**
 * How long to wait before retry number `retry` (0-based), or undefined when the API asked for
 * longer than MAX_RETRY_AFTER_MS (waiting that long inside a call helps nobody).
 * The backoff: 500 ms, 1 s, 2 s, … up to 8 s, each minus up to 25 % jitter so that many clients
 * failing together don't come back together. Retry-After can lengthen that wait, never shorten
 * it: the floor is the backoff itself rather than a fixed minimum, so `Retry-After: 0` or a past
 * date (a clock skew, a misconfigured proxy) still backs off exponentially and keeps the jitter,
 * instead of spending every retry within milliseconds against an API that is failing.
 */
export function retryDelay(
  retry: number,
  retryAfterSeconds: number | undefined,
  random: () => number = Math.random,
): number | undefined {
  const backoff = Math.min(INITIAL_DELAY_MS * 2 ** retry, MAX_BACKOFF_MS) * (1 - random() / 4);
  const ms = (retryAfterSeconds ?? 0) * 1000;
  return ms <= MAX_RETRY_AFTER_MS ? Math.max(ms, backoff) : undefined;
}
