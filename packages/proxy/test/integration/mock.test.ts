// Through the proxy to the real mock (Prism): the browser side sends no credentials, the mock
// answers only because the proxy adds them. The keyless client paging every list through the proxy,
// and every error body held to the vendor's shape, are the contract suite's proxy target
// (packages/contract-tests), not repeated here.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient, RateLimitError, type RequestOptions } from '@ofauth-mass-messages/client';
import { startMockServer } from '@ofauth-mass-messages/mock-server';
import {
  type OffsetPageOperation,
  type Operation,
  operations,
} from '@ofauth-mass-messages/spec/operations';
import { validateResponse } from '@ofauth-mass-messages/spec-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProxyHandler } from '../../src/index.js';
import { toNodeHandler } from '../../src/node.js';
import { expectProxyError } from '../helpers/proxy-error.js';
import { firstPageQuery, pathOf, pathValues } from '../helpers/queries.js';
import { API_KEY, CONNECTION_ID } from '../helpers/upstream.js';

/** The mock, and the proxy in front of it on a node:http server: both on 127.0.0.1:0. */
async function startProxyTo(mode: 'examples' | 'dataset') {
  const mock = await startMockServer({ port: 0, mode });
  const server: Server = createServer(
    toNodeHandler(
      createProxyHandler({
        apiKey: API_KEY,
        authorize: () => CONNECTION_ID,
        upstream: mock.url,
        basePath: '/api',
        forwardHeaders: ['prefer'],
      }),
    ),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    mock,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await mock.stop();
    },
  };
}

type Running = Awaited<ReturnType<typeof startProxyTo>>;
const each = (operations as readonly Operation[]).map((op) => [op.operationId, op] as const);
/** The operations with a `limit` to refuse. */
const limited = each.filter(([, op]) => op.query.some((rule) => rule.name === 'limit'));
/** The operations a loop can page to the end (by `offset`). */
const offsetPaged = (operations as readonly Operation[])
  .filter((op): op is OffsetPageOperation => op.kind === 'page' && op.paging === 'offset')
  .map((op) => [op.operationId, op] as const);

describe('through the proxy to the mock (examples mode)', () => {
  let running: Running;
  beforeAll(async () => {
    running = await startProxyTo('examples');
  });
  afterAll(() => running?.stop());

  it.each(each)(
    '%s answers a page the spec accepts, with no key in the browser',
    async (id, op) => {
      const response = await fetch(`${running.url}${pathOf(op)}?${firstPageQuery(op)}`);
      const body = await response.json();

      expect(response.status).toBe(200);
      expect(validateResponse(id, 200, body)).toMatchObject({ valid: true });
      // The same request straight to the mock, without the proxy's credentials, is refused.
      expect((await fetch(`${running.mock.url}${pathOf(op)}`)).status).toBe(401);
    },
  );

  it.each(each)('%s passes the mock 429 and its Retry-After through', async (id, op) => {
    const response = await fetch(`${running.url}${pathOf(op)}`, {
      headers: { prefer: 'code=429' },
    });
    const body = await response.json();

    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(validateResponse(id, 429, body)).toMatchObject({ valid: true });
  });

  it.each(limited)(
    '%s: a bad parameter is refused by the proxy with the spec wording',
    async (_, op: Operation) => {
      const limit = op.query.find((rule) => rule.name === 'limit');
      if (!limit) throw new Error(`${op.operationId} has no limit to refuse`);
      const response = await fetch(`${running.url}${pathOf(op)}?limit=0`);

      await expectProxyError(response, {
        status: 400,
        code: 'VALIDATION_ERROR',
        error: `limit must be ${limit.allowed}, got "0"`,
        details: { parameter: 'limit', allowed: limit.allowed },
      });
    },
  );
});

describe('through the proxy to the mock (dataset mode)', () => {
  let running: Running;
  beforeAll(async () => {
    running = await startProxyTo('dataset');
  });
  afterAll(() => running?.stop());

  /** Every item of an operation, page by page from `base`, with `headers`. */
  async function pageToTheEnd(
    base: string,
    op: OffsetPageOperation,
    headers: Record<string, string> = {},
  ) {
    const items: Array<{ id: unknown }> = [];
    let pages = 0;
    for (let hasMore = true; hasMore; pages++) {
      const url = `${base}${op.path}?limit=${op.pageSize.maximum}&offset=${items.length}`;
      const response = await fetch(url, { headers });
      expect(response.status).toBe(200);
      const page = (await response.json()) as Record<string, unknown>;
      const list = page[op.itemsField] as Array<{ id: unknown }>;
      items.push(...list);
      hasMore = page.hasMore === true && list.length > 0;
    }
    return { items, pages };
  }

  it.each(offsetPaged)(
    '%s pages to the end through the proxy, same items as the mock',
    async (_, op) => {
      const proxied = await pageToTheEnd(running.url, op);
      const direct = await pageToTheEnd(running.mock.url, op, {
        apiKey: 'direct',
        'x-connection-id': 'direct',
      });

      expect(proxied.pages).toBeGreaterThan(1);
      expect(new Set(proxied.items.map((item) => item.id)).size).toBe(proxied.items.length);
      expect(proxied.items).toEqual(direct.items);
    },
  );

  it.each(each)(
    '%s: the keyless client gets a 429 with its Retry-After and type',
    async (id, op) => {
      const client = createClient({ baseUrl: running.url, maxRetries: 0, logLevel: 'off' });
      // Any operation, whatever its parameters: called with its path values and no query.
      const method = client[id as keyof typeof client] as unknown as (
        params: object,
        options: RequestOptions,
      ) => Promise<unknown>;
      const call = method(pathValues(op), { headers: { prefer: 'code=429,retry-after=7' } });

      await expect(call).rejects.toBeInstanceOf(RateLimitError);
      await expect(call).rejects.toMatchObject({
        status: 429,
        retryAfter: 7,
        body: { type: 'RATE_LIMIT_EXCEEDED' },
      });
    },
  );
});
