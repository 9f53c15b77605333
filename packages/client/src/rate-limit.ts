// The opt-in client-side rate limiter (the `rateLimit` option): core's token bucket, one per
// connection id, shared by every call of one client (list methods and the raw client alike), so
// that a loop over many pages or many creators waits for its turn instead of tripping the API's
// 429. The transport takes a token before each attempt and hands every X-RateLimit-* answer to
// the bucket, which adopts what the server counts (other clients of the same connection too).
import {
  BUCKET_RULES,
  type BucketOptions,
  createBuckets,
  type RateLimitState,
  type TokenBucket,
  VENDOR_RATE_LIMIT,
} from '@ofauth-mass-messages/core';
import { checkOpts } from './arguments.js';

/** The buckets of one client, by connection id ('' through a proxy: then one bucket). */
export type Limiter = ReturnType<typeof createBuckets>;

/**
 * Added to a wait for a token while the client's count may run ahead of the server's. The
 * server's bucket started refilling when the first request reached it, later than the client's
 * by that request's latency (a TLS handshake included), so a request sent the instant the
 * client's bucket refills can reach the server's just before it does. An answer with
 * `X-RateLimit-Remaining` puts the client's count at or behind the server's (the lower count
 * wins) until requests are booked ahead again; so the margin applies while the bucket has heard
 * nothing from the server, or holds bookings (calls waiting together). It delays each such
 * request once and never adds up: bookings are unchanged.
 */
const TOKEN_MARGIN_MS = 100;

/** Buckets that have adopted a server's X-RateLimit-* answer. */
const heard = new WeakSet<TokenBucket>();

/** Books the next token of `bucket`: how long to wait for it, in ms (0: now). */
export function turn(bucket: TokenBucket): number {
  const ahead = !heard.has(bucket) || bucket.tokens() < 0;
  const wait = bucket.take();
  return wait && wait + (ahead ? TOKEN_MARGIN_MS : 0);
}

/** Adopts what a response's X-RateLimit-* headers said. */
export function hear(bucket: TokenBucket, state: RateLimitState): void {
  heard.add(bucket);
  bucket.observe(state);
}

/**
 * The limiter of the `rateLimit` option, or undefined when it is off. `true` takes the vendor's
 * numbers (90 of burst, 60 a minute); an object (createClient's check let only these through) may
 * change either, by core's bucket rules.
 */
export function rateLimiter(
  option: boolean | Partial<BucketOptions> | undefined,
): Limiter | undefined {
  if (option === undefined || option === false) return undefined;
  const { capacity, refillPerMinute }: Partial<BucketOptions> = option === true ? {} : option;
  if (option !== true) checkOpts(BUCKET_RULES, option, '', 'rateLimit.');
  // At most 10,000 buckets (core's bound): a client fed endless connection ids stays bounded.
  return createBuckets({
    capacity: capacity ?? VENDOR_RATE_LIMIT.capacity,
    refillPerMinute: refillPerMinute ?? VENDOR_RATE_LIMIT.refillPerMinute,
  });
}
