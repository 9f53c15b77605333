// The proxy's rateLimit seen from the browser's client, through the proxy to the mock: its 429 is
// the client's RateLimitError with the proxy's request id, and the client waits it out by its
// Retry-After like the API's own.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient, RateLimitError } from '@ofauth-mass-messages/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProxyHandler, type ProxyOptions } from '../../src/index.js';
import { toNodeHandler } from '../../src/node.js';
import { type MockServer, startMockServer } from '../helpers/mock.js';
import { API_KEY, CONNECTION_ID } from '../helpers/upstream.js';

let mock: MockServer;
const servers: Server[] = [];

beforeAll(async () => {
  mock = await startMockServer({ port: 0, mode: 'dataset' });
});
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  await mock.stop();
});

async function proxyUrl(rateLimit: ProxyOptions['rateLimit']): Promise<string> {
  const server = createServer(
    toNodeHandler(
      createProxyHandler({
        apiKey: API_KEY,
        authorize: () => CONNECTION_ID,
        upstream: mock.url,
        basePath: '/api',
        ...(rateLimit === undefined ? {} : { rateLimit }),
      }),
    ),
  );
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
}

describe("rateLimit, from the browser's client", () => {
  it('is a RateLimitError carrying the proxy request id and when to retry', async () => {
    const client = createClient({ baseUrl: await proxyUrl({ capacity: 2, refillPerMinute: 6 }) });
    await client.listPurchasedMassMessages({ limit: 1 });
    await client.listPurchasedMassMessages({ limit: 1 });
    const refused = await client.listPurchasedMassMessages({ limit: 1 }, { maxRetries: 0 }).then(
      () => undefined,
      (error: unknown) => error,
    );

    expect(refused).toBeInstanceOf(RateLimitError);
    const error = refused as RateLimitError;
    expect(error.status).toBe(429);
    expect(error.requestId).toMatch(/^req_proxy_[0-9a-f]{32}$/);
    // A token every 10 s; the calls before it took a moment of that.
    expect(error.retryAfter).toBeGreaterThanOrEqual(9);
    expect(error.retryAfter).toBeLessThanOrEqual(10);
    expect(error.body).toMatchObject({ type: 'RATE_LIMIT_EXCEEDED', requestId: error.requestId });
  });

  it('is waited out by the client, which then gets its page', async () => {
    // One request of burst, refilled every second: the second call waits about a second.
    const client = createClient({ baseUrl: await proxyUrl({ capacity: 1, refillPerMinute: 60 }) });
    await client.listPurchasedMassMessages({ limit: 1 });
    const started = Date.now();
    const page = await client.listPurchasedMassMessages({ limit: 1 });

    expect(page.items).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });
});
