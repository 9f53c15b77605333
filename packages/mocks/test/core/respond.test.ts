// The core every mock runs (server, Fetch, MSW): checks, paging per mode, every documented
// example through Prefer, latency and routing, table-driven over the operations of the spec.
import { type PageOperation as Operation, operations } from '@ofauth-mass-messages/spec/operations';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MOCK_MODES } from '../../src/core/options.js';
import { createMockCore, type MockCore } from '../../src/core/respond.js';
import type { MockRequest } from '../../src/core/response.js';
import type { SpecData } from '../../src/core/spec-data.js';
import { readSpecData } from '../../src/spec/read.js';
import { drawnRequest } from '../helpers/arbitraries.js';
import { call, core, spec } from '../helpers/core.js';
import { withNewShapes } from '../helpers/fixtures.js';
import { AUTH, OFFSET_PAGES } from '../helpers/http.js';
import { expectValid } from '../helpers/spec.js';

/** Pages with offset += items until hasMore is false; bounded so that a loop fails, not hangs. */
async function pageToEnd(mock: MockCore, operation: Operation, query = '') {
  let offset = 0;
  let requests = 0;
  for (;;) {
    const page = await call(mock, `${operation.path}?offset=${offset}${query}`);
    requests++;
    expect(page.status).toBe(200);
    expectValid(operation.operationId, 200, page.json);
    offset += page.json[operation.itemsField].length;
    if (!page.json.hasMore) return { items: offset, requests };
    expect(requests).toBeLessThan(200);
  }
}

describe.each(MOCK_MODES)('%s mode', (mode) => {
  it.each(OFFSET_PAGES)('pages $operationId to an end, every page valid', async (operation) => {
    const { items, requests } = await pageToEnd(core({ mode, seed: 4 }), operation);
    expect(items).toBeGreaterThan(0);
    expect(requests).toBeGreaterThan(1);
  });

  it.each(operations)('answers 401 without each auth header ($operationId)', async (operation) => {
    for (const header of spec.authHeaders) {
      const headers = Object.fromEntries(
        Object.entries(AUTH).filter(([name]) => name.toLowerCase() !== header.toLowerCase()),
      );
      const answer = await call(core({ mode }), operation.path, headers);
      expect(answer.status).toBe(401);
      expectValid(operation.operationId, 401, answer.json);
    }
  });

  // Each rule of each operation, broken: 400 with the spec's Error body naming the parameter.
  const broken = (operations as readonly Operation[]).flatMap((operation) =>
    operation.query.map((rule) => {
      const value = rule.enum ? 'not-a-value' : rule.maximum !== undefined ? rule.maximum + 1 : -1;
      return { operation, rule, value: String(value) };
    }),
  );
  it.each(broken)(
    '400 for $operation.operationId $rule.name=$value, naming it',
    async ({ operation, rule, value }) => {
      const answer = await call(core({ mode }), `${operation.path}?${rule.name}=${value}`);
      expect(answer.status).toBe(400);
      expect(answer.json).toEqual({
        error: `${rule.name} must be ${rule.allowed}, got "${value}"`,
        type: 'BAD_REQUEST',
        requestId: answer.headers['x-request-id'],
        details: { parameter: rule.name, allowed: rule.allowed },
      });
      expectValid(operation.operationId, 400, answer.json);
    },
  );

  // Every documented status with each of its examples, through Prefer.
  const scenarios = operations.flatMap((operation) =>
    operation.responses.flatMap(({ status, examples }) =>
      examples.map((example) => ({ operation, status, example })),
    ),
  );
  it.each(scenarios)(
    'Prefer: code=$status, example=$example ($operation.operationId)',
    async ({ operation, status, example }) => {
      const prefer = `code=${status}, example=${example}`;
      const answer = await call(core({ mode }), operation.path, { ...AUTH, prefer });
      expect(answer.status).toBe(status);
      expect(answer.json).toEqual(
        spec.responses[operation.operationId]?.[status]?.examples[example],
      );
    },
  );
});

describe('latency', () => {
  const [operation] = operations;

  it.each([
    ['the latency option', { latency: 150 }, {}, 150],
    ['Prefer: delay=', {}, { prefer: 'delay=150' }, 150],
    ['Prefer: delay= over the option', { latency: 5_000 }, { prefer: 'delay=100' }, 100],
  ])('waits for %s', async (_case, options, extra, ms) => {
    const started = performance.now();
    const answer = await call(core(options), operation.path, { ...AUTH, ...extra });
    const elapsed = performance.now() - started;
    expect(answer.status).toBe(200);
    expect(elapsed).toBeGreaterThanOrEqual(ms - 5);
    expect(elapsed).toBeLessThan(ms + 3_000);
  });

  it('stops waiting when the request is aborted', async () => {
    const controller = new AbortController();
    const pending = core({ latency: 10_000 }).respond({
      method: 'GET',
      url: new URL(operation.path, 'http://mock.test'),
      header: (name) => (AUTH as Record<string, string>)[name === 'apikey' ? 'apiKey' : name],
      signal: controller.signal,
    });
    controller.abort(new Error('gave up'));
    await expect(pending).rejects.toThrow('gave up');
  });
});

describe('requests outside the operations', () => {
  it('answers a CORS preflight with the headers asked for', async () => {
    const answer = await call(
      core(),
      operations[0].path,
      {
        origin: 'http://localhost:5173',
        'access-control-request-headers': 'apikey, x-connection-id, prefer',
      },
      'OPTIONS',
    );
    expect(answer.status).toBe(204);
    expect(answer.headers).toMatchObject({
      'access-control-allow-origin': 'http://localhost:5173',
      'access-control-allow-headers': 'apikey, x-connection-id, prefer',
    });
  });

  it.each([
    ['GET', '/v2/nothing', 404, /No operation at \/v2\/nothing/],
    ['POST', operations[0].path, 405, /is a GET/],
  ])('%s %s → %d', async (method, path, status, message) => {
    const answer = await call(core(), path, AUTH, method);
    expect(answer.status).toBe(status);
    expect(answer.json.error).toMatch(message);
  });

  it('serves under a base path', async () => {
    const mock = createMockCore(spec, { basePath: '/api/' });
    expect((await call(mock, `/api${operations[0].path}`)).status).toBe(200);
    expect((await call(mock, operations[0].path)).status).toBe(404);
  });
});

describe('an error inside the core', () => {
  const [operation] = operations;
  const request = (
    header: MockRequest['header'],
    url = new URL(operation.path, 'http://mock.test'),
  ) => ({
    method: 'GET',
    url,
    header,
  });
  const fromAuth = (name: string) =>
    Object.entries(AUTH).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
  // Requests that make the core's own code throw where it reads them.
  const failing: [string, MockRequest][] = [
    [
      'reading Prefer throws',
      request((name) => {
        if (name === 'prefer') throw new Error('no Prefer today');
        return fromAuth(name);
      }),
    ],
    [
      'reading any header throws',
      request(() => {
        throw new Error('no headers today');
      }),
    ],
    [
      'reading the query throws',
      request(
        fromAuth,
        new Proxy(new URL(operation.path, 'http://mock.test'), {
          get: (target, key) => {
            if (key === 'searchParams') throw new Error('no query today');
            return Reflect.get(target, key, target);
          },
        }),
      ),
    ],
  ];

  it.each(failing)(
    "%s: a 500 with the spec's Error body, and the next request is served",
    async (_case, broken) => {
      const mock = core();
      const answer = await mock.respond(broken);
      expect(answer.status).toBe(500);
      const body = JSON.parse(answer.body ?? 'null');
      expect(body).toEqual({
        error: expect.any(String),
        requestId: answer.headers['x-request-id'],
        code: 'MOCK_INTERNAL_ERROR',
      });
      expectValid(operation.operationId, 500, body);
      expect((await call(mock, operation.path)).status).toBe(200);
    },
  );

  it('names what failed, and leaves the API key out when the error quotes it', async () => {
    const key = 'sk_live_quoted_in_an_error';
    const answer = await core().respond(
      request((name) => {
        if (name === 'prefer') throw new Error(`Prefer unreadable for ${key}`);
        return name.toLowerCase() === 'apikey' ? key : fromAuth(name);
      }),
    );
    expect(answer.status).toBe(500);
    expect(JSON.parse(answer.body ?? '').error).toContain('Prefer unreadable for [redacted]');
    expect(answer.body).not.toContain(key);
  });
});

describe('401 without a security header', () => {
  const [operation] = operations;
  const [first = '', second = ''] = spec.authHeaders;
  const sent = (...names: string[]) =>
    Object.fromEntries(
      names.map((name) => [name, (AUTH as Record<string, string>)[name] ?? 'value']),
    );

  it.each([
    ['only the first sent', sent(first), [second]],
    ['only the second sent', sent(second), [first]],
    ['none sent', {}, [first, second]],
    ['the first sent empty', { ...sent(second), [first]: '' }, [first]],
  ])('%s: names each missing header in the Error body', async (_case, headers, missing) => {
    const answer = await call(core(), operation.path, headers);
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({
      error: expect.any(String),
      type: missing.includes(first) ? 'UNAUTHORIZED' : 'SESSION_NOT_PROVIDED',
      requestId: answer.headers['x-request-id'],
      details: { missing },
    });
    for (const name of missing) expect(answer.json.error).toContain(name);
    expectValid(operation.operationId, 401, answer.json);
  });

  it('says nothing of a header that was sent', async () => {
    const answer = await call(core(), operation.path, sent(first));
    // What is missing comes first, before what every request needs.
    const [said = ''] = String(answer.json.error).split(':');
    expect(said).toContain(second);
    expect(said).not.toContain(first);
  });
});

/** Runs of each property; printed with the results so that a report can name them. */
const CORE_RUNS = 400;

// The spec as built, and with the vendor's other shapes (a page without offset and a date range,
// a single object with a boolean, a path parameter): the same property over both.
const SPECS: [string, SpecData][] = [
  ['the spec', spec],
  ["the spec with the vendor's other operation shapes", readSpecData(withNewShapes())],
];

describe.each(
  SPECS.flatMap(([name, data]) => MOCK_MODES.map((mode) => [name, mode, data] as const)),
)('property: any request to the core, %s, %s mode', (name, mode, data) => {
  it(`answers without a rejection, a 5xx it did not ask for, a body that is not JSON, or the key (${CORE_RUNS} runs)`, async () => {
    const mock = createMockCore(data, { mode, seed: 3 });
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        drawnRequest({ maxLength: 100_000, wire: false, spec: data }),
        async (drawn) => {
          const lower = Object.fromEntries(
            Object.entries(drawn.headers).map(([name, value]) => [name.toLowerCase(), value]),
          );
          const answer = await mock.respond({
            method: drawn.method,
            url: new URL(`http://mock.test${drawn.target}`),
            header: (name) => lower[name.toLowerCase()],
          });
          expect(
            Number.isInteger(answer.status) && answer.status >= 200 && answer.status <= 599,
          ).toBe(true);
          if (answer.status >= 500) expect([...drawn.asked]).toContain(answer.status);
          if (answer.body === null) {
            expect(['HEAD', 'OPTIONS']).toContain(drawn.method.toUpperCase());
          } else {
            expect(() => JSON.parse(answer.body as string)).not.toThrow();
          }
          if (drawn.apiKey) {
            expect(answer.body ?? '').not.toContain(drawn.apiKey);
            expect(JSON.stringify(answer.headers)).not.toContain(drawn.apiKey);
          }
          runs++;
        },
      ),
      { numRuns: CORE_RUNS },
    );
    console.info(`property (core, ${name}, ${mode} mode): ${runs} runs passed`);
    expect(runs).toBe(CORE_RUNS);
    // Still serving.
    expect((await call(mock, operations[0].path)).status).toBe(200);
  });
});
