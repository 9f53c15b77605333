// The vendor's rate limit, in one place: a token bucket per connection id (90 requests of burst,
// refilled at 60 a minute on the standard plans), and the reading of the `X-RateLimit-*` headers
// that report it. The client's limiter waits on it so a loop never trips a 429, the proxy holds
// one per connection so many browsers cannot drain one creator's quota, and the mocks emulate the
// API with it, so all three agree on what the limit is and how it refills.

import { type OptionRule, option } from './options.js';

/** The vendor's numbers for the Pay-as-you-go and Starter plans (the Launch plan has no cap). */
export const VENDOR_RATE_LIMIT = { capacity: 90, refillPerMinute: 60 } as const;

export interface BucketOptions {
  /** The burst: how many requests a full bucket allows at once. */
  capacity: number;
  /** Tokens added per minute, continuously. */
  refillPerMinute: number;
}

/** The rules of a bucket's options, which the client's and the proxy's `rateLimit` object take. */
export const BUCKET_RULES: readonly OptionRule[] = [
  option.integer('capacity', 1),
  option.number('refillPerMinute', 0),
];

/** What the `X-RateLimit-*` headers of a response said, as numbers. */
export interface RateLimitState {
  limit?: number;
  remaining?: number;
  /** When the bucket is full again, in epoch milliseconds. */
  resetAt?: number;
}

/** A header reader: a Fetch `Headers`, or anything with the same `get`. */
interface HeaderSource {
  get(name: string): string | null;
}

const count = (value: string | null) =>
  value !== null && /^\s*\d{1,15}\s*$/.test(value) ? Number(value) : undefined;

/**
 * The rate-limit state a response reports, or undefined when it sends no `X-RateLimit-*` header.
 * `X-RateLimit-Reset` may be seconds from now or a Unix time (the vendor's pages do not say
 * which): a value of 10^9 or more (September 2001 as a Unix time) is read as a Unix time, in
 * seconds, or in milliseconds from 10^12.
 */
export function readRateLimit(headers: HeaderSource, now = Date.now()): RateLimitState | undefined {
  const state: RateLimitState = {};
  const limit = count(headers.get('x-ratelimit-limit'));
  const remaining = count(headers.get('x-ratelimit-remaining'));
  const reset = count(headers.get('x-ratelimit-reset'));
  if (limit !== undefined) state.limit = limit;
  if (remaining !== undefined) state.remaining = remaining;
  if (reset !== undefined) {
    state.resetAt = reset >= 1e12 ? reset : reset >= 1e9 ? reset * 1000 : now + reset * 1000;
  }
  return Object.keys(state).length > 0 ? state : undefined;
}

/** A token bucket. Times are epoch milliseconds, passed in, so tests need no clock. */
export interface TokenBucket {
  /**
   * Takes a token: 0 when one is there now, else how long until the caller's turn (the token is
   * booked, so callers waiting together are served in order, one refill apart).
   */
  take(now?: number): number;
  /** Tokens left now (negative while callers wait for booked tokens). */
  tokens(now?: number): number;
  /** Adopts what the server reported: its remaining count, and its capacity and refill. */
  observe(state: RateLimitState, now?: number): void;
  readonly capacity: number;
  /** Tokens per millisecond. */
  readonly rate: number;
}

export function createTokenBucket(options: BucketOptions = VENDOR_RATE_LIMIT): TokenBucket {
  let capacity = options.capacity;
  let rate = options.refillPerMinute / 60_000;
  let level = capacity;
  // The clock starts at the first call, with whatever `now` the caller uses.
  let at: number | undefined;
  const refill = (now: number) => {
    if (at === undefined) at = now;
    else if (now > at) {
      level = Math.min(capacity, level + (now - at) * rate);
      at = now;
    }
  };
  return {
    get capacity() {
      return capacity;
    },
    get rate() {
      return rate;
    },
    tokens(now = Date.now()) {
      refill(now);
      return level;
    },
    take(now = Date.now()) {
      refill(now);
      level -= 1;
      return level >= 0 ? 0 : rate > 0 ? Math.ceil(-level / rate) : Number.POSITIVE_INFINITY;
    },
    observe(state, now = Date.now()) {
      refill(now);
      if (state.limit !== undefined && state.limit > 0) capacity = state.limit;
      if (state.remaining !== undefined) {
        // The server counts every client of the connection; keep the lower of the two counts.
        level = Math.min(level, state.remaining);
        const left = (state.resetAt ?? now) - now;
        // "Full again at reset": the refill that gets from here to the capacity by then.
        if (left > 0 && capacity > state.remaining) rate = (capacity - state.remaining) / left;
      }
    },
  };
}

/** One bucket per key (a connection id), made on first use, at most `max` kept (oldest dropped). */
export function createBuckets(options: BucketOptions = VENDOR_RATE_LIMIT, max = 10_000) {
  const buckets = new Map<string, TokenBucket>();
  return {
    get(key: string): TokenBucket {
      let bucket = buckets.get(key);
      if (bucket) {
        // Most recently used last, so the oldest is the first to go.
        buckets.delete(key);
      } else {
        bucket = createTokenBucket(options);
        if (buckets.size >= max) buckets.delete(buckets.keys().next().value as string);
      }
      buckets.set(key, bucket);
      return bucket;
    },
    get size() {
      return buckets.size;
    },
  };
}
