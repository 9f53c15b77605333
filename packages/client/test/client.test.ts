// createClient's methods: one per operation of the generated table, the request each sends,
// argument checks that refuse before sending, and what a call returns: a PagePromise that is
// lazy, sends once, and gives the page (with its request id) or the page with its response.
import { describe, expect, it } from 'vitest';
import { createClient } from '../src/client.js';
import { InvalidArgumentError } from '../src/errors.js';
import { operations } from '../src/generated/operations.js';
import type { TableEntry } from '../src/types.js';
import { fakeFetch, json, massPage, purchasedPage } from './helpers/fake-fetch.js';

const API_KEY = 'sk_live_client_test_key';

function clientFor(...replies: Parameters<typeof fakeFetch>) {
  const fetch = fakeFetch(...replies);
  const client = createClient({ apiKey: API_KEY, connectionId: 'conn_8f2c41d7', fetch });
  return { fetch, client };
}

describe('the methods', () => {
  it('are exactly the operations of the generated table', () => {
    const { client } = clientFor();
    expect(Object.keys(client).sort()).toEqual(Object.keys(operations).sort());
  });

  // Every operation of the table, whatever its kind: its path parameters filled in (a number or
  // a string, as each rule types it), a body of its kind answered.
  const entries = Object.entries(operations) as Array<[string, TableEntry]>;
  it.each(entries)(
    '%s sends a GET to its path and returns its body',
    async (operationId, entry) => {
      const args: Record<string, unknown> = {};
      let path = entry.path;
      for (const rule of Object.values(entry.params)) {
        if (rule.in !== 'path') continue;
        const value = rule.enum?.[0] ?? (rule.type === 'string' ? 'm1' : 7);
        args[rule.name] = value;
        path = path.replace(`{${rule.name}}`, encodeURIComponent(String(value)));
      }
      const body =
        'itemsField' in entry ? { hasMore: false, [entry.itemsField]: [{ id: 1 }] } : { total: 3 };
      const { fetch, client } = clientFor(json(body));
      const method = client[operationId as keyof typeof client] as unknown as (
        args: unknown,
      ) => PromiseLike<unknown>;
      expect(await method(args)).toEqual(body);
      expect(fetch.seen[0]?.method).toBe('GET');
      expect(fetch.seen[0]?.url.href).toBe(`https://api-next.ofauth.com${path}`);
    },
  );
});

describe('listMassMessages', () => {
  it('sends the query, the API key and the connection id', async () => {
    const { fetch, client } = clientFor(json(massPage(1, 2, true)));
    const page = await client.listMassMessages({ limit: 2, offset: 40, type: 'scheduled' });
    expect(page.list.map((m) => m.id)).toEqual([1, 2]);
    expect(page.hasMore).toBe(true);
    const [request] = fetch.seen;
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
    [{ limit: 21 }, 'limit', 'listMassMessages: limit must be an integer from 1 to 20, got 21'],
    [{ limit: 0 }, 'limit', 'listMassMessages: limit must be an integer from 1 to 20, got 0'],
    [
      { offset: -1 },
      'offset',
      'listMassMessages: offset must be an integer >= 0 (or null), got -1',
    ],
    [
      { offset: 0.5 },
      'offset',
      'listMassMessages: offset must be an integer >= 0 (or null), got 0.5',
    ],
    [
      { type: 'draft' },
      'type',
      'listMassMessages: type must be one of "sent", "unsent", "scheduled", got "draft"',
    ],
    [{ page: 2 }, 'page', 'listMassMessages: page must be left out (known: limit, offset, type)'],
    ['sent', 'params', 'listMassMessages: params must be an object, got "sent"'],
  ])('refuses %j before sending anything', async (params, parameter, message) => {
    const { fetch, client } = clientFor(json(massPage(1, 1, false)));
    await expect(client.listMassMessages(params as never)).rejects.toThrow(
      expect.objectContaining({ name: 'InvalidArgumentError', parameter, message }),
    );
    expect(fetch.seen).toHaveLength(0);
  });

  it('refuses an unknown call option by name, with the closest known name', async () => {
    const { fetch, client } = clientFor(json(massPage(1, 1, false)));
    await expect(client.listMassMessages({}, { maxItem: 5 } as never)).rejects.toThrow(
      expect.objectContaining({
        name: 'InvalidArgumentError',
        parameter: 'maxItem',
        message:
          'listMassMessages: maxItem must be left out: it is no option (did you mean maxItems? known: signal, headers, timeoutMs, maxRetries, maxResponseBytes, maxItems, lookahead)',
      }),
    );
    expect(fetch.seen).toHaveLength(0);
  });

  it.each([
    [{ timeoutMs: 0 }, 'timeoutMs'],
    [{ maxRetries: -2 }, 'maxRetries'],
    [{ maxRetries: 11 }, 'maxRetries'],
    [{ maxItems: -1 }, 'maxItems'],
  ])('refuses the call option %j before sending anything', async (call, parameter) => {
    const { fetch, client } = clientFor(json(massPage(1, 1, false)));
    await expect(client.listMassMessages({}, call)).rejects.toThrow(
      expect.objectContaining({ parameter }),
    );
    expect(fetch.seen).toHaveLength(0);
  });
});

describe('a page holding more items than it asked for', () => {
  /** A page of `count` empty items: small enough on the wire to pass the size cap at 1,000,000. */
  const stuffed = (count: number) => ({
    hasMore: false,
    list: Array.from({ length: count }, () => ({})),
  });

  it.each([
    ['limit 20, 1,000,000 items', { limit: 20 }, 1_000_000, 20],
    ['limit 5, 6 items', { limit: 5 }, 6, 5],
    // No limit: the API applies its default; no page may hold more than the spec's maximum.
    ['no limit, 21 items (the maximum is 20)', {}, 21, 20],
  ])('%s: an InvalidResponseError naming both numbers', async (_, params, count, limit) => {
    const { client } = clientFor(json(stuffed(count)));
    await expect(client.listMassMessages(params)).rejects.toThrow(
      expect.objectContaining({
        name: 'InvalidResponseError',
        status: 200,
        message: `answered with ${count} items in "list", more than the ${limit} asked for (GET /v2/access/mass-messages)`,
      }),
    );
  });

  it('stops a loop at such a page, yielding none of its items', async () => {
    const { client } = clientFor(json(massPage(1, 5, true)), json(stuffed(6)));
    const seen: unknown[] = [];
    const loop = async () => {
      for await (const item of client.listMassMessages({ limit: 5 })) seen.push(item);
    };
    await expect(loop()).rejects.toThrow(expect.objectContaining({ name: 'InvalidResponseError' }));
    expect(seen).toHaveLength(5);
  });

  it('takes a page of exactly the limit', async () => {
    const { client } = clientFor(json(massPage(1, 20, true)));
    expect((await client.listMassMessages({ limit: 20 })).list).toHaveLength(20);
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

describe('a call', () => {
  it('is lazy: nothing is sent until it is awaited', async () => {
    const { fetch, client } = clientFor(json(massPage(1, 1, false)));
    const call = client.listMassMessages();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(fetch.seen).toHaveLength(0);
    await call;
    expect(fetch.seen).toHaveLength(1);
  });

  it('sends once, however often it is awaited, withResponse() included', async () => {
    const { fetch, client } = clientFor(json(massPage(1, 1, false)));
    const call = client.listMassMessages();
    const [first, second, { data }] = await Promise.all([call, call, call.withResponse()]);
    expect(first).toBe(second);
    expect(data).toBe(first);
    expect(fetch.seen).toHaveLength(1);
  });

  it('gives the page with its response and request id from withResponse()', async () => {
    const { client } = clientFor(json(massPage(1, 1, false), 200, { 'x-request-id': 'req_42' }));
    const { data, response, requestId } = await client.listMassMessages().withResponse();
    expect(data.list).toHaveLength(1);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('req_42');
    expect(requestId).toBe('req_42');
  });

  it('puts the request id on the page as _request_id, absent from its JSON and keys', async () => {
    const body = massPage(1, 1, false);
    const { client } = clientFor(json(body, 200, { 'x-request-id': 'req_7' }));
    const page = await client.listMassMessages();
    expect(page._request_id).toBe('req_7');
    expect(JSON.stringify(page)).toBe(JSON.stringify(body));
    expect(Object.keys(page)).toEqual(['hasMore', 'list']);
  });

  it('has a null request id when the API sends none', async () => {
    const { client } = clientFor(json(massPage(1, 1, false)));
    expect((await client.listMassMessages())._request_id).toBeNull();
  });

  it('rejects into catch() and runs finally()', async () => {
    const { client } = clientFor();
    let finished = false;
    const caught = await client
      .listMassMessages({ limit: 99 })
      .finally(() => {
        finished = true;
      })
      .catch((error: unknown) => error);
    expect(caught).toBeInstanceOf(InvalidArgumentError);
    expect(finished).toBe(true);
    const direct = await client.listMassMessages({ limit: 99 }).catch((error: unknown) => error);
    expect(direct).toBeInstanceOf(InvalidArgumentError);
  });
});
