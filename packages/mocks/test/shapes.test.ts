// The operation shapes the vendor has, served in every mode by every adapter, from a spec edit
// alone (test/helpers/fixtures.ts): the successor list without offset (listSentMassMessages, a
// date-time range; hasMore honest for the range), a GET whose 200 is one object (the chart: a
// date range and a boolean), and a route with a path parameter (a mass message's buyers, paged by
// offset). Every answer is validated against the edited document; what the mock cannot serve is
// refused by name when it is created.
import { SpecValidator } from '@ofauth-mass-messages/spec-validator';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOCK_MODES, type MockMode } from '../src/core/options.js';
import { createMockFetch } from '../src/fetch.js';
import { createHandlers } from '../src/msw.js';
import { readSpecData } from '../src/spec/read.js';
import { BUYERS, CHART, SENT, withNewShapes } from './helpers/fixtures.js';
import { AUTH } from './helpers/http.js';

const doc = withNewShapes();
const spec = readSpecData(doc);
const validator = new SpecValidator(doc);
const buyers = (id: string | number) => BUYERS.path.replace('{id}', String(id));

interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}
type Get = (target: string, headers?: Record<string, string>) => Promise<Answer>;

const msw = setupServer();
beforeAll(() => msw.listen({ onUnhandledRequest: 'bypass' }));
afterAll(() => msw.close());

const reader =
  (fetcher: typeof fetch, base: string): Get =>
  async (target, headers = AUTH) => {
    const response = await fetcher(`${base}${target}`, { headers });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: JSON.parse(text || 'null') };
  };

/**
 * Each in-process adapter, started for a mode: the Fetch function and the MSW handlers (the mock
 * server's tests hold the server to the same shapes).
 */
const ADAPTERS: [string, (mode: MockMode) => Promise<Get>][] = [
  [
    'createMockFetch',
    async (mode) => reader(createMockFetch({ spec, mode, seed: 4 }), 'https://api.test'),
  ],
  [
    'the MSW handlers',
    async (mode) => {
      const base = `http://shapes-${mode}.example.test`;
      msw.use(...createHandlers({ spec, mode, seed: 4, baseUrl: base }));
      return reader(fetch, base);
    },
  ],
];

function expectValid(operationId: string, answer: Answer, status = 200): void {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  const result = validator.validateResponse(operationId, status, answer.body);
  expect(result.errors).toEqual([]);
}

const itemsOf = (answer: Answer, field = 'items') =>
  answer.body[field] as Record<string, unknown>[];
const dateOf = (item: Record<string, unknown>) => Date.parse(String(item.date));

describe.each(MOCK_MODES)('%s mode', (mode) => {
  describe.each(ADAPTERS)('%s', (adapter, start) => {
    let get: Get;
    beforeAll(async () => {
      get = await start(mode);
    });

    it('listSentMassMessages: a page without offset, hasMore honest for the range', async () => {
      const whole = await get(SENT.path);
      expectValid(SENT.operationId, whole);
      const all = itemsOf(whole);
      expect(all.length).toBeGreaterThan(1);
      const small = await get(`${SENT.path}?limit=1`);
      expectValid(SENT.operationId, small);
      expect(itemsOf(small)).toEqual(all.slice(0, 1));
      expect(small.body.hasMore).toBe(true);
      if (mode !== 'examples') {
        // Without a limit, the whole range: nothing more to come.
        expect(whole.body.hasMore).toBe(false);
        const exact = await get(`${SENT.path}?limit=${all.length}`);
        expect(exact.body).toEqual(whole.body);
      }
      // No offset to move with: the API ignores one, and so does the mock.
      expect((await get(`${SENT.path}?limit=1&offset=1`)).body).toEqual(small.body);
    });

    it('listSentMassMessages: startDate and endDate select the items of the range', async () => {
      const all = itemsOf(await get(SENT.path));
      const dates = all.map(dateOf).sort((a, b) => a - b);
      const [from, to] =
        mode === 'examples'
          ? [Date.parse('2026-11-01T00:00:00Z'), Date.parse('2026-11-30T23:59:59Z')]
          : [
              dates[Math.floor(dates.length / 4)] ?? 0,
              dates[Math.floor((3 * dates.length) / 4)] ?? 0,
            ];
      const iso = (ms: number) => new Date(ms).toISOString();
      const ranged = await get(`${SENT.path}?startDate=${iso(from)}&endDate=${iso(to)}`);
      expectValid(SENT.operationId, ranged);
      const items = itemsOf(ranged);
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) {
        expect(dateOf(item)).toBeGreaterThanOrEqual(from);
        expect(dateOf(item)).toBeLessThanOrEqual(to);
      }
      if (mode !== 'examples') {
        expect(items).toEqual(all.filter((item) => dateOf(item) >= from && dateOf(item) <= to));
        expect(ranged.body.hasMore).toBe(false);
        // A range holding more than the limit says so.
        const limited = await get(`${SENT.path}?startDate=${iso(from)}&endDate=${iso(to)}&limit=1`);
        expect(limited.body.hasMore).toBe(items.length > 1);
      }
      const empty = await get(`${SENT.path}?startDate=2030-01-01T00:00:00Z`);
      expect(empty.body).toMatchObject({ items: [], hasMore: false });
    });

    it.each([
      ['startDate=2026-11-31T00:00:00Z', 'startDate'],
      ['endDate=2026-11-01', 'endDate'],
      ['startDate=yesterday', 'startDate'],
      ['limit=0', 'limit'],
    ])('listSentMassMessages: 400 for %s, naming %s', async (query, parameter) => {
      const answer = await get(`${SENT.path}?${query}`);
      expectValid(SENT.operationId, answer, 400);
      expect(answer.body).toMatchObject({ type: 'BAD_REQUEST', details: { parameter } });
    });

    it('getMassMessagesChart: one object, the same for the same request', async () => {
      const first = await get(CHART.path);
      expectValid(CHART.operationId, first);
      expect((await get(CHART.path)).body).toEqual(first.body);
      const ranged = await get(
        `${CHART.path}?startDate=2026-11-01&endDate=2026-11-30&withTotal=true`,
      );
      expectValid(CHART.operationId, ranged);
      if (mode !== 'examples') {
        // withTotal: the total is there when asked for, and not when not.
        expect(ranged.body.total).toBeDefined();
        const without = await get(`${CHART.path}?withTotal=false`);
        expectValid(CHART.operationId, without);
        expect(without.body.total).toBeUndefined();
        const other = await get(CHART.path, { ...AUTH, prefer: 'seed=99' });
        expect(other.body).not.toEqual(first.body);
      }
    });

    it.each([
      ['withTotal=yes', 'withTotal'],
      ['withTotal=1', 'withTotal'],
      ['startDate=2026-02-30', 'startDate'],
      ['endDate=2026-11-30T00:00:00Z', 'endDate'],
    ])('getMassMessagesChart: 400 for %s, naming %s', async (query, parameter) => {
      const answer = await get(`${CHART.path}?${query}`);
      expectValid(CHART.operationId, answer, 400);
      expect(answer.body).toMatchObject({ type: 'BAD_REQUEST', details: { parameter } });
    });

    it('getMassMessagesChart: plays its scenarios', async () => {
      const limited = await get(CHART.path, { ...AUTH, prefer: 'code=429' });
      expectValid(CHART.operationId, limited, 429);
      expect(limited.body.type).toBe('RATE_LIMIT_EXCEEDED');
    });

    it("listMassMessageBuyers: a message's buyers, paged by offset to the end", async () => {
      const seen: unknown[] = [];
      for (let offset = 0, requests = 0; ; requests++) {
        const page = await get(`${buyers(42)}?limit=7&offset=${offset}`);
        expectValid(BUYERS.operationId, page);
        const items = itemsOf(page, 'list');
        seen.push(...items);
        offset += items.length;
        if (page.body.hasMore !== true) break;
        expect(items.length).toBe(7);
        expect(requests).toBeLessThan(50);
      }
      if (mode !== 'examples') {
        expect(seen.length).toBeGreaterThan(7);
        // Another message has other buyers; the same one the same, however its id is written.
        expect((await get(buyers(43))).body).not.toEqual((await get(buyers(42))).body);
        expect((await get(buyers('%34%32'))).body).toEqual((await get(buyers(42))).body);
      }
    });

    const refused: [string, number, string][] = [
      [buyers('abc'), 400, 'BAD_REQUEST'],
      [buyers(0), 400, 'BAD_REQUEST'],
      [buyers('4.5'), 400, 'BAD_REQUEST'],
      // A path no operation has is no handler's: MSW passes it on, as the app configures it.
      ...(adapter === 'the MSW handlers'
        ? []
        : ([[`${buyers(42)}/more`, 404, 'ROUTE_NOT_FOUND']] as [string, number, string][])),
    ];
    it.each(refused)('listMassMessageBuyers: %s → %d %s', async (target, status, type) => {
      const answer = await get(target);
      expect(answer.status).toBe(status);
      if (status === 400) {
        expectValid(BUYERS.operationId, answer, 400);
        expect(answer.body).toMatchObject({ type, details: { parameter: 'id' } });
      } else {
        expect(answer.body.type).toBe(type);
      }
    });
  });
});

describe('another spelling of the same operation', () => {
  // The sent page written inline, its item an allOf of the purchased item: the same operation.
  const inline = withNewShapes({ inlineSentPage: true });
  const inlineValidator = new SpecValidator(inline);

  it.each(MOCK_MODES)('is served alike in %s mode', async (mode) => {
    const get = reader(
      createMockFetch({ spec: readSpecData(inline), mode, seed: 4 }),
      'https://api.test',
    );
    const answer = await get(`${SENT.path}?limit=3`);
    expect(answer.status).toBe(200);
    expect(inlineValidator.validateResponse(SENT.operationId, 200, answer.body).errors).toEqual([]);
    expect(itemsOf(answer).length).toBeGreaterThan(0);
  });
});

describe('what the mock cannot serve, refused by name when it is created', () => {
  const broken = (schema: Record<string, unknown>) => {
    const copy = withNewShapes();
    const schemas = copy.components?.schemas as Record<
      string,
      { properties: Record<string, unknown> }
    >;
    (schemas.MassMessageBuyer as { properties: Record<string, unknown> }).properties.code = schema;
    return copy;
  };
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['a "not"', { not: { type: 'string' } }, /MassMessageBuyer\/properties\/code uses "not"/],
    [
      'a pattern with a lookahead',
      { type: 'string', pattern: '^(?=x)x+$' },
      /MassMessageBuyer\/properties\/code has the pattern \/\^\(\?=x\)x\+\$\//,
    ],
    [
      'patternProperties',
      { type: 'object', patternProperties: { '^x': { type: 'string' } } },
      /uses "patternProperties"/,
    ],
    [
      'a reference to nothing',
      { $ref: '#/components/schemas/Nothing' },
      /#\/components\/schemas\/Nothing/,
    ],
  ];

  it.each(cases)(
    '%s: createMockFetch and createHandlers throw, naming the operation and where',
    (_case, schema, where) => {
      const spec = readSpecData(broken(schema));
      for (const create of [() => createMockFetch({ spec }), () => createHandlers({ spec })]) {
        expect(create).toThrow(/The mock cannot serve this spec/);
        expect(create).toThrow(
          new RegExp(`listMassMessageBuyers \\(GET ${BUYERS.path.replace(/[{}]/g, '\\$&')}\\)`),
        );
        expect(create).toThrow(where);
      }
    },
  );

  it('a pattern it can draw is no problem', () => {
    const spec = readSpecData(broken({ type: 'string', pattern: '^[A-Z]{2}-\\d{3,5}(?:-x)?$' }));
    expect(() => createMockFetch({ spec })).not.toThrow();
  });
});
