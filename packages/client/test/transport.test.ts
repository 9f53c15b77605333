// Retries, backoff, Retry-After, timeouts, aborts and error mapping, through createClient with a
// scripted fetch and fake timers: what each case checks is how many requests went out, when, and
// what the caller finally gets.
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
  RateLimitError,
  UnprocessableEntityError,
} from '../src/errors.js';
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
async function settle<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
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
    ['zero', '0', 0],
  ])('honours Retry-After as %s', async (_, retryAfter, wait) => {
    const { fetch, client } = clientWith([
      json({ message: 'slow down' }, 429, { 'retry-after': retryAfter }),
      json(page),
    ]);
    expect((await settle(client.listMassMessages())).value).toEqual(page);
    expect(gaps(fetch)).toEqual([wait]);
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
    [403, AuthenticationError],
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
    expect((error as Error).message).toBe('GET /v2/access/mass-messages timed out after 1000 ms');
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
      'GET /v2/access/mass-messages answered 200 with a body that is not JSON',
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

  it.each<[string, unknown, (client: Client) => Promise<unknown>]>([
    ['listMassMessages', massPage(1, 2, true), (c: Client) => c.listMassMessages()],
    [
      'listPurchasedMassMessages',
      purchasedPage(1, 2, true),
      (c: Client) => c.listPurchasedMassMessages(),
    ],
    [
      'a raw call',
      { any: [1, 2] },
      async (c: Client) => (await c.raw.GET('/v2/access/mass-messages', {})).data,
    ],
  ])('parses the body of %s once, in the transport', async (_, body, call) => {
    const text = JSON.stringify(body);
    // With a Content-Length openapi-fetch asks the response for json(), which the transport answers.
    const { client } = clientWith([
      new Response(text, { headers: { 'content-length': String(text.length) } }),
    ]);
    const parse = vi.spyOn(JSON, 'parse');
    expect(await settle(call(client))).toEqual({ value: body });
    expect(parse.mock.calls.filter(([source]) => source === text)).toHaveLength(1);
  });

  it('still hands a raw call the body as text when it asks for text', async () => {
    const { client } = clientWith([json({ any: 1 })]);
    const { value } = await settle(client.raw.GET('/v2/access/mass-messages', { parseAs: 'text' }));
    expect(value?.data).toBe('{"any":1}');
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

describe('the raw client', () => {
  it('goes through the same retries and typed errors', async () => {
    const { fetch, client } = clientWith([json({}, 500), json({ message: 'gone' }, 404)]);
    const { error } = await settle(client.raw.GET('/v2/access/mass-messages', {}));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(fetch.seen).toHaveLength(2);
    expect(fetch.seen[0]?.headers.get('apiKey')).toBe(API_KEY);
  });

  it('refuses a non-JSON 2xx body but checks no page shape (raw paths need not be pages)', async () => {
    const { client } = clientWith([new Response('<html>', { status: 200 }), json({ any: 1 })]);
    const { error } = await settle(client.raw.GET('/v2/access/mass-messages', {}));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toBe(
      'GET /v2/access/mass-messages answered 200 with a body that is not JSON',
    );
    const { value } = await settle(client.raw.GET('/v2/access/mass-messages', {}));
    expect(value?.data).toEqual({ any: 1 });
  });

  it('honours a signal passed to a raw call', async () => {
    const { client } = clientWith(['hang']);
    const controller = new AbortController();
    const result = settle(
      client.raw.GET('/v2/access/mass-messages', { signal: controller.signal }),
    );
    controller.abort();
    expect((await result).error).toBeInstanceOf(APIUserAbortError);
  });
});
