// createRawClient (`@ofauth-mass-messages/client/raw`): openapi-fetch over the same transport,
// so a raw call gets the client's headers, retries and abort handling, and keeps openapi-fetch's
// contract: a non-2xx response (after the retries) is `{ error, response }`, not a throw.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  APIConnectionError,
  APIUserAbortError,
  InvalidArgumentError,
  RedirectError,
} from '../src/errors.js';
import { createRawClient } from '../src/raw.js';
import { fakeFetch, json, massPage } from './helpers/fake-fetch.js';

const API_KEY = 'sk_live_raw_test_key';

function rawWith(...replies: Parameters<typeof fakeFetch>) {
  const fetch = fakeFetch(...replies);
  const client = createRawClient({ apiKey: API_KEY, connectionId: 'conn_1', fetch });
  return { fetch, client };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(Math, 'random').mockReturnValue(0);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('createRawClient', () => {
  it('sends the typed path and query with the client’s headers, and returns the body', async () => {
    const page = massPage(1, 2, false);
    const { fetch, client } = rawWith(json(page));
    const { data, response } = await client.GET('/v2/access/mass-messages', {
      params: { query: { limit: 2, type: 'sent' } },
      headers: { Prefer: 'code=200' },
    });
    expect(data).toEqual(page);
    expect(response.status).toBe(200);
    const [seen] = fetch.seen;
    expect(seen?.url.href).toBe(
      'https://api-next.ofauth.com/v2/access/mass-messages?limit=2&type=sent',
    );
    expect(seen?.headers.get('apiKey')).toBe(API_KEY);
    expect(seen?.headers.get('x-connection-id')).toBe('conn_1');
    expect(seen?.headers.get('prefer')).toBe('code=200');
  });

  it('retries, then answers a non-2xx as openapi-fetch does: { error, response }, no data', async () => {
    const body = {
      error: 'Mass message not found',
      type: 'RESOURCE_NOT_FOUND',
      requestId: 'req_9',
    };
    const { fetch, client } = rawWith(
      json({}, 500),
      json(body, 404, { 'x-request-id': 'req_9', 'x-ratelimit-remaining': '88' }),
    );
    const call = client.GET('/v2/access/mass-messages', {});
    await vi.runAllTimersAsync();
    const { data, error, response } = await call;
    expect(fetch.seen).toHaveLength(2);
    expect(data).toBeUndefined();
    expect(error).toEqual(body);
    expect(response.status).toBe(404);
    expect(response.headers.get('x-ratelimit-remaining')).toBe('88');
  });

  it('gives the error body redacted, as the client’s errors carry it', async () => {
    const { client } = rawWith(json({ message: `bad key ${API_KEY}` }, 401));
    const { error } = await client.GET('/v2/access/mass-messages', {});
    expect(error).toEqual({ message: 'bad key [redacted]' });
  });

  it('gives a text error body as text', async () => {
    const { client } = rawWith(new Response('<html>Bad gateway</html>', { status: 400 }));
    const { error, response } = await client.GET('/v2/access/mass-messages', {});
    expect(error).toBe('<html>Bad gateway</html>');
    expect(response.status).toBe(400);
  });

  it.each([
    [
      'a redirect (never followed)',
      () =>
        new Response(null, { status: 302, headers: { location: 'https://elsewhere.example/x' } }),
      RedirectError,
    ],
    ['a connection failure', () => new TypeError('fetch failed'), APIConnectionError],
  ])('still throws for %s: there is no response to answer with', async (_, reply, Class) => {
    const { client } = rawWith(reply, reply, reply);
    const call = client.GET('/v2/access/mass-messages', {}).catch((error: unknown) => error);
    await vi.runAllTimersAsync();
    expect(await call).toBeInstanceOf(Class);
  });

  it('hands openapi-fetch the body as text when it asks for text', async () => {
    const { client } = rawWith(json({ any: 1 }));
    const { data } = await client.GET('/v2/access/mass-messages', { parseAs: 'text' });
    expect(data).toBe('{"any":1}');
  });

  it('honours a signal passed to a raw call', async () => {
    const { client } = rawWith('hang');
    const controller = new AbortController();
    const call = client.GET('/v2/access/mass-messages', { signal: controller.signal });
    controller.abort();
    await expect(call).rejects.toThrow(APIUserAbortError);
  });

  it('checks its options like createClient', () => {
    expect(() => createRawClient({ connectionId: 'c' } as never)).toThrow(InvalidArgumentError);
  });
});
