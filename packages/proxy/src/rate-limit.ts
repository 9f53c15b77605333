// The proxy's own rate limit (`rateLimit`): one token bucket per connection id, core's bucket
// (the same one the client's limiter and the mock's emulation use), so many browsers behind one
// creator cannot spend that creator's quota at the API. A request past it is answered here, as
// the API would answer it, and never forwarded.
import { createBuckets, readRateLimit, VENDOR_RATE_LIMIT } from '@ofauth-mass-messages/core';
import { errorResponse } from './errors.js';

export interface RateLimitConfig {
  /** The burst: requests a full bucket allows at once. */
  capacity: number;
  /** Tokens added per minute, continuously. */
  refillPerMinute: number;
  /** Buckets kept at most (one per connection id); the least recently used is dropped. */
  maxConnections: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitConfig = {
  ...VENDOR_RATE_LIMIT,
  maxConnections: 10_000,
};

export interface ConnectionLimits {
  /**
   * Takes a token of the connection's bucket: undefined, or the 429 to answer instead. A refused
   * request takes nothing, so a browser retrying in a loop does not push its next turn away.
   */
  admit(connectionId: string): Response | undefined;
  /**
   * After the API answered: adopts the count it reported (other servers may spend the same
   * connection), then tells the browser this bucket's state in `downstream`.
   */
  settle(connectionId: string, upstream: Headers, downstream: Headers): void;
  /** How many buckets are held. */
  readonly size: number;
}

export function createConnectionLimits(config: RateLimitConfig): ConnectionLimits {
  const buckets = createBuckets(config, config.maxConnections);

  /** The X-RateLimit-* of a bucket holding `tokens`, in the API's units (seconds from now). */
  function report(headers: Headers, tokens: number, rate: number, capacity: number) {
    headers.set('x-ratelimit-limit', String(capacity));
    headers.set('x-ratelimit-remaining', String(Math.max(0, Math.floor(tokens))));
    // When the bucket is full again, as the spec's X-RateLimit-Reset reads it.
    headers.set(
      'x-ratelimit-reset',
      String(Math.max(0, Math.ceil((capacity - tokens) / rate / 1000))),
    );
  }

  return {
    admit(connectionId) {
      const bucket = buckets.get(connectionId);
      const now = Date.now();
      const tokens = bucket.tokens(now);
      if (tokens >= 1) {
        bucket.take(now);
        return undefined;
      }
      const headers = new Headers();
      report(headers, tokens, bucket.rate, bucket.capacity);
      // The next whole token: what a client that retries once should wait.
      headers.set('retry-after', String(Math.max(1, Math.ceil((1 - tokens) / bucket.rate / 1000))));
      return errorResponse(
        429,
        'RATE_LIMIT_EXCEEDED',
        `Rate limit exceeded: this proxy's share of the connection's requests is spent; retry in ${headers.get('retry-after')} s.`,
        { headers },
      );
    },
    settle(connectionId, upstream, downstream) {
      const bucket = buckets.get(connectionId);
      const reported = readRateLimit(upstream);
      // Only the count: the API's limit and reset describe its own bucket, whose size and refill
      // this one (a share of it) need not have.
      if (reported?.remaining !== undefined) bucket.observe({ remaining: reported.remaining });
      report(downstream, bucket.tokens(), bucket.rate, bucket.capacity);
    },
    get size() {
      return buckets.size;
    },
  };
}
