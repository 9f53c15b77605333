import { createServer, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { operations } from '@ofauth-mass-messages/spec/operations';
import express from 'express';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createProxyHandler } from '../src/index.js';
import { toNodeHandler, toRequest } from '../src/node.js';
import type { ProxyHandler } from '../src/types.js';
import { expectProxyError, expectRawProxyError } from './helpers/proxy-error.js';
import { rawRequest } from './helpers/raw-http.js';
import { API_KEY, CONNECTION_ID, type RecordingServer, startUpstream } from './helpers/upstream.js';

const [operation] = operations;
const servers: Array<{ close(): Promise<void> }> = [];

afterEach(async () => {
  for (const server of servers.splice(0).reverse()) await server.close();
});

/** A node:http server on 127.0.0.1:0 running `listener`; stopped after each test by its handle. */
async function listen(listener: RequestListener): Promise<string> {
  return listenServer(createServer(listener));
}

async function upstream(...args: Parameters<typeof startUpstream>): Promise<RecordingServer> {
  const server = await startUpstream(...args);
  servers.push(server);
  return server;
}

function proxyTo(url: string, extra: { timeoutMs?: number } = {}): ProxyHandler {
  return createProxyHandler({
    apiKey: API_KEY,
    authorize: () => CONNECTION_ID,
    upstream: url,
    basePath: '/api',
    ...extra,
  });
}

describe('toNodeHandler', () => {
  it('serves the proxy from node:http: credentials added, answer streamed back', async () => {
    const api = await upstream({
      status: 429,
      body: '{"message":"Rate limit exceeded","code":"RATE_LIMITED"}',
      headers: { 'retry-after': '30', 'x-request-id': 'req-node', 'set-cookie': 'a=b' },
    });
    const app = await listen(toNodeHandler(proxyTo(api.url)));
    const response = await fetch(`${app}/api${operation.path}?limit=2`, {
      headers: { apiKey: 'browser-key', cookie: 'session=1' },
    });

    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(response.headers.get('x-request-id')).toBe('req-node');
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(await response.json()).toEqual({ message: 'Rate limit exceeded', code: 'RATE_LIMITED' });
    expect(api.received).toHaveLength(1);
    expect(api.received[0]?.url).toBe(`${operation.path}?limit=2`);
    expect(api.received[0]?.headers).toMatchObject({
      apikey: API_KEY,
      'x-connection-id': CONNECTION_ID,
    });
    expect(api.received[0]?.headers.cookie).toBeUndefined();
  });

  it.each([
    ['an unknown path', 'GET', '/api/nope', 404, 'NOT_FOUND', undefined],
    ['a wrong method', 'DELETE', `/api${operation.path}`, 405, 'METHOD_NOT_ALLOWED', undefined],
    [
      'a bad parameter',
      'GET',
      `/api${operation.path}?limit=0`,
      400,
      'VALIDATION_ERROR',
      expect.objectContaining({ parameter: 'limit' }),
    ],
  ])('refuses %s with the Error body', async (_, method, path, status, code, details) => {
    const api = await upstream();
    const app = await listen(toNodeHandler(proxyTo(api.url)));
    const response = await fetch(`${app}${path}`, { method });

    await expectProxyError(response, { status, code, ...(details ? { details } : {}) });
    expect(api.received).toEqual([]);
  });

  it('matches the URL the client asked for under an Express-style mount (originalUrl)', async () => {
    const api = await upstream();
    const handler = toNodeHandler(proxyTo(api.url));
    // What `app.use('/api', handler)` does: the mount is cut from req.url, kept in originalUrl.
    const app = await listen((req, res) => {
      const mounted = req as IncomingMessage & { originalUrl?: string };
      mounted.originalUrl = req.url ?? '/';
      req.url = req.url?.slice('/api'.length);
      handler(req, res);
    });
    const response = await fetch(`${app}/api${operation.path}`);

    expect(response.status).toBe(200);
    expect(api.received[0]?.url).toBe(operation.path);
  });

  it('cancels the upstream call when the browser disconnects', async () => {
    // An upstream that takes the request and never answers; it notes when the proxy hangs up.
    let upstreamGotRequest = false;
    let upstreamClosed = false;
    const stalled = createServer((req) => {
      upstreamGotRequest = true;
      req.on('close', () => {
        upstreamClosed = true;
      });
    });
    const app = await listen(toNodeHandler(proxyTo(await listenServer(stalled))));
    const browser = new AbortController();
    const pending = fetch(`${app}/api${operation.path}`, { signal: browser.signal });
    await vi.waitFor(() => expect(upstreamGotRequest).toBe(true), { timeout: 10_000 });
    expect(upstreamClosed).toBe(false);
    browser.abort();

    await expect(pending).rejects.toThrow();
    await vi.waitFor(() => expect(upstreamClosed).toBe(true), { timeout: 10_000 });
  });

  it.each([
    ['without next, answers 500 with the Error body', false],
    ['with next (Express), hands the error on', true],
  ])('when the handler throws, %s', async (_, withNext) => {
    const failing: ProxyHandler = async () => {
      throw new Error('boom');
    };
    const passed: unknown[] = [];
    const handler = toNodeHandler(failing);
    const app = await listen((req, res) => {
      if (!withNext) return handler(req, res);
      handler(req, res, (error) => {
        passed.push(error);
        res.writeHead(503).end();
      });
    });
    const response = await fetch(`${app}/x`);

    if (withNext) {
      expect(response.status).toBe(503);
      expect(passed).toEqual([new Error('boom')]);
    } else {
      await expectProxyError(response, {
        status: 500,
        code: 'INTERNAL_ERROR',
        error: 'The proxy failed.',
      });
    }
  });
});

describe('toNodeHandler, by Host', () => {
  it.each([
    ['a space', 'a b'],
    ['an unclosed IPv6 literal', '[zz'],
    ['user info', 'user@localhost'],
    ['a path', 'localhost/v2'],
  ])(
    'answers 400 with the Error body to a Host with %s (%j), forwarding nothing',
    async (_, host) => {
      const api = await upstream();
      const app = await listen(toNodeHandler(proxyTo(api.url)));
      const response = await rawRequest(
        Number(new URL(app).port),
        `GET /api${operation.path} HTTP/1.1\r\nHost: ${host}`,
      );

      expectRawProxyError(response, { status: 400, code: 'BAD_REQUEST' });
      expect(api.received).toEqual([]);
    },
  );

  it('answers 403 to a Host that is not allowed (DNS rebinding), forwarding nothing', async () => {
    const api = await upstream();
    const app = await listen(toNodeHandler(proxyTo(api.url)));
    const response = await rawRequest(
      Number(new URL(app).port),
      `GET /api${operation.path} HTTP/1.1\r\nHost: rebind.evil.test:${new URL(app).port}`,
    );

    expectRawProxyError(response, { status: 403, code: 'HOST_NOT_ALLOWED' });
    expect(api.received).toEqual([]);
  });
});

describe('toNodeHandler, by path', () => {
  const purchased = operations.find((op) => op.path.includes('purchased'))?.path as string;
  const listPath = operation.path;
  // Paths WHATWG URL resolves to an operation's: what the client sent is not what is served.
  const unnormalised = [
    ['a dot-dot segment', `/api${listPath}/../${listPath.split('/').pop()}`],
    ['an encoded dot-dot', `/api/v2/x/%2e%2e${listPath.slice('/v2'.length)}`],
    ['an upper-case encoded dot-dot', `/api/v2/x/%2E%2E${listPath.slice('/v2'.length)}`],
    ['a half-encoded dot-dot', `/api/v2/x/.%2e${listPath.slice('/v2'.length)}`],
    ['a dot segment', `/api/.${listPath}`],
    ['backslashes', `/api${listPath.replaceAll('/', '\\')}`],
    ['a backslash after the mount', `/api\\${listPath.slice(1)}`],
    ['a double slash at the start', `//localhost/api${listPath}`],
  ];

  it.each(unnormalised)('answers 404 to %s from plain node:http (%s)', async (_, path) => {
    const api = await upstream();
    const app = await listen(toNodeHandler(proxyTo(api.url)));
    const response = await rawRequest(
      Number(new URL(app).port),
      `GET ${path} HTTP/1.1\r\nHost: localhost`,
    );

    expectRawProxyError(response, { status: 404, code: 'NOT_FOUND' });
    expect(api.received).toEqual([]);
  });

  it.each(unnormalised)('answers 404 to %s under Express (%s)', async (_, path) => {
    const api = await upstream();
    const app = express();
    app.use('/api', toNodeHandler(proxyTo(api.url)));
    const url = await listen(app);
    const response = await rawRequest(
      Number(new URL(url).port),
      `GET ${path} HTTP/1.1\r\nHost: localhost`,
    );

    expect(response.status).not.toBe(200);
    expect(response.status).toBeLessThan(500);
    expect(api.received).toEqual([]);
  });

  it('serves nothing an Express guard in front of it did not see', async () => {
    const api = await upstream();
    const app = express();
    // The app keeps the purchases endpoint for admins: a guard on its path.
    app.use(`/api${purchased}`, (_req, res) => {
      res.status(403).json({ message: 'admins only', code: 'FORBIDDEN' });
    });
    app.use('/api', toNodeHandler(proxyTo(api.url)));
    const url = await listen(app);
    const port = Number(new URL(url).port);
    const around = `/api${listPath}/..${purchased.slice(listPath.lastIndexOf('/'))}`;

    expect(
      (await rawRequest(port, `GET /api${purchased} HTTP/1.1\r\nHost: localhost`)).status,
    ).toBe(403);
    expect((await rawRequest(port, `GET ${around} HTTP/1.1\r\nHost: localhost`)).status).toBe(404);
    expect(api.received).toEqual([]);
  });
});

describe('toNodeHandler, by method and request-target', () => {
  async function exchange(head: string, body?: string) {
    const api = await upstream();
    const app = await listen(toNodeHandler(proxyTo(api.url)));
    const response = await rawRequest(Number(new URL(app).port), head, body);
    return { response, received: api.received };
  }
  const path = `/api${operation.path}`;

  it.each([
    ['TRACE on an operation path', `TRACE ${path} HTTP/1.1`, 405, ''],
    ['TRACE elsewhere', 'TRACE / HTTP/1.1', 405, ''],
    ['PROPFIND (a WebDAV token)', `PROPFIND ${path} HTTP/1.1`, 405, ''],
    ['PURGE', `PURGE ${path} HTTP/1.1`, 405, ''],
    ['OPTIONS (no CORS: the proxy serves its own origin)', `OPTIONS ${path} HTTP/1.1`, 405, ''],
    ['POST with a body', `POST ${path} HTTP/1.1\r\nContent-Length: 2`, 405, '{}'],
    ['an absolute-form target', `GET http://localhost${path} HTTP/1.1`, 400, ''],
    ['an absolute-form target to another host', `GET http://evil.test${path} HTTP/1.1`, 400, ''],
    ['the asterisk form', 'OPTIONS * HTTP/1.1', 400, ''],
    ['a fragment', `GET ${path}#top HTTP/1.1`, 400, ''],
    ['an empty authority (/\\)', 'GET /\\ HTTP/1.1', 400, ''],
    ['a very long path', `GET /api/${'a'.repeat(12_000)} HTTP/1.1`, 404, ''],
  ])(
    'answers %s with a 4xx and the Error body, forwarding nothing',
    async (_, line, status, sent) => {
      const { response, received } = await exchange(`${line}\r\nHost: localhost`, sent);

      const body = expectRawProxyError(response, {
        status,
        code:
          ({ 404: 'NOT_FOUND', 405: 'METHOD_NOT_ALLOWED' } as Record<number, string>)[status] ??
          'BAD_REQUEST',
      });
      expect(body.error.length).toBeLessThan(1_000);
      if (status === 405) expect(response.headers.allow).toBe('GET');
      expect(received).toEqual([]);
    },
  );

  it('answers HEAD with 405 and Allow: GET, without a body, forwarding nothing', async () => {
    const { response, received } = await exchange(`HEAD ${path} HTTP/1.1\r\nHost: localhost`);

    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('GET');
    expect(response.body).toBe('');
    expect(received).toEqual([]);
  });

  it('answers two Host headers with 400', async () => {
    const { response, received } = await exchange(
      `GET ${path} HTTP/1.1\r\nHost: localhost\r\nHost: evil.test`,
    );

    expectRawProxyError(response, { status: 400, code: 'BAD_REQUEST' });
    expect(received).toEqual([]);
  });

  it('keeps serving after CONNECT, which node:http gives no request listener', async () => {
    const api = await upstream();
    const app = await listen(toNodeHandler(proxyTo(api.url)));
    const port = Number(new URL(app).port);
    const connect = await rawRequest(port, 'CONNECT localhost:443 HTTP/1.1\r\nHost: localhost:443');
    const after = await rawRequest(port, `GET ${path} HTTP/1.1\r\nHost: localhost`);

    expect(connect.status === 0 || (connect.status >= 400 && connect.status < 500)).toBe(true);
    expect(after.status).toBe(200);
  });
});

/** Listens with an existing server (to watch its requests), stopped after the test. */
async function listenServer(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push({
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('toRequest', () => {
  it('keeps method, URL and every header, repeated ones too, and skips HTTP/2 pseudo-headers', () => {
    const req = {
      method: 'GET',
      url: '/api/x?limit=1',
      headers: { host: 'app.test:8080' },
      rawHeaders: ['Host', 'app.test:8080', ':path', '/x', 'Accept', 'a', 'Accept', 'b'],
      socket: { encrypted: true },
    } as unknown as IncomingMessage;
    const request = toRequest(req);

    expect(request.method).toBe('GET');
    expect(request.url).toBe('https://app.test:8080/api/x?limit=1');
    expect(Object.fromEntries(request.headers)).toEqual({ host: 'app.test:8080', accept: 'a, b' });
  });
});
