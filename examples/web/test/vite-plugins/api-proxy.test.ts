import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  apiProxyMiddleware,
  isApiRequest,
  proxyOptionsFromEnv,
} from '../../vite-plugins/api-proxy';

describe('isApiRequest', () => {
  it.each([
    ['/api', true],
    ['/api/v2/access/mass-messages?limit=2', true],
    ['/apiary', false],
    ['/', false],
    ['/assets/index.js', false],
    [undefined, false],
  ])('%s → %s', (url, expected) => {
    expect(isApiRequest(url)).toBe(expected);
  });
});

describe('proxyOptionsFromEnv', () => {
  it('reads the server-side variables only', () => {
    expect(
      proxyOptionsFromEnv({
        OFAUTH_API_KEY: 'k',
        OFAUTH_CONNECTION_ID: 'c',
        OFAUTH_BASE_URL: 'http://127.0.0.1:4010',
        VITE_OFAUTH_API_KEY: 'ignored',
      }),
    ).toEqual({ apiKey: 'k', connectionId: 'c', upstream: 'http://127.0.0.1:4010' });
  });

  it('leaves the upstream to the proxy (the real API) when OFAUTH_BASE_URL is unset', () => {
    expect(proxyOptionsFromEnv({ OFAUTH_API_KEY: 'k', OFAUTH_CONNECTION_ID: 'c' })).toEqual({
      apiKey: 'k',
      connectionId: 'c',
    });
  });
});

describe('apiProxyMiddleware', () => {
  let server: Server | undefined;
  afterEach(async () => {
    const running = server;
    server = undefined;
    if (running) await new Promise((resolve) => running.close(resolve));
  });

  it('fails at start naming the missing key, never at the first request', () => {
    expect(() => apiProxyMiddleware(proxyOptionsFromEnv({ OFAUTH_CONNECTION_ID: 'c' }))).toThrow(
      /apiKey is required.*OFAUTH_API_KEY/,
    );
  });

  it('forwards /api with the server key and the Prefer header; other paths go on', async () => {
    const seen: { url: string; apiKey: string | null; prefer: string | null }[] = [];
    const middleware = apiProxyMiddleware({
      apiKey: 'server-key',
      connectionId: 'conn',
      upstream: 'http://upstream.test',
      fetch: async (input, init) => {
        const headers = new Headers(init?.headers);
        seen.push({
          url: String(input),
          apiKey: headers.get('apikey'),
          prefer: headers.get('prefer'),
        });
        return Response.json({ list: [], hasMore: false });
      },
    });
    server = createServer((req, res) => middleware(req, res, () => res.writeHead(299).end('next')));
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const api = await fetch(`${base}/api/v2/access/mass-messages?limit=2`, {
      headers: { Prefer: 'code=429', apiKey: 'from-the-browser' },
    });
    expect(api.status).toBe(200);
    expect(await api.json()).toEqual({ list: [], hasMore: false });
    expect(seen).toEqual([
      {
        url: 'http://upstream.test/v2/access/mass-messages?limit=2',
        apiKey: 'server-key',
        prefer: 'code=429',
      },
    ]);
    const other = await fetch(`${base}/index.html`);
    expect(other.status).toBe(299);
  });
});
