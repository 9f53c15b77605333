// Every shape of operation the table has, through one client of the fixture table (the spec plus
// fixtures/shapes.yaml): what a call resolves with and whether it iterates, by kind; path
// parameters checked and percent-encoded; date, date-time and boolean query parameters checked
// before sending and sent as the spec says. Table-driven over the fixture's own table, so a
// shape added to the fixture is covered here without a new test.
import { describe, expect, it } from 'vitest';
import { APIUserAbortError, InvalidArgumentError, OFAuthError } from '../src/errors.js';
import { json, purchasedPage } from './helpers/fake-fetch.js';
import { buyersPage, chart, fixtureClient, table } from './helpers/fixture-client.js';

type Entry = (typeof table)[keyof typeof table];
type AnyCall = PromiseLike<Record<string, unknown>> & {
  withResponse(): Promise<{ data: unknown; requestId: string | null }>;
};

/** A body of the operation's shape: a page of one item, or the chart. */
function bodyOf(entry: Entry): Record<string, unknown> {
  return entry.kind === 'page' ? { hasMore: true, [entry.itemsField]: [{ id: 1 }] } : chart;
}

/** Parameters the operation requires (the buyers' path parameter). */
const required = (entry: Entry) =>
  entry.path.includes('{massMessageId}') ? { massMessageId: 'm1' } : {};

/** Calls an operation of the fixture client by name, untyped (the table drives these tests). */
function call(client: unknown, operationId: string, params: object, options = {}): AnyCall {
  return (client as Record<string, (p: object, o: object) => AnyCall>)[operationId]?.(
    params,
    options,
  ) as AnyCall;
}

const entries = Object.entries(table) as [string, Entry][];

describe('the fixture', () => {
  it('has every shape: offset pages, a page without offset, an object, a path parameter', () => {
    const shapes = entries.map(([, e]) => (e.kind === 'page' ? e.paging : e.kind));
    expect(new Set(shapes)).toEqual(new Set(['offset', 'none', 'object']));
    expect(entries.some(([, e]) => Object.values(e.params).some((r) => r.in === 'path'))).toBe(
      true,
    );
  });
});

describe.each(entries)('%s', (operationId, entry) => {
  const paged = entry.kind === 'page' && entry.paging === 'offset';

  it('resolves with the body, its request id non-enumerable', async () => {
    const body = bodyOf(entry);
    const { fetch, client } = fixtureClient(json(body, 200, { 'x-request-id': 'req_1' }));
    const result = await call(client, operationId, required(entry));
    expect(result).toEqual(body);
    expect(Object.keys(result)).toEqual(Object.keys(body));
    // Inherited keys too (what for...in, chai's deep equality and spreads into forms walk).
    const walked: string[] = [];
    for (const key in result) walked.push(key);
    expect(walked).toEqual(Object.keys(body));
    expect(JSON.stringify(result)).toBe(JSON.stringify(body));
    expect(result._request_id).toBe('req_1');
    expect(fetch.seen).toHaveLength(1);
  });

  it('gives the body with its response from withResponse()', async () => {
    const { client } = fixtureClient(json(bodyOf(entry), 200, { 'x-request-id': 'req_2' }));
    const { data, requestId } = await call(client, operationId, required(entry)).withResponse();
    expect(data).toEqual(bodyOf(entry));
    expect(requestId).toBe('req_2');
  });

  it(`${paged ? 'iterates' : 'does not iterate'}: items and pages`, () => {
    const { client } = fixtureClient();
    const made = call(client, operationId, required(entry)) as object;
    expect(Symbol.asyncIterator in made).toBe(paged);
    expect('iterPages' in made).toBe(paged);
  });

  it(
    entry.kind === 'object'
      ? 'has no page methods'
      : paged
        ? 'has the page methods'
        : 'has hasNextPage() false and no getNextPage, whatever hasMore says',
    async () => {
      const { client } = fixtureClient(json(bodyOf(entry)));
      const result = (await call(client, operationId, required(entry))) as Record<
        string,
        unknown
      > & { hasNextPage?: () => boolean };
      if (entry.kind === 'object') {
        expect(result.hasNextPage).toBeUndefined();
        expect(result.getNextPage).toBeUndefined();
      } else {
        expect(result.hasNextPage?.()).toBe(paged);
        expect(typeof result.getNextPage).toBe(paged ? 'function' : 'undefined');
      }
    },
  );

  // maxItems and lookahead are options of an iteration: typed away elsewhere, refused by name.
  it(`${paged ? 'takes' : 'refuses'} maxItems and lookahead`, async () => {
    for (const options of [{ maxItems: 5 }, { lookahead: true }]) {
      const { fetch, client } = fixtureClient(json(bodyOf(entry)));
      const made = call(client, operationId, required(entry), options);
      if (paged) await expect(made).resolves.toBeDefined();
      else {
        const name = Object.keys(options)[0];
        await expect(made).rejects.toThrow(
          expect.objectContaining({
            name: 'InvalidArgumentError',
            parameter: name,
            message: `${operationId}: ${name} must be left out: it is no option (known: signal, headers, timeoutMs, maxRetries, maxResponseBytes)`,
          }),
        );
        expect(fetch.seen).toHaveLength(0);
      }
    }
  });

  it('refuses a 200 body of another shape (an array, null, text)', async () => {
    for (const wrong of ['[]', 'null', 'not json']) {
      const { client } = fixtureClient(new Response(wrong));
      await expect(call(client, operationId, required(entry))).rejects.toThrow(
        expect.objectContaining({ name: 'InvalidResponseError' }),
      );
    }
  });
});

describe('listFixtureSent: one page, no offset, a date-time range', () => {
  it('sends the range as given, in the spec’s parameter order', async () => {
    const { fetch, client } = fixtureClient(json(purchasedPage(1, 2, true)));
    const page = await client.listFixtureSent({
      limit: 2,
      endDate: '2026-11-30T23:59:59Z',
      startDate: '2026-11-01T00:00:00+01:00',
    });
    expect(page.items.map((m) => m.id)).toEqual([1, 2]);
    expect(page.hasMore).toBe(true);
    expect(page.hasNextPage()).toBe(false);
    expect(fetch.seen[0]?.url.pathname).toBe('/v2/fixtures/sent');
    expect(fetch.seen[0]?.url.search).toBe(
      '?startDate=2026-11-01T00%3A00%3A00%2B01%3A00&endDate=2026-11-30T23%3A59%3A59Z&limit=2',
    );
  });

  it('sends a Date as its ISO 8601 date-time', async () => {
    const { fetch, client } = fixtureClient(json(purchasedPage(1, 1, false)));
    await client.listFixtureSent({
      startDate: new Date(Date.UTC(2026, 10, 1)) as unknown as string,
    });
    expect(fetch.seen[0]?.url.searchParams.get('startDate')).toBe('2026-11-01T00:00:00.000Z');
  });

  it.each([
    ['2026-11-01'],
    ['2026-02-30T00:00:00Z'],
    ['2026-11-01 00:00:00Z'],
    ['2026-11-01T00:00:00'],
    ['yesterday'],
    [''],
  ])('refuses startDate %j, naming it, before sending', async (startDate) => {
    const { fetch, client } = fixtureClient(json(purchasedPage(1, 1, false)));
    const error = await client.listFixtureSent({ startDate }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error).toMatchObject({
      parameter: 'startDate',
      message: `listFixtureSent: startDate must be a date-time such as "2026-02-01T00:00:00Z", got ${JSON.stringify(startDate)}`,
    });
    expect(fetch.seen).toHaveLength(0);
  });

  it('refuses an invalid Date', async () => {
    const { fetch, client } = fixtureClient();
    await expect(
      client.listFixtureSent({ endDate: new Date('nope') as unknown as string }),
    ).rejects.toThrow('listFixtureSent: endDate must be a date-time');
    expect(fetch.seen).toHaveLength(0);
  });

  it('refuses a page holding more items than its limit', async () => {
    const { client } = fixtureClient(json(purchasedPage(1, 4, false)));
    await expect(client.listFixtureSent({ limit: 3 })).rejects.toThrow(
      'answered with 4 items in "items", more than the 3 asked for',
    );
  });
});

describe('getFixtureChart: one object, date and boolean parameters', () => {
  it.each([
    [{ withTotal: true }, '?withTotal=true'],
    [{ withTotal: false }, '?withTotal=false'],
    [
      { endDate: '2026-11-30', startDate: '2026-11-01' },
      '?startDate=2026-11-01&endDate=2026-11-30',
    ],
    [{ startDate: new Date(Date.UTC(2026, 1, 1, 23)) }, '?startDate=2026-02-01'],
    [{}, ''],
  ])('sends %j as %s', async (params, search) => {
    const { fetch, client } = fixtureClient(json(chart));
    const body = await client.getFixtureChart(params as never);
    expect(body.chart[0]?.count).toBe(3);
    expect(fetch.seen[0]?.url.search).toBe(search);
  });

  it.each([
    ['withTotal', { withTotal: 'true' }, 'true or false, got "true"'],
    ['withTotal', { withTotal: 1 }, 'true or false, got 1'],
    ['startDate', { startDate: '2026-11-01T00:00:00Z' }, 'a date such as "2026-02-01"'],
    ['endDate', { endDate: '2026-13-01' }, 'a date such as "2026-02-01", got "2026-13-01"'],
  ])('refuses a bad %s before sending: %j', async (parameter, params, allowed) => {
    const { fetch, client } = fixtureClient(json(chart));
    await expect(client.getFixtureChart(params as never)).rejects.toThrow(
      expect.objectContaining({
        name: 'InvalidArgumentError',
        parameter,
        message: expect.stringContaining(`getFixtureChart: ${parameter} must be ${allowed}`),
      }),
    );
    expect(fetch.seen).toHaveLength(0);
  });

  it('is lazy and sends once, like every call', async () => {
    const { fetch, client } = fixtureClient(json(chart));
    const made = client.getFixtureChart();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(fetch.seen).toHaveLength(0);
    const [a, b] = await Promise.all([made, made]);
    expect(a).toBe(b);
    expect(fetch.seen).toHaveLength(1);
  });

  it('honours the signal', async () => {
    const { client } = fixtureClient('hang');
    const controller = new AbortController();
    const made = client.getFixtureChart({}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 5);
    await expect(made).rejects.toThrow(APIUserAbortError);
  });
});

describe('listFixtureBuyers: a path parameter', () => {
  it.each([
    ['m1', '/v2/fixtures/m1/buyers'],
    ['a b/c?d#e', '/v2/fixtures/a%20b%2Fc%3Fd%23e/buyers'],
    ['...', '/v2/fixtures/%2E%2E%2E/buyers'],
    ['100%', '/v2/fixtures/100%25/buyers'],
    ['é', '/v2/fixtures/%C3%A9/buyers'],
  ])('puts %j into the path, percent-encoded', async (massMessageId, pathname) => {
    const { fetch, client } = fixtureClient(json(buyersPage(1, 1, false)));
    await client.listFixtureBuyers({ massMessageId, limit: 5 });
    expect(fetch.seen[0]?.url.href).toBe(`https://api-next.ofauth.com${pathname}?limit=5`);
  });

  it.each([
    [{}, 'listFixtureBuyers: massMessageId must be given (a string of at least 1 character)'],
    [
      { massMessageId: '' },
      'listFixtureBuyers: massMessageId must be a string of at least 1 character, got ""',
    ],
    [
      { massMessageId: '.' },
      'listFixtureBuyers: massMessageId must be a string of at least 1 character, got "."',
    ],
    [
      { massMessageId: '..' },
      'listFixtureBuyers: massMessageId must be a string of at least 1 character, got ".."',
    ],
    [
      { massMessageId: 5 },
      'listFixtureBuyers: massMessageId must be a string of at least 1 character, got 5',
    ],
  ])('refuses %j before sending, naming the parameter', async (params, message) => {
    const { fetch, client } = fixtureClient(json(buyersPage(1, 1, false)));
    await expect(client.listFixtureBuyers(params as never)).rejects.toThrow(
      expect.objectContaining({
        name: 'InvalidArgumentError',
        parameter: 'massMessageId',
        message,
      }),
    );
    expect(fetch.seen).toHaveLength(0);
  });

  it('pages under the same path: every item, then getNextPage refused', async () => {
    const { fetch, client } = fixtureClient(
      json(buyersPage(1, 50, true)),
      json(buyersPage(51, 2, false)),
      json(buyersPage(1, 2, false)),
    );
    const ids: number[] = [];
    for await (const buyer of client.listFixtureBuyers({ massMessageId: 'x y' })) {
      ids.push(buyer.id);
    }
    expect(ids).toHaveLength(52);
    expect(fetch.seen.map((s) => s.url.pathname + s.url.search)).toEqual([
      '/v2/fixtures/x%20y/buyers?limit=50&offset=0',
      '/v2/fixtures/x%20y/buyers?limit=50&offset=50',
    ]);
    const last = await client.listFixtureBuyers({ massMessageId: 'x y' });
    expect(last.hasNextPage()).toBe(false);
    await expect(last.getNextPage()).rejects.toThrow(OFAuthError);
    expect(fetch.seen).toHaveLength(3);
  });
});
