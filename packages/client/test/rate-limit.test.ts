// The opt-in client-side rate limiter (`rateLimit`), through createClient with a scripted fetch
// and fake timers: when each request goes out (a token bucket per connection id, shared by every
// call of the client, adapting to the X-RateLimit-* headers), that waiting honours the caller's
// abort, and where the rate-limit state shows (withResponse(), the debug line). What it does
// against a server holding the vendor's bucket is in rate-limit.http.test.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClient } from '../src/client.js';
import { APIUserAbortError, InvalidArgumentError, RateLimitError } from '../src/errors.js';
import type { ClientOptions } from '../src/types.js';
import { type FakeFetch, fakeFetch, json, massPage, type Reply } from './helpers/fake-fetch.js';

const NOW = Date.parse('2026-11-21T09:00:00Z');
const page = massPage(1, 1, false);
const pages = (count: number, headers: Record<string, string> = {}) =>
  Array.from({ length: count }, () => json(page, 200, headers));

/** A bucket of 3 refilled at one token a second: small enough to see every wait. */
const SMALL = { capacity: 3, refillPerMinute: 60 };
/**
 * Added to a wait until the server's X-RateLimit-* answers have put the client's count behind
 * the server's (none of these replies sends them) or while calls wait together.
 */
const MARGIN = 100;

function clientWith(replies: Reply[], options: Partial<ClientOptions> = {}) {
  const fetch = fakeFetch(...replies);
  const client = createClient({
    apiKey: 'sk_rate_limit_test_key',
    connectionId: 'conn_1',
    fetch,
    rateLimit: SMALL,
    ...options,
  } as ClientOptions);
  return { fetch, client };
}

/** Runs every timer until the promise settles. */
async function settle<T>(promise: PromiseLike<T>): Promise<{ value?: T; error?: unknown }> {
  const result = promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  await vi.runAllTimersAsync();
  return result;
}

/** When each request went out, in ms from the start. */
const times = (fetch: FakeFetch) => fetch.seen.map((s) => s.at - NOW);

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
  vi.spyOn(Math, 'random').mockReturnValue(0);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the bucket', () => {
  it('lets a burst of `capacity` go at once, then one request per refilled token', async () => {
    const { fetch, client } = clientWith(pages(5));
    for (let i = 0; i < 5; i++) await settle(client.listMassMessages());
    expect(times(fetch)).toEqual([0, 0, 0, 1000 + MARGIN, 2000 + MARGIN]);
  });

  it('is shared by every call of the client, concurrent ones served in order', async () => {
    const { fetch, client } = clientWith(pages(5));
    await settle(Promise.all(Array.from({ length: 5 }, () => client.listMassMessages())));
    expect(times(fetch)).toEqual([0, 0, 0, 1000 + MARGIN, 2000 + MARGIN]);
  });

  it('is kept per connection id (a call may name another in its headers)', async () => {
    const { fetch, client } = clientWith(pages(3), { rateLimit: { capacity: 1 } });
    const other = { headers: { 'x-connection-id': 'conn_2' } };
    await settle(
      Promise.all([
        client.listMassMessages(),
        client.listMassMessages({}, other),
        client.listMassMessages(),
      ]),
    );
    expect(fetch.seen.map((s) => [s.headers.get('x-connection-id'), s.at - NOW])).toEqual([
      ['conn_1', 0],
      ['conn_2', 0],
      ['conn_1', 1000 + MARGIN],
    ]);
  });

  it('is one bucket through a proxy, where the client sends no connection id', async () => {
    const { fetch, client } = clientWith(pages(3), {
      apiKey: undefined,
      connectionId: undefined,
      baseUrl: 'http://127.0.0.1:8787/api',
      rateLimit: { capacity: 2 },
    });
    await settle(Promise.all(Array.from({ length: 3 }, () => client.listMassMessages())));
    expect(times(fetch)).toEqual([0, 0, 1000 + MARGIN]);
  });

  it('takes the vendor’s numbers with `true`: a burst of 90, then one a second', async () => {
    const { fetch, client } = clientWith(pages(92), { rateLimit: true });
    await settle(Promise.all(Array.from({ length: 92 }, () => client.listMassMessages())));
    expect(times(fetch).slice(88)).toEqual([0, 0, 1000 + MARGIN, 2000 + MARGIN]);
  });

  it('sends at once, however many calls, without the option', async () => {
    const { fetch, client } = clientWith(pages(100), { rateLimit: undefined });
    await settle(Promise.all(Array.from({ length: 100 }, () => client.listMassMessages())));
    expect(new Set(times(fetch))).toEqual(new Set([0]));
  });

  it('paces retries too', async () => {
    const { fetch, client } = clientWith([json({ error: 'Proxy error' }, 502), json(page)], {
      rateLimit: { capacity: 1 },
    });
    expect((await settle(client.listMassMessages())).value).toEqual(page);
    // The backoff is 500 ms; the next token comes at 1000 ms.
    expect(times(fetch)).toEqual([0, 1000 + MARGIN]);
  });
});

describe('adapting to the X-RateLimit-* headers', () => {
  it('adopts what the server counts: limit, remaining, and the refill that fills it by reset', async () => {
    // The server has 0 left of 2, full again in 10 s: a token every 5 s.
    const { fetch, client } = clientWith(
      pages(3, {
        'x-ratelimit-limit': '2',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': '10',
      }),
      { rateLimit: { capacity: 50 } },
    );
    for (let i = 0; i < 3; i++) await settle(client.listMassMessages());
    // No margin: each answer put the client's count at the server's.
    expect(times(fetch)).toEqual([0, 5000, 10_000]);
  });

  it('retries a 429 after its own wait for a token, not the minute-long reset', async () => {
    // Without the limiter this 429 (full again in 90 s) is thrown at once (over the 60 s cap);
    // with it, the bucket now knows a token comes every second.
    const limited = {
      'x-ratelimit-limit': '90',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': '90',
    };
    const { fetch, client } = clientWith(
      [
        json({ error: 'Rate limit exceeded', type: 'RATE_LIMIT_EXCEEDED' }, 429, limited),
        json(page),
      ],
      { rateLimit: true },
    );
    expect((await settle(client.listMassMessages())).value).toEqual(page);
    expect(times(fetch)).toEqual([0, 1000]);

    const without = clientWith(
      [json({ error: 'Rate limit exceeded', type: 'RATE_LIMIT_EXCEEDED' }, 429, limited)],
      { rateLimit: false },
    );
    expect((await settle(without.client.listMassMessages())).error).toBeInstanceOf(RateLimitError);
    expect(without.fetch.seen).toHaveLength(1);
  });
});

describe('waiting', () => {
  it('ends at once when the caller aborts, sending nothing', async () => {
    const { fetch, client } = clientWith(pages(2), { rateLimit: { capacity: 1 } });
    await settle(client.listMassMessages());
    const controller = new AbortController();
    const call = client.listMassMessages({}, { signal: controller.signal }).then(
      () => undefined,
      (error: unknown) => error,
    );
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    const error = await call;
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(Date.now() - NOW).toBe(100);
    expect(fetch.seen).toHaveLength(1);
  });

  it('is not counted in the attempt’s timeoutMs', async () => {
    const { fetch, client } = clientWith(pages(2), { rateLimit: { capacity: 1 }, timeoutMs: 500 });
    await settle(client.listMassMessages());
    expect((await settle(client.listMassMessages())).value).toEqual(page);
    expect(times(fetch)).toEqual([0, 1000 + MARGIN]);
  });
});

describe('the rate-limit state', () => {
  const headers = {
    'x-ratelimit-limit': '90',
    'x-ratelimit-remaining': '42',
    'x-ratelimit-reset': '30',
  };

  it('is on withResponse(), as the response reported it', async () => {
    const { client } = clientWith([json(page, 200, headers)], { rateLimit: undefined });
    const { value } = await settle(client.listMassMessages().withResponse());
    expect(value?.rateLimit).toEqual({ limit: 90, remaining: 42, resetAt: NOW + 30_000 });
  });

  it('is null on withResponse() when the response sent no X-RateLimit-* header', async () => {
    const { client } = clientWith([json(page)]);
    const { value } = await settle(client.listMassMessages().withResponse());
    expect(value?.rateLimit).toBeNull();
  });

  it('is in the debug line, with the limiter’s wait', async () => {
    const lines: string[] = [];
    const logger = { debug: (l: string) => lines.push(l), info() {}, warn() {}, error() {} };
    const { client } = clientWith([json(page), json(page, 200, headers)], {
      rateLimit: { capacity: 1 },
      logger,
      logLevel: 'debug',
    });
    await settle(client.listMassMessages());
    await settle(client.listMassMessages());
    expect(lines).toEqual([
      'ofauth GET /v2/access/mass-messages → 200 attempt=1/3 ms=0 request-id=-',
      `ofauth GET /v2/access/mass-messages → 200 attempt=1/3 ms=0 request-id=- limiter-wait-ms=${1000 + MARGIN} rate-limit=42/90 reset-in-ms=30000`,
    ]);
  });
});

describe('the option', () => {
  it.each([
    [
      'a string',
      'yes',
      'rateLimit',
      'rateLimit must be true, false or { capacity, refillPerMinute }, got "yes"',
    ],
    [
      'an array',
      [90],
      'rateLimit',
      'rateLimit must be true, false or { capacity, refillPerMinute }, got an array',
    ],
    [
      'a capacity of 0',
      { capacity: 0 },
      'rateLimit.capacity',
      'rateLimit.capacity must be an integer >= 1, got 0',
    ],
    [
      'a refill that is no number',
      { refillPerMinute: '60' },
      'rateLimit.refillPerMinute',
      'rateLimit.refillPerMinute must be a number > 0, got "60"',
    ],
    [
      'a name it does not know',
      { burst: 90 },
      'rateLimit.burst',
      'rateLimit.burst must be left out: it is no option (known: capacity, refillPerMinute)',
    ],
  ])('refuses %s, naming it', (_, rateLimit, parameter, message) => {
    const make = () =>
      createClient({ apiKey: 'k', connectionId: 'c', rateLimit } as unknown as ClientOptions);
    expect(make).toThrow(InvalidArgumentError);
    expect(make).toThrow(message);
    try {
      make();
    } catch (error) {
      expect((error as InvalidArgumentError).parameter).toBe(parameter);
    }
  });
});
