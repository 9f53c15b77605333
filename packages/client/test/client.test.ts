// createClient and the two list methods: option checks, the request each method sends, argument
// checks that refuse before sending, and the typed pages it returns.
import { describe, expect, it } from 'vitest';
import { createClient } from '../src/client.js';
import { InvalidArgumentError } from '../src/errors.js';
import type { ClientOptions } from '../src/types.js';
import { fakeFetch, json, massPage, purchasedPage } from './helpers/fake-fetch.js';

const API_KEY = 'sk_live_client_test_key';

function clientFor(...replies: Parameters<typeof fakeFetch>) {
  const fetch = fakeFetch(...replies);
  const client = createClient({ apiKey: API_KEY, connectionId: 'conn_8f2c41d7', fetch });
  return { fetch, client };
}

describe('createClient', () => {
  it.each([
    ['no options', undefined, 'apiKey', 'apiKey must be a non-empty string'],
    ['no apiKey', { connectionId: 'c' }, 'apiKey', 'apiKey must be a non-empty string'],
    [
      'an empty apiKey',
      { apiKey: '', connectionId: 'c' },
      'apiKey',
      'apiKey must be a non-empty string',
    ],
    [
      'a numeric apiKey',
      { apiKey: 12345, connectionId: 'c' },
      'apiKey',
      'apiKey must be a non-empty string',
    ],
    ['no connectionId', { apiKey: 'k' }, 'connectionId', 'connectionId must be a non-empty string'],
    [
      'an empty connectionId',
      { apiKey: 'k', connectionId: '' },
      'connectionId',
      'connectionId must be a non-empty string',
    ],
    [
      'a fetch that is not a function',
      { apiKey: 'k', connectionId: 'c', fetch: 'fetch' },
      'fetch',
      'fetch must be a function',
    ],
    [
      'a relative baseUrl',
      { apiKey: 'k', connectionId: 'c', baseUrl: '/api' },
      'baseUrl',
      'baseUrl must be an absolute URL, got "/api"',
    ],
    [
      'a baseUrl that is not a string',
      { apiKey: 'k', connectionId: 'c', baseUrl: 4010 },
      'baseUrl',
      'baseUrl must be an absolute URL, got 4010',
    ],
    [
      'timeoutMs 0',
      { apiKey: 'k', connectionId: 'c', timeoutMs: 0 },
      'timeoutMs',
      'timeoutMs must be an integer >= 1, got 0',
    ],
    [
      'maxRetries -1',
      { apiKey: 'k', connectionId: 'c', maxRetries: -1 },
      'maxRetries',
      'maxRetries must be an integer >= 0, got -1',
    ],
    [
      'maxRetries NaN',
      { apiKey: 'k', connectionId: 'c', maxRetries: Number.NaN },
      'maxRetries',
      'maxRetries must be an integer >= 0, got NaN',
    ],
  ])('refuses %s', (_, options, parameter, message) => {
    const create = () => createClient(options as unknown as ClientOptions);
    expect(create).toThrow(InvalidArgumentError);
    expect(create).toThrow(expect.objectContaining({ parameter, message }));
  });

  it('never puts a bad apiKey’s value in the message', () => {
    expect(() => createClient({ apiKey: 424242 as unknown as string, connectionId: 'c' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('424242') }),
    );
  });

  it('exposes the openapi-fetch client as raw', () => {
    const { client } = clientFor();
    expect(typeof client.raw.GET).toBe('function');
    expect(typeof client.raw.use).toBe('function');
  });
});

describe('listMassMessages', () => {
  it('sends GET to the spec’s path with the query, the API key and the connection id', async () => {
    const { fetch, client } = clientFor(json(massPage(1, 2, true)));
    const page = await client.listMassMessages({ limit: 2, offset: 40, type: 'scheduled' });
    expect(page.list.map((m) => m.id)).toEqual([1, 2]);
    expect(page.hasMore).toBe(true);
    const [request] = fetch.seen;
    expect(request?.method).toBe('GET');
    expect(`${request?.url.origin}${request?.url.pathname}`).toBe(
      'https://api-next.ofauth.com/v2/access/mass-messages',
    );
    expect(Object.fromEntries(request?.url.searchParams ?? [])).toEqual({
      limit: '2',
      offset: '40',
      type: 'scheduled',
    });
    expect(request?.headers.get('apiKey')).toBe(API_KEY);
    expect(request?.headers.get('x-connection-id')).toBe('conn_8f2c41d7');
  });

  it('sends no query when given no parameters, and leaves out a null offset', async () => {
    const { fetch, client } = clientFor(json(massPage(1, 1, false)), json(massPage(1, 1, false)));
    await client.listMassMessages();
    await client.listMassMessages({ offset: null });
    expect(fetch.seen.map((s) => s.url.search)).toEqual(['', '']);
  });

  it('uses baseUrl and sends per-call headers (e.g. Prism’s Prefer)', async () => {
    const fetch = fakeFetch(json(massPage(1, 1, false)));
    const client = createClient({
      apiKey: API_KEY,
      connectionId: 'c',
      baseUrl: 'http://127.0.0.1:4010/',
      fetch,
    });
    await client.listMassMessages({}, { headers: { Prefer: 'example=lastPage' } });
    expect(fetch.seen[0]?.url.href).toBe('http://127.0.0.1:4010/v2/access/mass-messages');
    expect(fetch.seen[0]?.headers.get('prefer')).toBe('example=lastPage');
    expect(fetch.seen[0]?.headers.get('apiKey')).toBe(API_KEY);
  });

  it.each([
    [{ limit: 21 }, 'limit'],
    [{ limit: 0 }, 'limit'],
    [{ offset: -1 }, 'offset'],
    [{ offset: 0.5 }, 'offset'],
    [{ type: 'draft' }, 'type'],
    [{ page: 2 }, 'page'],
  ])('refuses %j before sending anything', async (params, parameter) => {
    const { fetch, client } = clientFor(json(massPage(1, 1, false)));
    await expect(client.listMassMessages(params as never)).rejects.toThrow(
      expect.objectContaining({ name: 'InvalidArgumentError', parameter }),
    );
    expect(fetch.seen).toHaveLength(0);
  });

  it.each([
    [{ timeoutMs: 0 }, 'timeoutMs'],
    [{ maxRetries: -2 }, 'maxRetries'],
  ])('refuses the call option %j before sending anything', async (call, parameter) => {
    const { fetch, client } = clientFor(json(massPage(1, 1, false)));
    await expect(client.listMassMessages({}, call)).rejects.toThrow(
      expect.objectContaining({ parameter }),
    );
    expect(fetch.seen).toHaveLength(0);
  });
});

describe('listPurchasedMassMessages', () => {
  it('sends GET to the purchased path and returns the page', async () => {
    const { fetch, client } = clientFor(json(purchasedPage(7, 3, false)));
    const page = await client.listPurchasedMassMessages({ limit: 100, offset: 0 });
    expect(page.items.map((m) => m.id)).toEqual([7, 8, 9]);
    expect(fetch.seen[0]?.url.pathname).toBe('/v2/access/analytics/mass-messages/purchased');
    expect(fetch.seen[0]?.url.search).toBe('?limit=100&offset=0');
  });

  it.each([
    [
      { limit: 101 },
      'limit',
      'listPurchasedMassMessages: limit must be an integer from 1 to 100, got 101',
    ],
    [
      { type: 'sent' },
      'type',
      'listPurchasedMassMessages: type must be left out (known: limit, offset)',
    ],
  ])('refuses %j before sending anything', async (params, parameter, message) => {
    const { fetch, client } = clientFor(json(purchasedPage(1, 1, false)));
    await expect(client.listPurchasedMassMessages(params as never)).rejects.toThrow(
      expect.objectContaining({ parameter, message }),
    );
    expect(fetch.seen).toHaveLength(0);
  });
});
