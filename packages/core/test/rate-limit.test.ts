// The vendor's token bucket and the X-RateLimit headers, on a clock the tests hold.
import { describe, expect, it } from 'vitest';
import {
  createBuckets,
  createTokenBucket,
  readRateLimit,
  VENDOR_RATE_LIMIT,
} from '../src/rate-limit.js';

const headers = (values: Record<string, string>) => new Headers(values);

describe('readRateLimit', () => {
  const now = 1_700_000_000_000;
  it.each<[string, Record<string, string>, object | undefined]>([
    ['none', {}, undefined],
    [
      'seconds from now',
      { 'X-RateLimit-Limit': '90', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '30' },
      { limit: 90, remaining: 0, resetAt: now + 30_000 },
    ],
    [
      'a Unix time in seconds',
      { 'X-RateLimit-Reset': '1700000090' },
      { resetAt: 1_700_000_090_000 },
    ],
    [
      'a Unix time in milliseconds',
      { 'X-RateLimit-Reset': '1700000090000' },
      { resetAt: 1_700_000_090_000 },
    ],
    [
      'unreadable values left out',
      { 'X-RateLimit-Limit': 'many', 'X-RateLimit-Remaining': '-1' },
      undefined,
    ],
  ])('%s', (_, values, state) => {
    expect(readRateLimit(headers(values), now)).toEqual(state);
  });
});

describe('createTokenBucket', () => {
  it('allows the burst at once, then one request per refill interval, in order', () => {
    const bucket = createTokenBucket(VENDOR_RATE_LIMIT);
    const waits = Array.from({ length: 93 }, () => bucket.take(0));
    expect(waits.slice(0, 90).every((w) => w === 0)).toBe(true);
    // 60 a minute: the 91st request waits a second, the 92nd two, the 93rd three.
    expect(waits.slice(90)).toEqual([1000, 2000, 3000]);
  });

  it('refills with time, never above its capacity', () => {
    const bucket = createTokenBucket({ capacity: 2, refillPerMinute: 60 });
    bucket.take(0);
    bucket.take(0);
    expect(bucket.tokens(500)).toBeCloseTo(0.5);
    expect(bucket.tokens(60_000)).toBe(2);
  });

  it('adopts what the server reports: a lower remaining count and the refill to be full at reset', () => {
    const bucket = createTokenBucket(VENDOR_RATE_LIMIT);
    bucket.take(0);
    bucket.observe({ limit: 100, remaining: 0, resetAt: 50_000 }, 0);
    expect(bucket.capacity).toBe(100);
    expect(bucket.take(0)).toBe(500);
    expect(bucket.tokens(50_000)).toBeCloseTo(99);
  });
});

describe('createBuckets', () => {
  it('keeps one bucket per key, and no more than its bound', () => {
    const buckets = createBuckets(VENDOR_RATE_LIMIT, 3);
    const first = buckets.get('a');
    expect(buckets.get('a')).toBe(first);
    for (const key of ['b', 'c', 'd', 'e']) buckets.get(key);
    expect(buckets.size).toBe(3);
    expect(buckets.get('a')).not.toBe(first);
  });
});
