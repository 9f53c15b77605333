// The API's rate limit, emulated when asked: a token bucket per connection id (core's, the one the
// client's limiter and the proxy hold too), and the `X-RateLimit-*` headers of every answer. Off
// by default, the headers then report a full bucket, so a client that adapts to them never slows
// down against a mock that does not limit.
import {
  type BucketOptions,
  createBuckets,
  type TokenBucket,
  VENDOR_RATE_LIMIT,
} from '@ofauth-mass-messages/core';
import { digest } from './digest.js';

/**
 * How many connections' buckets the mock keeps at most, per bucket size: the least recently used
 * goes first. The same bound, and for the same reasons, as the `times=` counts
 * (MAX_TRACKED_SCENARIOS): a test run reuses its connection ids within seconds, and a fixed
 * count bounds memory whatever the number of distinct connections. A connection unseen while
 * 10,000 others came starts again with a full bucket, as after a long pause.
 */
export const MAX_TRACKED_CONNECTIONS = 10_000;

/** Whether a request may pass, and the `X-RateLimit-*` headers its answer carries. */
export interface Admission {
  refused: boolean;
  headers: Record<string, string>;
}

export interface Limits {
  /**
   * Takes a token from `client`'s bucket (the one the mock's option or the request's
   * `Prefer: rate-limit=` picks), or refuses when it is empty (no token is taken then).
   */
  admit(client: string, choice: 'vendor' | 'off' | undefined, now: number): Admission;
  /** The headers of an answer that took no token (a 401, a 404, a preflight): a full bucket. */
  readonly idle: Record<string, string>;
  /** Buckets held now, across sizes. */
  readonly size: number;
  /** Forgets every bucket: every connection starts full again. */
  reset(): void;
}

/** The headers of a bucket now: its size, the whole tokens left, seconds until it is full. */
function headersOf(bucket: TokenBucket, now: number): Record<string, string> {
  const tokens = bucket.tokens(now);
  const missing = bucket.capacity - tokens;
  return {
    'x-ratelimit-limit': String(bucket.capacity),
    'x-ratelimit-remaining': String(Math.max(0, Math.floor(tokens))),
    'x-ratelimit-reset': String(missing > 0 ? Math.ceil(missing / bucket.rate / 1000) : 0),
  };
}

function full(options: BucketOptions): Record<string, string> {
  return {
    'x-ratelimit-limit': String(options.capacity),
    'x-ratelimit-remaining': String(options.capacity),
    'x-ratelimit-reset': '0',
  };
}

export function createLimits(configured: BucketOptions | undefined): Limits {
  const pools = new Map<string, ReturnType<typeof createBuckets>>();
  const poolOf = (options: BucketOptions) => {
    const key = `${options.capacity}/${options.refillPerMinute}`;
    let pool = pools.get(key);
    if (!pool) {
      pool = createBuckets(options, MAX_TRACKED_CONNECTIONS);
      pools.set(key, pool);
    }
    return pool;
  };
  const idle = full(configured ?? VENDOR_RATE_LIMIT);

  return {
    idle,
    get size() {
      let size = 0;
      for (const pool of pools.values()) size += pool.size;
      return size;
    },
    reset: () => pools.clear(),
    admit(client, choice, now) {
      const options =
        choice === 'off' ? undefined : choice === 'vendor' ? VENDOR_RATE_LIMIT : configured;
      if (!options) return { refused: false, headers: idle };
      // Keyed by a digest: a connection id of any length costs the same, and is not kept as text.
      const bucket = poolOf(options).get(digest(client));
      // A refused request takes nothing: the bucket refills while a client is turned away.
      if (bucket.tokens(now) < 1) return { refused: true, headers: headersOf(bucket, now) };
      bucket.take(now);
      return { refused: false, headers: headersOf(bucket, now) };
    },
  };
}
