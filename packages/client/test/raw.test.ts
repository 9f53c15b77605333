// createRawClient (`@ofauth-mass-messages/client/raw`): openapi-fetch over the same transport,
// so a raw call gets the client's headers, retries, typed errors and abort handling.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { APIUserAbortError, InvalidArgumentError, NotFoundError } from '../src/errors.js';
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

  it('goes through the same retries and typed errors', async () => {
    const { fetch, client } = rawWith(json({}, 500), json({ message: 'gone' }, 404));
    const call = client.GET('/v2/access/mass-messages', {});
    const result = call.then(
      () => undefined,
      (error: unknown) => error,
    );
    await vi.runAllTimersAsync();
    const error = await result;
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      status: 404,
      message: '404 gone (GET /v2/access/mass-messages)',
    });
    expect(fetch.seen).toHaveLength(2);
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
