// Retries, backoff, Retry-After, timeouts, aborts, error mapping and the debug lines, through
// createClient with a scripted fetch and fake timers: what each case checks is how many requests
// went out, when, and what the caller finally gets (or what the operator reads).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClient } from '../src/client.js';
import {
  APIConnectionError,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from '../src/errors.js';
import type { CommonOptions } from '../src/types.js';
import { fakeFetch, json, massPage, purchasedPage, type Reply } from './helpers/fake-fetch.js';

const API_KEY = 'sk_live_transport_test_key';
type Client = ReturnType<typeof createClient>;
const page = massPage(1, 2, false);

function clientWith(replies: Reply[], options: { maxRetries?: number; timeoutMs?: number } = {}) {
  const fetch = fakeFetch(...replies);
  const client = createClient({ apiKey: API_KEY, connectionId: 'conn_1', fetch, ...options });
  return { fetch, client };
}

/** Runs every timer until the promise settles; returns what it resolved or rejected with. */
async function settle<T>(promise: PromiseLike<T>): Promise<{ value?: T; error?: unknown }> {
  const result = promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  await vi.runAllTimersAsync();
  return result;
}

/** Milliseconds between consecutive requests. */
function gaps(fetch: ReturnType<typeof fakeFetch>): number[] {
  return fetch.seen.slice(1).map((s, i) => s.at - (fetch.seen[i]?.at ?? 0));
}

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-11-21T09:00:00Z') });
  vi.spyOn(Math, 'random').mockReturnValue(0);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('success', () => {
  it('sends one request and returns the page', async () => {
    const { fetch, client } = clientWith([json(page)]);
    expect(await settle(client.listMassMessages())).toEqual({ value: page });
    expect(fetch.seen).toHaveLength(1);
  });
});

describe('retries', () => {
  it('retries 5xx with exponential backoff (500 ms, 1 s), then throws after maxRetries', async () => {
    const { fetch, client } = clientWith([
      json({ message: 'down' }, 500),
      json({ message: 'down' }, 503),
      json({ message: 'Upstream service unavailable', code: 'INTERNAL_ERROR' }, 502),
    ]);
    const { error } = await settle(client.listMassMessages());
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 502, code: 'INTERNAL_ERROR' });
    expect(fetch.seen).toHaveLength(3);
    expect(gaps(fetch)).toEqual([500, 1000]);
  });

  it('applies up to 25 % jitter to the backoff', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(1);
    const { fetch, client } = clientWith([json({}, 500), json({}, 500), json(page)]);
    expect((await settle(client.listMassMessages())).value).toEqual(page);
    expect(gaps(fetch)).toEqual([375, 750]);
  });

  it('recovers when a retry succeeds', async () => {
    const { fetch, client } = clientWith([json({}, 500), json(page)]);
    expect((await settle(client.listMassMessages())).value).toEqual(page);
    expect(fetch.seen).toHaveLength(2);
  });

  it.each([
    ['seconds', '3', 3000],
    ['an HTTP date', 'Sat, 21 Nov 2026 09:00:05 GMT', 5000],
  ])('honours Retry-After as %s', async (_, retryAfter, wait) => {
    const { fetch, client } = clientWith([
      json({ message: 'slow down' }, 429, { 'retry-after': retryAfter }),
      json(page),
    ]);
    expect((await settle(client.listMassMessages())).value).toEqual(page);
    expect(gaps(fetch)).toEqual([wait]);
  });

  it.each([
    ['0', '0'],
    ['a past date', 'Sat, 21 Nov 2026 08:59:00 GMT'],
    ['0.01 s', '0.01'],
  ])('never waits less than the backoff when Retry-After says %s', async (_, retryAfter) => {
    const { fetch, client } = clientWith(
      [
        ...Array.from({ length: 3 }, () =>
          json({ message: 'slow down' }, 429, { 'retry-after': retryAfter }),
        ),
        json(page),
      ],
      { maxRetries: 3 },
    );
    expect((await settle(client.listMassMessages())).value).toEqual(page);
    // The backoff it would wait without Retry-After (Math.random pinned at 0: no jitter).
    expect(gaps(fetch)).toEqual([500, 1000, 2000]);
  });

  it('gives up at once when Retry-After asks for more than a minute, with retryAfter set', async () => {
    const { fetch, client } = clientWith([
      json({ message: 'Rate limit exceeded', code: 'RATE_LIMITED' }, 429, { 'retry-after': '120' }),
    ]);
    const { error } = await settle(client.listMassMessages());
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, retryAfter: 120, code: 'RATE_LIMITED' });
    expect(fetch.seen).toHaveLength(1);
  });

  // The vendor sends X-RateLimit-Reset (when the bucket is full again), no Retry-After; its pages
  // do not say whether Reset is seconds from now or a Unix time: both are read.
  const EPOCH_S = Date.parse('2026-11-21T09:00:00Z') / 1000;
  it.each([
    ['seconds from now', { 'x-ratelimit-reset': '3' }, 3000],
    ['a Unix time in seconds', { 'x-ratelimit-reset': String(EPOCH_S + 4) }, 4000],
    ['a Unix time in milliseconds', { 'x-ratelimit-reset': String(EPOCH_S * 1000 + 2500) }, 2500],
    ['Retry-After too, which wins', { 'x-ratelimit-reset': '5', 'retry-after': '2' }, 2000],
    ['a reset under the backoff, which is the floor', { 'x-ratelimit-reset': '0' }, 500],
  ])('waits out a 429 until X-RateLimit-Reset, as %s', async (_, headers, wait) => {
    const { fetch, client } = clientWith([
      json({ error: 'Rate limit exceeded', type: 'RATE_LIMIT_EXCEEDED' }, 429, {
        'x-ratelimit-limit': '90',
        'x-ratelimit-remaining': '0',
        ...headers,
      }),
      json(page),
    ]);
    expect((await settle(client.listMassMessages())).value).toEqual(page);
    expect(gaps(fetch)).toEqual([wait]);
  });

  it('gives up at once when X-RateLimit-Reset is more than a minute away, with retryAfter set', async () => {
    const { fetch, client } = clientWith([
      json({ error: 'Rate limit exceeded', type: 'RATE_LIMIT_EXCEEDED' }, 429, {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': '90',
      }),
    ]);
    const { error } = await settle(client.listMassMessages());
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfter: 90, type: 'RATE_LIMIT_EXCEEDED' });
    expect(fetch.seen).toHaveLength(1);
  });

  it('reads X-RateLimit-Reset as a wait only on a 429 (on a 5xx it is no request to wait)', async () => {
    const { fetch, client } = clientWith([
      json({ error: 'Proxy error' }, 502, { 'x-ratelimit-reset': '30' }),
      json(page),
    ]);
    expect((await settle(client.listMassMessages())).value).toEqual(page);
    expect(gaps(fetch)).toEqual([500]);
  });

  it('retries a 401 RULES_OUTDATED with the backoff (the vendor updates its rules itself)', async () => {
    const { fetch, client } = clientWith([
      json({ error: 'Rules outdated', type: 'RULES_OUTDATED', requestId: 'req_1' }, 401),
      json(page),
    ]);
    expect((await settle(client.listMassMessages())).value).toEqual(page);
    expect(gaps(fetch)).toEqual([500]);
  });

  it.each(['UNAUTHORIZED', 'SESSION_NOT_PROVIDED', 'SESSION_EXPIRED'])(
    'does not retry a 401 %s',
    async (type) => {
      const { fetch, client } = clientWith([json({ error: 'no', type }, 401)]);
      const { error } = await settle(client.listMassMessages());
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(error).toMatchObject({ type });
      expect(fetch.seen).toHaveLength(1);
    },
  );

  it('retries connection failures, then throws APIConnectionError with the cause', async () => {
    const refused = new TypeError('fetch failed');
    const { fetch, client } = clientWith([refused, refused, refused]);
    const { error } = await settle(client.listMassMessages());
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).not.toBeInstanceOf(APITimeoutError);
    expect((error as Error).cause).toBe(refused);
    expect(error).toMatchObject({ method: 'GET', path: '/v2/access/mass-messages' });
    expect(fetch.seen).toHaveLength(3);
    expect(gaps(fetch)).toEqual([500, 1000]);
  });

  it.each([
    ['client 0', { maxRetries: 0 }, {}, 1],
    ['client 2, call 0', {}, { maxRetries: 0 }, 1],
    ['client 0, call 3', { maxRetries: 0 }, { maxRetries: 3 }, 4],
    ['default (2)', {}, {}, 3],
  ])('makes 1 + maxRetries attempts: %s', async (_, clientOptions, call, attempts) => {
    const { fetch, client } = clientWith(
      Array.from({ length: 5 }, () => json({}, 429, { 'retry-after': '1' })),
      clientOptions,
    );
    const { error } = await settle(client.listMassMessages({}, call));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(fetch.seen).toHaveLength(attempts);
  });

  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [422, UnprocessableEntityError],
  ])('does not retry %i and throws %o', async (status, ErrorClass) => {
    const { fetch, client } = clientWith([json({ message: 'no', code: 'NO' }, status)]);
    const { error } = await settle(client.listMassMessages());
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({
      status,
      code: 'NO',
      method: 'GET',
      path: '/v2/access/mass-messages',
    });
    expect(fetch.seen).toHaveLength(1);
  });
});

describe('timeouts', () => {
  it('times out a silent server after timeoutMs, per attempt, and retries it', async () => {
    const { fetch, client } = clientWith(['hang', 'hang'], { timeoutMs: 1000, maxRetries: 1 });
    const started = Date.now();
    const { error } = await settle(client.listMassMessages());
    expect(error).toBeInstanceOf(APITimeoutError);
    expect((error as Error).message).toBe('timed out after 1000 ms (GET /v2/access/mass-messages)');
    expect(fetch.seen).toHaveLength(2);
    // 1000 ms, the 500 ms backoff, 1000 ms.
    expect(Date.now() - started).toBe(2500);
  });

  it('takes a per-call timeoutMs over the client’s', async () => {
    const { client } = clientWith(['hang'], { timeoutMs: 60_000, maxRetries: 0 });
    const started = Date.now();
    const { error } = await settle(client.listMassMessages({}, { timeoutMs: 250 }));
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(Date.now() - started).toBe(250);
  });
});

describe('aborts', () => {
  it('stops at once when the caller aborts during a request, without retrying', async () => {
    const { fetch, client } = clientWith(['hang', json(page)]);
    const controller = new AbortController();
    const result = settle(client.listMassMessages({}, { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    const { error } = await result;
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(fetch.seen).toHaveLength(1);
  });

  it('stops at once when the caller aborts during the wait before a retry', async () => {
    const { fetch, client } = clientWith([json({}, 429, { 'retry-after': '30' }), json(page)]);
    const controller = new AbortController();
    const call = client.listMassMessages({}, { signal: controller.signal });
    const result = call.then(
      () => 'resolved',
      (error: unknown) => error,
    );
    await vi.advanceTimersByTimeAsync(1000);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    const error = await result;
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(Date.now()).toBe(Date.parse('2026-11-21T09:00:01Z'));
    expect(fetch.seen).toHaveLength(1);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const { fetch, client } = clientWith([json(page)]);
    const { error } = await settle(client.listMassMessages({}, { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(fetch.seen).toHaveLength(0);
  });
});

describe('bodies', () => {
  it.each([
    ['not JSON', new Response('<html>oops</html>', { status: 200 })],
    ['empty', new Response('', { status: 200 })],
    ['truncated JSON', new Response('{"hasMore": tr', { status: 200 })],
  ])('refuses a 2xx body that is %s with InvalidResponseError', async (_, response) => {
    const { client } = clientWith([response]);
    const { error } = await settle(client.listMassMessages());
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ status: 200, method: 'GET', path: '/v2/access/mass-messages' });
    expect((error as Error).message).toBe(
      'answered with no page ("list" array, "hasMore" boolean) (GET /v2/access/mass-messages)',
    );
  });

  it.each([
    ['an array', []],
    ['an object without the list', { hasMore: false, items: [] }],
    ['a list that is not an array', { hasMore: false, list: {} }],
    ['no hasMore', { list: [] }],
    ['null', null],
  ])('refuses a JSON body that is not a page (%s)', async (_, body) => {
    const { client } = clientWith([json(body)]);
    const { error } = await settle(client.listMassMessages());
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toContain('"list" array');
  });

  it.each<[string, unknown, (client: Client) => PromiseLike<unknown>]>([
    ['listMassMessages', massPage(1, 2, true), (c: Client) => c.listMassMessages()],
    [
      'listPurchasedMassMessages',
      purchasedPage(1, 2, true),
      (c: Client) => c.listPurchasedMassMessages(),
    ],
  ])('parses the body of %s once', async (_, body, call) => {
    const text = JSON.stringify(body);
    const { client } = clientWith([new Response(text)]);
    const parse = vi.spyOn(JSON, 'parse');
    expect(await settle(call(client))).toEqual({ value: body });
    expect(parse.mock.calls.filter(([source]) => source === text)).toHaveLength(1);
  });

  it('keeps a non-JSON error body as text', async () => {
    const { client } = clientWith(
      [new Response('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway' })],
      { maxRetries: 0 },
    );
    const { error } = await settle(client.listMassMessages());
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 502, body: '<html>Bad Gateway</html>', code: undefined });
    expect((error as Error).message).toBe(
      '502 <html>Bad Gateway</html> (GET /v2/access/mass-messages)',
    );
  });
});

describe('debug lines', () => {
  /** A logger that keeps every line, by level. */
  function collecting() {
    const lines: Record<'debug' | 'info' | 'warn' | 'error', string[]> = {
      debug: [],
      info: [],
      warn: [],
      error: [],
    };
    const logger = {
      debug: (line: string) => lines.debug.push(line),
      info: (line: string) => lines.info.push(line),
      warn: (line: string) => lines.warn.push(line),
      error: (line: string) => lines.error.push(line),
    };
    return { lines, logger };
  }

  function loggedClient(replies: Reply[], options: CommonOptions = {}) {
    const { lines, logger } = collecting();
    const fetch = fakeFetch(...replies);
    const client = createClient({
      apiKey: API_KEY,
      connectionId: 'conn_1',
      fetch,
      logger,
      ...options,
    });
    return { lines, client, fetch };
  }

  const retriedOnce = () => [
    json({ message: 'Rate limit exceeded', code: 'RATE_LIMITED' }, 429, {
      'retry-after': '3',
      'x-request-id': 'req_1',
    }),
    json(page, 200, { 'x-request-id': 'req_2' }),
  ];

  it('writes one line per attempt: method, path, status, attempt, duration, request id, retry wait', async () => {
    const { lines, client } = loggedClient(retriedOnce(), { logLevel: 'debug' });
    await settle(client.listMassMessages({ limit: 5 }));
    expect(lines.debug).toEqual([
      'ofauth GET /v2/access/mass-messages?limit=5 → 429 attempt=1/3 ms=0 request-id=req_1 retry-in-ms=3000',
      'ofauth GET /v2/access/mass-messages?limit=5 → 200 attempt=2/3 ms=0 request-id=req_2',
    ]);
    expect(lines.debug.join('\n')).not.toContain(API_KEY);
    expect([...lines.info, ...lines.warn, ...lines.error]).toEqual([]);
  });

  it('names the error of an attempt that got no response, and the last attempt has no retry wait', async () => {
    const { lines, client } = loggedClient([new TypeError('fetch failed')], {
      logLevel: 'debug',
      maxRetries: 0,
    });
    await settle(client.listMassMessages());
    expect(lines.debug).toEqual([
      'ofauth GET /v2/access/mass-messages → APIConnectionError attempt=1/1 ms=0 request-id=-',
    ]);
  });

  it('writes bodies only when logBodies is set, with the key redacted', async () => {
    const echo = { message: `key ${API_KEY} is not allowed`, code: 'FORBIDDEN' };
    const without = loggedClient([json(echo, 403)], { logLevel: 'debug' });
    await settle(without.client.listMassMessages());
    expect(without.lines.debug[0]).not.toContain('body=');
    const withBodies = loggedClient([json(echo, 403)], { logLevel: 'debug', logBodies: true });
    await settle(withBodies.client.listMassMessages());
    expect(withBodies.lines.debug[0]).toContain(
      'body={"message":"key [redacted] is not allowed","code":"FORBIDDEN"}',
    );
    expect(withBodies.lines.debug[0]).not.toContain(API_KEY);
  });

  it.each([
    ['no logLevel and no OFAUTH_LOG', undefined, undefined, 0],
    ['OFAUTH_LOG=debug', undefined, 'debug', 2],
    ['OFAUTH_LOG=info', undefined, 'info', 0],
    ['logLevel debug', 'debug', undefined, 2],
    ['logLevel warn over OFAUTH_LOG=debug', 'warn', 'debug', 0],
  ] as const)('follows the switches: %s', async (_, logLevel, env, count) => {
    vi.stubEnv('OFAUTH_LOG', env);
    try {
      const { lines, client } = loggedClient(retriedOnce(), logLevel ? { logLevel } : {});
      await settle(client.listMassMessages());
      expect(lines.debug).toHaveLength(count);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
