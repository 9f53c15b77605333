// `rateLimit`: one token bucket per connection id, held by the proxy, so that many browsers behind
// one creator cannot spend that creator's quota at the API. Past it the proxy answers the 429
// itself, in the API's error shape and with the API's headers, and calls nothing.
import { type Operation, operations } from '@ofauth-mass-messages/spec/operations';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createProxyHandler } from '../src/index.js';
import { createConnectionLimits } from '../src/rate-limit.js';
import type { ProxyOptions } from '../src/types.js';
import { expectProxyError } from './helpers/proxy-error.js';
import { type Answer, API_KEY, recordingFetch } from './helpers/upstream.js';

const operation = operations[0] as Operation;
const START = Date.UTC(2026, 10, 1, 12, 0, 0);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(START);
});
afterEach(() => {
  vi.useRealTimers();
});

/** A proxy whose authorize reads the connection id from the `x-user` header (a stand-in session). */
function limitedProxy(rateLimit: ProxyOptions['rateLimit'], answer?: Answer) {
  const upstream = recordingFetch(answer);
  const handler = createProxyHandler({
    apiKey: API_KEY,
    authorize: (request) => request.headers.get('x-user'),
    upstream: 'http://upstream.test',
    fetch: upstream.fetch,
    ...(rateLimit === undefined ? {} : { rateLimit }),
  });
  const call = (connection: string) =>
    handler(
      new Request(`http://localhost${operation.path}`, { headers: { 'x-user': connection } }),
    );
  return { call, handler, received: upstream.received };
}

const statuses = async (responses: Promise<Response>[]) =>
  (await Promise.all(responses)).map((response) => response.status);

describe('rateLimit', () => {
  it('answers 429 past the burst, in the API error shape, without calling the API', async () => {
    const { call, received } = limitedProxy({ capacity: 3, refillPerMinute: 60 });

    expect(await statuses([call('conn_a'), call('conn_a'), call('conn_a')])).toEqual([
      200, 200, 200,
    ]);
    const refused = await call('conn_a');

    expect(received).toHaveLength(3);
    await expectProxyError(refused, {
      status: 429,
      code: 'RATE_LIMIT_EXCEEDED',
      error: expect.stringMatching(/rate limit/i),
    });
  });

  it("tells when to come back: X-RateLimit-* of the proxy's bucket, and Retry-After", async () => {
    // 3 of burst, 6 a minute: a token every 10 s, full again 30 s after the last was taken.
    const { call } = limitedProxy({ capacity: 3, refillPerMinute: 6 });
    await statuses([call('conn_a'), call('conn_a'), call('conn_a')]);
    vi.setSystemTime(START + 4_000);
    const refused = await call('conn_a');

    expect(refused.status).toBe(429);
    expect(Object.fromEntries(refused.headers)).toMatchObject({
      'x-ratelimit-limit': '3',
      'x-ratelimit-remaining': '0',
      // 0.4 tokens back after 4 s: 2.6 to go at 0.1 a second.
      'x-ratelimit-reset': '26',
      // and 0.6 to the next whole token.
      'retry-after': '6',
    });
  });

  it('refills: a refused request costs nothing, and the next token comes on time', async () => {
    const { call, received } = limitedProxy({ capacity: 1, refillPerMinute: 6 });
    expect(await statuses([call('conn_a')])).toEqual([200]);
    // Refused requests in a loop do not push the next token further away.
    for (let i = 0; i < 20; i++) expect((await call('conn_a')).status).toBe(429);
    vi.setSystemTime(START + 9_999);
    expect((await call('conn_a')).status).toBe(429);
    vi.setSystemTime(START + 10_000);
    expect((await call('conn_a')).status).toBe(200);
    expect(received).toHaveLength(2);
  });

  it('holds one bucket per connection id: one creator drained, another still served', async () => {
    const { call, received } = limitedProxy({ capacity: 2, refillPerMinute: 1 });

    expect(await statuses([call('conn_a'), call('conn_a'), call('conn_a')])).toEqual([
      200, 200, 429,
    ]);
    expect(await statuses([call('conn_b'), call('conn_b')])).toEqual([200, 200]);
    expect(received.map((r) => r.headers['x-connection-id'])).toEqual([
      'conn_a',
      'conn_a',
      'conn_b',
      'conn_b',
    ]);
  });

  it("reports its own bucket on forwarded answers, never more than the API's count", async () => {
    // The API says 1 request is left (other servers spend the same connection): the proxy
    // adopts that count, so its next request is refused without asking.
    const { call, received } = limitedProxy(
      { capacity: 10, refillPerMinute: 1 },
      {
        headers: {
          'x-ratelimit-limit': '90',
          'x-ratelimit-remaining': '1',
          'x-ratelimit-reset': '89',
        },
      },
    );
    const first = await call('conn_a');

    expect(first.status).toBe(200);
    expect(first.headers.get('x-ratelimit-limit')).toBe('10');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('1');
    expect((await call('conn_a')).status).toBe(200);
    expect((await call('conn_a')).status).toBe(429);
    expect(received).toHaveLength(2);
  });

  it('stops forwarding after an API 429 until its own bucket refills', async () => {
    const { call, received } = limitedProxy(
      { capacity: 5, refillPerMinute: 60 },
      {
        status: 429,
        body: '{"error":"Rate limit exceeded","type":"RATE_LIMIT_EXCEEDED","requestId":"req_1"}',
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '30' },
      },
    );

    expect((await call('conn_a')).status).toBe(429);
    expect((await call('conn_a')).status).toBe(429);
    expect(received).toHaveLength(1);
    vi.setSystemTime(START + 1_000);
    await call('conn_a');
    expect(received).toHaveLength(2);
  });

  it("uses the vendor's numbers with rateLimit: true (90 of burst)", async () => {
    const { call, received } = limitedProxy(true);
    const answers = await statuses(Array.from({ length: 91 }, () => call('conn_a')));

    expect(answers.filter((status) => status === 200)).toHaveLength(90);
    expect(answers[90]).toBe(429);
    expect(received).toHaveLength(90);
  });

  it('is off by default: the API alone limits', async () => {
    const { call, received } = limitedProxy(undefined);
    await statuses(Array.from({ length: 120 }, () => call('conn_a')));

    expect(received).toHaveLength(120);
  });

  it('keeps at most maxConnections buckets, dropping the least recently used', async () => {
    const { call } = limitedProxy({ capacity: 1, refillPerMinute: 1, maxConnections: 2 });
    expect(await statuses([call('conn_a'), call('conn_a')])).toEqual([200, 429]);
    // Two other connections push conn_a's empty bucket out: it starts full again.
    await statuses([call('conn_b'), call('conn_c')]);

    expect((await call('conn_a')).status).toBe(200);
  });

  it('keeps a recently used bucket over an older one', async () => {
    const { call } = limitedProxy({ capacity: 1, refillPerMinute: 1, maxConnections: 2 });
    await statuses([call('conn_a'), call('conn_b')]);
    // conn_a is used again (refused), so conn_b is the older one when conn_c arrives.
    expect((await call('conn_a')).status).toBe(429);
    await call('conn_c');

    expect((await call('conn_a')).status).toBe(429);
    expect((await call('conn_b')).status).toBe(200);
  });

  it('spends no token on a request refused before it would be forwarded (a bad query)', async () => {
    const { call, handler, received } = limitedProxy({ capacity: 1, refillPerMinute: 1 });
    const bad = await handler(
      new Request(`http://localhost${operation.path}?limit=0`, { headers: { 'x-user': 'conn_a' } }),
    );

    expect(bad.status).toBe(400);
    expect((await call('conn_a')).status).toBe(200);
    expect(received).toHaveLength(1);
  });
});

describe('createConnectionLimits', () => {
  it('holds at most maxConnections buckets however many creators pass (bounded memory)', () => {
    const limits = createConnectionLimits({
      capacity: 1,
      refillPerMinute: 1,
      maxConnections: 1_000,
    });
    for (let i = 0; i < 50_000; i++) limits.admit(`conn_${i}`);

    expect(limits.size).toBe(1_000);
  });
});
