// The operation shapes beyond offset pages, each served from the table with no edit here: a path
// parameter (routed, checked and forwarded in canonical form by core's router), a GET whose 200
// is one object, and the list endpoint's successor (a page without offset, ISO 8601 dates).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildOperations } from '@ofauth-mass-messages/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProxyHandler } from '../src/index.js';
import { toNodeHandler } from '../src/node.js';
import type { AuthorizeContext } from '../src/types.js';
import {
  BUYERS_TEMPLATE,
  bundleWithVendorOperations,
  buyersPath,
  CHART_PATH,
  SENT_PATH,
} from './fixtures/vendor-operations.js';
import { startMockServer } from './helpers/mock.js';
import { expectProxyError } from './helpers/proxy-error.js';
import { rawRequest } from './helpers/raw-http.js';
import { type Answer, API_KEY, CONNECTION_ID, recordingFetch } from './helpers/upstream.js';

const UPSTREAM = 'http://upstream.test';
const table = buildOperations(bundleWithVendorOperations());

function proxyWith(answer?: Answer) {
  const upstream = recordingFetch(answer);
  const contexts: AuthorizeContext[] = [];
  const handler = createProxyHandler({
    apiKey: API_KEY,
    authorize: (_request, context) => {
      contexts.push(context);
      return CONNECTION_ID;
    },
    upstream: UPSTREAM,
    basePath: '/api',
    fetch: upstream.fetch,
    operations: table,
  });
  const get = (path: string, init?: RequestInit) =>
    handler(new Request(`http://localhost/api${path}`, init));
  return { get, received: upstream.received, contexts };
}

const upstreamUrls = (received: { url: string }[]) => received.map((r) => r.url);

describe('a path parameter', () => {
  it('is routed by its template, checked, and forwarded to the filled path', async () => {
    const { get, received, contexts } = proxyWith();
    const response = await get(`${buyersPath(2954107733)}?limit=50&offset=0`);

    expect(response.status).toBe(200);
    expect(upstreamUrls(received)).toEqual([
      `${UPSTREAM}${buyersPath(2954107733)}?limit=50&offset=0`,
    ]);
    expect(received[0]?.headers).toEqual({
      accept: 'application/json',
      apikey: API_KEY,
      'x-connection-id': CONNECTION_ID,
    });
    // The hook learns the operation, its template and the checked values.
    expect(contexts).toEqual([
      {
        operationId: 'listMassMessageBuyers',
        path: BUYERS_TEMPLATE,
        pathParams: { massMessageId: 2954107733 },
      },
    ]);
  });

  it('is forwarded in canonical form, never as the browser spelt it', async () => {
    const { get, received } = proxyWith();
    await get(buyersPath('%30%31%32'));
    await get(buyersPath('0012'));

    expect(upstreamUrls(received)).toEqual([
      `${UPSTREAM}${buyersPath(12)}`,
      `${UPSTREAM}${buyersPath(12)}`,
    ]);
  });

  it.each([
    ['not an integer', 'abc', '"abc"'],
    ['below its minimum', '0', '"0"'],
    ['a decimal', '1.5', '"1.5"'],
    ['an encoded slash', '1%2F2', '"1/2"'],
    ['a space', '%20', '" "'],
    ['the template itself, unfilled', '{massMessageId}', '"{massMessageId}"'],
  ])('answers 400 naming it when its value is %s, forwarding nothing', async (_, segment, got) => {
    const { get, received } = proxyWith();
    const response = await get(buyersPath(segment));

    await expectProxyError(response, {
      status: 400,
      code: 'VALIDATION_ERROR',
      error: `massMessageId must be an integer >= 1, got ${got}`,
      details: { parameter: 'massMessageId', allowed: 'an integer >= 1' },
    });
    expect(received).toEqual([]);
  });

  it.each([
    ['an empty segment', buyersPath('')],
    ['a segment too many', `${buyersPath(1)}/x`],
    ['a dot segment, resolved by the URL parser into another path', buyersPath('%2e%2e')],
  ])('answers 404 to %s', async (_, path) => {
    const { get, received } = proxyWith();
    const response = await get(path);

    await expectProxyError(response, { status: 404, code: 'NOT_FOUND' });
    expect(received).toEqual([]);
  });

  it('answers 405 with Allow: GET to another method on a filled template', async () => {
    const { get, received } = proxyWith();
    const response = await get(buyersPath(12), { method: 'POST' });

    expect(response.headers.get('allow')).toBe('GET');
    await expectProxyError(response, { status: 405, code: 'METHOD_NOT_ALLOWED' });
    expect(received).toEqual([]);
  });

  it('lists the templates among what the proxy serves, in a 404', async () => {
    const { get } = proxyWith();
    const body = await expectProxyError(await get('/v2/unknown'), {
      status: 404,
      code: 'NOT_FOUND',
    });

    expect(body.error).toContain(`GET /api${BUYERS_TEMPLATE}`);
    expect(body.error).toContain(`GET /api${CHART_PATH}`);
  });
});

describe('a path parameter through the node adapter', () => {
  let server: Server;
  let port = 0;
  const upstream = recordingFetch();
  beforeAll(async () => {
    server = createServer(
      toNodeHandler(
        createProxyHandler({
          apiKey: API_KEY,
          authorize: () => CONNECTION_ID,
          upstream: UPSTREAM,
          fetch: upstream.fetch,
          operations: table,
        }),
      ),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  // A dot segment in the value's place would turn the buyers route into another path once a
  // URL parser resolved it: the adapter serves paths exactly as sent, or nothing.
  it.each([buyersPath('..'), buyersPath('%2e%2e'), buyersPath('.'), buyersPath('%2E')])(
    'answers 404 to %s without forwarding',
    async (path) => {
      const before = upstream.received.length;
      const response = await rawRequest(port, `GET ${path} HTTP/1.1\r\nHost: localhost`);

      expect(response.status).toBe(404);
      expect(upstream.received.length).toBe(before);
    },
  );

  it('forwards a filled template as sent', async () => {
    const response = await rawRequest(
      port,
      `GET ${buyersPath(7)}?limit=1 HTTP/1.1\r\nHost: localhost`,
    );

    expect(response.status).toBe(200);
    expect(upstream.received.at(-1)?.url).toBe(`${UPSTREAM}${buyersPath(7)}?limit=1`);
  });
});

describe('a GET whose 200 is one object', () => {
  it('is forwarded with its checked date-times and boolean, the object passed as sent', async () => {
    const chart = '{"chart":[{"date":"2026-11-01","count":3}],"total":3}';
    const { get, received } = proxyWith({ body: chart });
    const response = await get(
      `${CHART_PATH}?withTotal=true&startDate=2026-11-01T00:00:00Z&endDate=2026-11-30T23:59:59%2B01:00`,
    );

    expect(response.status).toBe(200);
    expect(await response.text()).toBe(chart);
    // In the operation's parameter order, each value encoded once.
    expect(upstreamUrls(received)).toEqual([
      `${UPSTREAM}${CHART_PATH}?startDate=2026-11-01T00%3A00%3A00Z&endDate=2026-11-30T23%3A59%3A59%2B01%3A00&withTotal=true`,
    ]);
  });

  it.each([
    ['withTotal', 'yes', 'true or false'],
    ['withTotal', '1', 'true or false'],
    ['startDate', '2026-11-01', 'an RFC 3339 date-time'],
    ['startDate', '2026-02-30T00:00:00Z', 'an RFC 3339 date-time'],
    ['endDate', 'yesterday', 'an RFC 3339 date-time'],
  ])('refuses %s=%s with 400 before sending', async (name, value) => {
    const { get, received } = proxyWith();
    const response = await get(`${CHART_PATH}?${name}=${encodeURIComponent(value)}`);
    const body = await expectProxyError(response, {
      status: 400,
      code: 'VALIDATION_ERROR',
      error: expect.stringContaining(`${name} must be`),
      details: expect.objectContaining({ parameter: name }),
    });
    expect(body.details).toMatchObject({ parameter: name });
    expect(received).toEqual([]);
  });
});

describe('the successor of the list endpoint: a page without offset', () => {
  it('is forwarded with its date range and limit', async () => {
    const { get, received } = proxyWith({ body: '{"items":[],"hasMore":false}' });
    const response = await get(
      `${SENT_PATH}?limit=5&endDate=2026-11-30T23:59:59Z&startDate=2026-11-01T00:00:00Z`,
    );

    expect(response.status).toBe(200);
    expect(upstreamUrls(received)).toEqual([
      `${UPSTREAM}${SENT_PATH}?startDate=2026-11-01T00%3A00%3A00Z&endDate=2026-11-30T23%3A59%3A59Z&limit=5`,
    ]);
  });

  it('refuses offset, which it does not have, and a malformed date', async () => {
    const { get, received } = proxyWith();
    const offset = await get(`${SENT_PATH}?offset=20`);
    const date = await get(`${SENT_PATH}?startDate=2026-13-01T00:00:00Z`);

    await expectProxyError(offset, {
      status: 400,
      code: 'VALIDATION_ERROR',
      error: expect.stringContaining('offset must be left out (known: startDate, endDate, limit)'),
      details: expect.objectContaining({ parameter: 'offset' }),
    });
    await expectProxyError(date, {
      status: 400,
      code: 'VALIDATION_ERROR',
      details: expect.objectContaining({ parameter: 'startDate' }),
    });
    expect(received).toEqual([]);
  });
});

describe('the successor of the list endpoint, through the proxy to the mock', () => {
  it('answers a page from the date range, in every mode the mock has', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'proxy-vendor-ops-'));
    const document = join(dir, 'openapi.json');
    await writeFile(document, JSON.stringify(bundleWithVendorOperations()));
    try {
      for (const mode of ['examples', 'dataset', 'dynamic'] as const) {
        const mock = await startMockServer({ port: 0, document, mode });
        try {
          const handler = createProxyHandler({
            apiKey: API_KEY,
            authorize: () => CONNECTION_ID,
            upstream: mock.url,
            operations: table,
          });
          const response = await handler(
            new Request(
              `http://localhost${SENT_PATH}?startDate=2026-11-01T00:00:00Z&endDate=2026-11-30T23:59:59Z&limit=3`,
            ),
          );
          const page = (await response.json()) as { items: unknown[]; hasMore: boolean };

          expect(response.status, mode).toBe(200);
          expect(Array.isArray(page.items), mode).toBe(true);
          expect(typeof page.hasMore, mode).toBe('boolean');
        } finally {
          await mock.stop();
        }
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
