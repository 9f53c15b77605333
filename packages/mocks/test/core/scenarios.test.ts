// The Prefer scenarios, through the core: statuses with their examples, sequences that stop,
// Retry-After, and the mock's complaint about a scenario that does not exist.
import { operations } from '@ofauth-mass-messages/spec/operations';
import { describe, expect, it } from 'vitest';
import { parsePrefer } from '../../src/core/prefer.js';
import type { MockRequest } from '../../src/core/response.js';
import { createScenarios, MAX_TRACKED_SCENARIOS } from '../../src/core/scenarios.js';
import { call, core, spec } from '../helpers/core.js';
import { AUTH, INHERITED_NAMES } from '../helpers/http.js';

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
    ['code=418', [400, 400, 400]],
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
    expect(answer.json.error).toMatch(message);
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

describe('scenarios, asked for a name every object inherits', () => {
  const [operation] = operations;

  it.each(INHERITED_NAMES.flatMap((name) => [`example=${name}`, `code=429, example=${name}`]))(
    'refuses Prefer: %s as an unknown scenario',
    async (prefer) => {
      const answer = await call(core(), operation.path, { ...AUTH, prefer });
      expect(answer.status).toBe(400);
      expect(answer.json.code).toBe('UNKNOWN_SCENARIO');
    },
  );
});

describe('times= counts, under many distinct clients', () => {
  const [operation] = operations;
  const prefer = parsePrefer('code=429, times=1');
  const from = (connection: string): MockRequest => {
    const headers: Record<string, string> = {
      apikey: AUTH.apiKey,
      'x-connection-id': connection,
      prefer: 'code=429, times=1',
    };
    return {
      method: 'GET',
      url: new URL(operation.path, 'http://mock.test'),
      header: (name) => headers[name.toLowerCase()],
    };
  };
  /** The status a client's request gets: 429 while its times=1 is due, then the page (200). */
  const status = (scenarios: ReturnType<typeof createScenarios>, connection: string) =>
    scenarios.play(operation, prefer, from(connection))?.status ?? 200;

  it('keeps at most MAX_TRACKED_SCENARIOS counts under 100,000 distinct clients', () => {
    const scenarios = createScenarios(spec, 1);
    for (let client = 0; client < 100_000; client++) status(scenarios, `conn_${client}`);
    expect(scenarios.size).toBe(MAX_TRACKED_SCENARIOS);
  });

  it('still counts right for a client that keeps coming back among 100,000 others', () => {
    const scenarios = createScenarios(spec, 1);
    const seen = [status(scenarios, 'returning')];
    for (let client = 0; client < 100_000; client++) {
      status(scenarios, `conn_${client}`);
      // Well within the bound since its last request: its count is kept.
      if (client % (MAX_TRACKED_SCENARIOS / 2) === 0) seen.push(status(scenarios, 'returning'));
    }
    expect(seen[0]).toBe(429);
    expect(new Set(seen.slice(1))).toEqual(new Set([200]));
  });

  it('plays the scenario again for a client unseen for more than the bound of others', () => {
    const scenarios = createScenarios(spec, 1);
    expect(status(scenarios, 'gone')).toBe(429);
    expect(status(scenarios, 'gone')).toBe(200);
    for (let client = 0; client < MAX_TRACKED_SCENARIOS; client++)
      status(scenarios, `conn_${client}`);
    expect(status(scenarios, 'gone')).toBe(429);
  });
});
