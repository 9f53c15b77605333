// The vendor's rate limit, emulated when asked: a bucket per connection id (core's token bucket),
// 429 RATE_LIMIT_EXCEEDED once it is empty, X-RateLimit-* saying where it stands; off by default,
// on for one request with `Prefer: rate-limit=vendor`; and a bounded number of buckets.
import { VENDOR_RATE_LIMIT } from '@ofauth-mass-messages/core';
import { operations } from '@ofauth-mass-messages/spec/operations';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLimits, MAX_TRACKED_CONNECTIONS } from '../../src/core/limits.js';
import { type MockOptions, resolveMockOptions } from '../../src/core/options.js';
import { createMockCore } from '../../src/core/respond.js';
import { createMockFetch } from '../../src/fetch.js';
import { createHandlers } from '../../src/msw.js';
import { call, spec } from '../helpers/core.js';
import { AUTH } from '../helpers/http.js';
import { expectValid } from '../helpers/spec.js';

const [operation] = operations;

/** A core whose clock the test moves. */
function clocked(options: MockOptions) {
  const time = { now: 1_000_000 };
  const mock = createMockCore(spec, { ...options, clock: () => time.now });
  return { mock, time };
}

/** The statuses of `count` requests in a row from one connection. */
async function burst(
  mock: ReturnType<typeof createMockCore>,
  count: number,
  headers: Record<string, string> = AUTH,
) {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) statuses.push((await call(mock, operation.path, headers)).status);
  return statuses;
}

const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;

describe('the rate limit, emulated', () => {
  it.each([
    ["'vendor': the vendor's burst", 'vendor' as const, 90, 60],
    ['{ capacity: 3, refillPerMinute: 6 }', { capacity: 3, refillPerMinute: 6 }, 3, 6],
  ])(
    '%s passes, then 429s until a token is back',
    async (_case, rateLimit, capacity, perMinute) => {
      const { mock, time } = clocked({ rateLimit });
      const statuses = await burst(mock, capacity + 5);
      expect(count(statuses, 200)).toBe(capacity);
      expect(statuses.slice(capacity)).toEqual([429, 429, 429, 429, 429]);
      // One token per 60/perMinute seconds: just before it, still 429; at it, one request passes.
      const refill = 60_000 / perMinute;
      time.now += refill - 1;
      expect(await burst(mock, 1)).toEqual([429]);
      time.now += 1;
      expect(await burst(mock, 2)).toEqual([200, 429]);
    },
  );

  it("answers 429 RATE_LIMIT_EXCEEDED in the vendor's shape, with the bucket's headers", async () => {
    const { mock } = clocked({ rateLimit: 'vendor' });
    await burst(mock, 90);
    const refused = await call(mock, operation.path);
    expect(refused.status).toBe(429);
    expect(refused.json).toEqual({
      error: expect.stringMatching(/^Rate limit exceeded/),
      type: 'RATE_LIMIT_EXCEEDED',
      requestId: refused.headers['x-request-id'],
    });
    expectValid(operation.operationId, 429, refused.json);
    // Empty, and full again after 90 tokens at one a second; the vendor sends no Retry-After.
    expect(refused.headers).toMatchObject({
      'x-ratelimit-limit': '90',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': '90',
    });
    expect(refused.headers['retry-after']).toBeUndefined();
  });

  it('counts down X-RateLimit-Remaining, and Reset grows as the bucket empties', async () => {
    const { mock } = clocked({ rateLimit: { capacity: 4, refillPerMinute: 60 } });
    const seen = [];
    for (let i = 0; i < 4; i++) {
      const { headers } = await call(mock, operation.path);
      seen.push([headers['x-ratelimit-remaining'], headers['x-ratelimit-reset']]);
    }
    expect(seen).toEqual([
      ['3', '1'],
      ['2', '2'],
      ['1', '3'],
      ['0', '4'],
    ]);
  });

  it('keeps one bucket per connection id', async () => {
    const { mock } = clocked({ rateLimit: { capacity: 2, refillPerMinute: 1 } });
    const a = { ...AUTH, 'x-connection-id': 'creator-a' };
    const b = { ...AUTH, 'x-connection-id': 'creator-b' };
    expect(await burst(mock, 3, a)).toEqual([200, 200, 429]);
    expect(await burst(mock, 3, b)).toEqual([200, 200, 429]);
    // Another API key on the same connection draws on the same bucket, as the vendor's does.
    expect(await burst(mock, 1, { ...a, apiKey: 'another-key' })).toEqual([429]);
  });

  it('takes no token for a refused request: a client turned away still gets its refill', async () => {
    const { mock, time } = clocked({ rateLimit: { capacity: 1, refillPerMinute: 60 } });
    expect(await burst(mock, 10)).toEqual([200, 429, 429, 429, 429, 429, 429, 429, 429, 429]);
    time.now += 1_000;
    expect(await burst(mock, 1)).toEqual([200]);
  });

  it('costs a token for a 400 too, and none for a 401 (no connection to charge)', async () => {
    const { mock } = clocked({ rateLimit: { capacity: 2, refillPerMinute: 1 } });
    expect((await call(mock, `${operation.path}?limit=0`)).status).toBe(400);
    expect((await call(mock, operation.path, {})).status).toBe(401);
    expect(await burst(mock, 2)).toEqual([200, 429]);
  });

  it('reset() fills every bucket again', async () => {
    const { mock } = clocked({ rateLimit: { capacity: 1, refillPerMinute: 1 } });
    expect(await burst(mock, 2)).toEqual([200, 429]);
    mock.reset();
    expect(await burst(mock, 2)).toEqual([200, 429]);
  });
});

describe('the rate limit, off (the default) and per request', () => {
  it('never refuses without the option: 300 requests of one connection, all 200', async () => {
    const { mock } = clocked({});
    expect(count(await burst(mock, 300), 200)).toBe(300);
  });

  it("Prefer: rate-limit=vendor puts a request under the vendor's bucket anyway", async () => {
    const { mock } = clocked({});
    const statuses = await burst(mock, 95, { ...AUTH, prefer: 'rate-limit=vendor' });
    expect(count(statuses, 200)).toBe(VENDOR_RATE_LIMIT.capacity);
    expect(count(statuses, 429)).toBe(5);
    // Requests without the token are not limited, and do not drain the bucket.
    expect(await burst(mock, 3)).toEqual([200, 200, 200]);
  });

  it('Prefer: rate-limit=off exempts a request from the configured bucket', async () => {
    const { mock } = clocked({ rateLimit: { capacity: 1, refillPerMinute: 1 } });
    expect(await burst(mock, 2)).toEqual([200, 429]);
    expect(await burst(mock, 3, { ...AUTH, prefer: 'rate-limit=off' })).toEqual([200, 200, 200]);
  });

  it.each([
    ['rateLimit: "fast"', { rateLimit: 'fast' }, /Invalid rateLimit: "fast"/],
    ['a capacity of 0', { rateLimit: { capacity: 0, refillPerMinute: 60 } }, /rateLimit\.capacity/],
    [
      'a refill that is not an integer',
      { rateLimit: { capacity: 5, refillPerMinute: 0.5 } },
      /rateLimit\.refillPerMinute/,
    ],
    ['an unknown key', { rateLimit: { capacity: 5, refillPerMinute: 5, burst: 9 } }, /"burst"/],
  ])('refuses %s, naming it', (_case, options, message) => {
    expect(() => resolveMockOptions(options as MockOptions)).toThrow(message);
  });
});

describe('the buckets kept', () => {
  it(`at most ${MAX_TRACKED_CONNECTIONS} per size, the least recently used dropped`, () => {
    const limits = createLimits(VENDOR_RATE_LIMIT);
    const connections = 2.5 * MAX_TRACKED_CONNECTIONS;
    const now = 5_000;
    // The first connection empties its bucket, then 25,000 others come.
    for (let i = 0; i < 90; i++) limits.admit('first', undefined, now);
    expect(limits.admit('first', undefined, now).refused).toBe(true);
    for (let i = 0; i < connections; i++) limits.admit(`connection-${i}`, undefined, now);
    expect(limits.size).toBe(MAX_TRACKED_CONNECTIONS);
    // Forgotten: it starts again with a full bucket, as after a long pause.
    expect(limits.admit('first', undefined, now)).toMatchObject({ refused: false });
    // One in use all along is kept.
    limits.admit('kept', undefined, now);
    for (let i = 0; i < MAX_TRACKED_CONNECTIONS - 1; i++)
      limits.admit(`other-${i}`, undefined, now);
    expect(limits.admit('kept', undefined, now).headers['x-ratelimit-remaining']).toBe('88');
  });

  it('holds a long connection id as a fixed-size digest', () => {
    const limits = createLimits({ capacity: 1, refillPerMinute: 1 });
    const long = 'c'.repeat(1_000_000);
    expect(limits.admit(long, undefined, 0).refused).toBe(false);
    expect(limits.admit(long, undefined, 0).refused).toBe(true);
    expect(limits.size).toBe(1);
  });
});

describe('the option through createMockFetch and the MSW handlers', () => {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it('createMockFetch({ rateLimit })', async () => {
    const mockFetch = createMockFetch({ rateLimit: { capacity: 2, refillPerMinute: 1 } });
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      statuses.push(
        (await mockFetch(`https://api.test${operation.path}`, { headers: AUTH })).status,
      );
    }
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('createHandlers({ rateLimit })', async () => {
    server.use(...createHandlers({ rateLimit: { capacity: 2, refillPerMinute: 1 } }));
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`https://api-next.ofauth.com${operation.path}`, {
        headers: AUTH,
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([200, 200, 429]);
  });
});
