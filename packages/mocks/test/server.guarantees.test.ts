// What every mode keeps from Prism: 401 without the security headers, 422 naming a bad parameter,
// 404 off the spec's paths, CORS for a page on another origin, and steady service under load.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockMode } from '../src/options.js';
import { type MockServer, startMockServer } from '../src/server.js';
import {
  AUTH,
  getJson,
  LIST,
  OPERATIONS,
  PURCHASED,
  pathOf,
  rawRequest,
  runBounded,
} from './helpers/http.js';
import { expectValid } from './helpers/spec.js';

const MODES: MockMode[] = ['examples', 'dynamic', 'dataset'];
const servers = new Map<MockMode, MockServer>();

beforeAll(async () => {
  const started = await Promise.all(
    MODES.map((mode) => startMockServer({ port: 0, mode, seed: 5 })),
  );
  for (const [index, server] of started.entries()) servers.set(MODES[index] as MockMode, server);
});
afterAll(async () => {
  await Promise.all([...servers.values()].map((server) => server.stop()));
});

const server = (mode: MockMode) => servers.get(mode) as MockServer;

const MISSING_HEADERS: Array<[string, Record<string, string>]> = [
  ['no headers', {}],
  ['no x-connection-id', { apiKey: AUTH.apiKey }],
  ['no apiKey', { 'x-connection-id': AUTH['x-connection-id'] }],
];

const BAD_PARAMETERS: Array<[string, string, string]> = [
  [LIST, 'limit=0', 'limit'],
  [LIST, 'limit=21', 'limit'],
  [LIST, 'limit=-1', 'limit'],
  [LIST, 'limit=abc', 'limit'],
  [PURCHASED, 'limit=101', 'limit'],
  [PURCHASED, 'limit=0', 'limit'],
  [LIST, 'offset=-1', 'offset'],
  [PURCHASED, 'offset=-1', 'offset'],
  [LIST, 'type=bogus', 'type'],
];

describe.each(MODES)('%s mode', (mode) => {
  it.each(
    OPERATIONS.flatMap((op) =>
      MISSING_HEADERS.map(([name, headers]) => [op, name, headers] as const),
    ),
  )('%s with %s → 401', async (operationId, _name, headers) => {
    const { status, body } = await getJson(`${server(mode).url}${pathOf(operationId)}`, headers);
    expect(status).toBe(401);
    expectValid(operationId, 401, body);
  });

  it.each(BAD_PARAMETERS)('%s?%s → 422 naming %s', async (operationId, query, parameter) => {
    const { status, headers, body } = await getJson(
      `${server(mode).url}${pathOf(operationId)}?${query}`,
    );
    expect(status).toBe(422);
    expect(headers.get('content-type')).toMatch(/application\/problem\+json/);
    const violations = (body as { validation: Array<{ location: string[]; message: string }> })
      .validation;
    expect(violations.length).toBeGreaterThan(0);
    for (const violation of violations) {
      expect(violation.location).toContain(parameter);
      expect(violation.message).toContain(parameter);
    }
  });

  it('answers a path the spec lacks with 404', async () => {
    const { status } = await getJson(`${server(mode).url}/v2/access/mass-messages/unknown`);
    expect(status).toBe(404);
  });

  it('keeps serving both routes after the bad requests', async () => {
    for (const operationId of OPERATIONS) {
      const { status, body } = await getJson(`${server(mode).url}${pathOf(operationId)}`);
      expect(status).toBe(200);
      expectValid(operationId, 200, body);
    }
  });

  it('lets a page on another origin send apiKey, x-connection-id and Prefer (CORS preflight)', async () => {
    const origin = 'http://localhost:5173';
    const preflight = await rawRequest(`${server(mode).url}${pathOf(LIST)}`, 'OPTIONS', {
      Origin: origin,
      'Access-Control-Request-Method': 'GET',
      'Access-Control-Request-Headers': 'apikey,x-connection-id,prefer',
    });
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers['access-control-allow-origin']).toBe(origin);
    expect(String(preflight.headers['access-control-allow-methods'])).toMatch(/GET/);
    const allowed = String(preflight.headers['access-control-allow-headers'])
      .toLowerCase()
      .split(/\s*,\s*/);
    for (const header of ['apikey', 'x-connection-id', 'prefer']) expect(allowed).toContain(header);

    const actual = await rawRequest(`${server(mode).url}${pathOf(LIST)}`, 'GET', {
      ...AUTH,
      Origin: origin,
    });
    expect(actual.status).toBe(200);
    expect(actual.headers['access-control-allow-origin']).toBe(origin);
  });

  // Bounded in count (dynamic mode generates every body, hence fewer); no timing is asserted:
  // the figures come from scripts/measure.mjs. Small pages keep it quick on a busy CI machine.
  const LOAD: Record<MockMode, number> = { examples: 2_000, dataset: 2_000, dynamic: 300 };
  it(`serves ${LOAD[mode]} requests, 20 at a time, without an error`, {
    timeout: 180_000,
  }, async () => {
    const urls = [
      `${server(mode).url}${pathOf(LIST)}?limit=5&type=scheduled`,
      `${server(mode).url}${pathOf(PURCHASED)}?limit=5&offset=40`,
    ];
    const result = await runBounded(LOAD[mode], 20, async (index) => {
      const response = await fetch(urls[index % 2] as string, { headers: AUTH });
      await response.arrayBuffer();
      return response.status === 200;
    });
    expect(result).toEqual({ ok: LOAD[mode], failed: 0 });
    const after = await getJson(`${server(mode).url}${pathOf(LIST)}`);
    expect(after.status).toBe(200);
  });
});
