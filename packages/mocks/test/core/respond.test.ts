// The core every mock runs (server, Fetch, MSW): checks, paging per mode, scenarios, latency and
// sequences, table-driven over the operations of the spec.
import { type Operation, operations } from '@ofauth-mass-messages/spec/operations';
import { describe, expect, it } from 'vitest';
import { MOCK_MODES, type MockOptions } from '../../src/core/options.js';
import { createMockCore, type MockCore } from '../../src/core/respond.js';
import { readSpecData } from '../../src/spec/read.js';
import { AUTH } from '../helpers/http.js';
import { expectValid } from '../helpers/spec.js';

const spec = readSpecData();

async function call(
  core: MockCore,
  target: string,
  headers: Record<string, string> = AUTH,
  method = 'GET',
) {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const answer = await core.respond({
    method,
    url: new URL(target, 'http://mock.test'),
    header: (name) => lower[name.toLowerCase()],
  });
  return { ...answer, json: answer.body === null ? null : JSON.parse(answer.body) };
}

function core(options: MockOptions = {}) {
  return createMockCore(spec, options);
}

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
  it.each(operations)('pages $operationId to an end, every page valid', async (operation) => {
    const { items, requests } = await pageToEnd(core({ mode, seed: 4 }), operation);
    expect(items).toBeGreaterThan(0);
    expect(requests).toBeGreaterThan(1);
  });

  it.each(operations)('answers 401 without each auth header ($operationId)', async (operation) => {
    for (const header of spec.authHeaders) {
      const headers = Object.fromEntries(
        Object.entries(AUTH).filter(([name]) => name.toLowerCase() !== header),
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
        message: `${rule.name} must be ${rule.allowed}, got "${value}"`,
        code: 'VALIDATION_ERROR',
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

describe('scenarios', () => {
  const [operation] = operations;

  it.each([
    ['code=429', 429, '1'],
    ['code=429, retry-after=3', 429, '3'],
    ['example=rateLimited', 429, '1'],
  ])('Prefer: %s → %d with Retry-After %s', async (prefer, status, retryAfter) => {
    const answer = await call(core(), operation.path, { ...AUTH, prefer });
    expect(answer.status).toBe(status);
    expect(answer.headers['retry-after']).toBe(retryAfter);
  });

  it('takes the default Retry-After from the retryAfter option', async () => {
    const answer = await call(core({ retryAfter: 5 }), operation.path, {
      ...AUTH,
      prefer: 'code=429',
    });
    expect(answer.headers['retry-after']).toBe('5');
  });

  it.each([
    ['code=429, times=1', [429, 200, 200]],
    ['code=500, times=2', [500, 500, 200]],
    ['code=503', [400, 400, 400]],
    ['code=404', [404, 404, 404]],
  ])('Prefer: %s plays %j', async (prefer, statuses) => {
    const mock = core();
    const seen = [];
    for (const _ of statuses) {
      seen.push((await call(mock, operation.path, { ...AUTH, prefer })).status);
    }
    expect(seen).toEqual(statuses);
  });

  it('counts times= per connection and route, so parallel clients do not share a count', async () => {
    const mock = core();
    const prefer = 'code=429, times=1';
    const a = { ...AUTH, 'x-connection-id': 'a', prefer };
    const b = { ...AUTH, 'x-connection-id': 'b', prefer };
    const [other] = operations.slice(1);
    const statuses = [
      (await call(mock, operation.path, a)).status,
      (await call(mock, operation.path, b)).status,
      (await call(mock, other?.path ?? '', a)).status,
      (await call(mock, operation.path, a)).status,
    ];
    expect(statuses).toEqual([429, 429, 429, 200]);
    mock.reset();
    expect((await call(mock, operation.path, a)).status).toBe(429);
  });

  it.each([
    ['code=418', /documents no 418 response; Prefer code= one of 200, 400/],
    ['example=nothing', /has no example named "nothing"/],
    ['code=429, example=firstPage', /has no example "firstPage" for 429; it has: rateLimited/],
  ])('refuses Prefer: %s with a message saying what exists', async (prefer, message) => {
    const answer = await call(core(), operation.path, { ...AUTH, prefer });
    expect(answer.status).toBe(400);
    expect(answer.json.code).toBe('UNKNOWN_SCENARIO');
    expect(answer.json.message).toMatch(message);
  });

  it('Prefer: example=lastPage serves that example as written, at any offset', async () => {
    const answer = await call(core({ mode: 'dataset' }), `${operation.path}?offset=40`, {
      ...AUTH,
      prefer: 'example=lastPage',
    });
    expect(answer.json).toEqual(spec.responses[operation.operationId]?.['200']?.examples.lastPage);
  });

  it('Prefer: seed= serves another seeded set for that request', async () => {
    const mock = core({ mode: 'dataset', seed: 1 });
    const first = await call(mock, operation.path);
    const other = await call(mock, operation.path, { ...AUTH, prefer: 'seed=2' });
    const again = await call(core({ mode: 'dataset', seed: 2 }), operation.path);
    expect(other.json).not.toEqual(first.json);
    expect(other.json).toEqual(again.json);
  });
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
    expect(answer.json.message).toMatch(message);
  });

  it('serves under a base path', async () => {
    const mock = createMockCore(spec, { basePath: '/api/' });
    expect((await call(mock, `/api${operations[0].path}`)).status).toBe(200);
    expect((await call(mock, operations[0].path)).status).toBe(404);
  });
});
