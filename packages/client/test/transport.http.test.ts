// The transport over real sockets: a local HTTP server on 127.0.0.1 (port 0), the platform's own
// fetch, and the failures only a real connection shows (a stalled body, a refused port, a
// request cut by the caller).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../src/client.js';
import {
  APIConnectionError,
  APITimeoutError,
  APIUserAbortError,
  InvalidResponseError,
  RateLimitError,
} from '../src/errors.js';
import { massPage } from './helpers/fake-fetch.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

let server: Server;
let baseUrl: string;
let handler: Handler = (_req, res) => res.end();
const seen: IncomingMessage[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function serve(next: Handler) {
  seen.length = 0;
  handler = next;
  return createClient({ apiKey: 'sk_http_key', connectionId: 'conn_http', baseUrl, maxRetries: 0 });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

describe('over HTTP', () => {
  it('sends the headers and query, and parses the page', async () => {
    const client = serve((_req, res) => sendJson(res, 200, massPage(1, 2, false)));
    const page = await client.listMassMessages({ limit: 2, type: 'unsent' });
    expect(page.list).toHaveLength(2);
    expect(seen[0]?.url).toBe('/v2/access/mass-messages?limit=2&type=unsent');
    expect(seen[0]?.headers.apikey).toBe('sk_http_key');
    expect(seen[0]?.headers['x-connection-id']).toBe('conn_http');
  });

  it('retries a real 429 with Retry-After: 0', async () => {
    let calls = 0;
    const client = serve((_req, res) =>
      ++calls === 1
        ? sendJson(res, 429, { message: 'slow down' }, { 'retry-after': '0' })
        : sendJson(res, 200, massPage(1, 1, false)),
    );
    await expect(client.listMassMessages({}, { maxRetries: 1 })).resolves.toMatchObject({
      hasMore: false,
    });
    expect(seen).toHaveLength(2);
  });

  it('reports the 429 with its retryAfter when out of retries', async () => {
    const client = serve((_req, res) =>
      sendJson(res, 429, { message: 'slow', code: 'RATE_LIMITED' }, { 'retry-after': '30' }),
    );
    await expect(client.listMassMessages()).rejects.toThrow(RateLimitError);
    await expect(client.listMassMessages()).rejects.toMatchObject({ retryAfter: 30 });
  });

  it('times out a server that never answers', async () => {
    const client = serve(() => {
      // never answers
    });
    await expect(client.listMassMessages({}, { timeoutMs: 150 })).rejects.toThrow(APITimeoutError);
  });

  it('times out a body that stalls after the headers (the timeout covers the body)', async () => {
    const client = serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"hasMore": false, "list": [');
    });
    await expect(client.listMassMessages({}, { timeoutMs: 150 })).rejects.toThrow(APITimeoutError);
  });

  it('cuts the connection when the caller aborts', async () => {
    const closed = new Promise<void>((resolve) => {
      serve((req) => req.socket.on('close', () => resolve()));
    });
    const client = createClient({ apiKey: 'k', connectionId: 'c', baseUrl, maxRetries: 0 });
    const controller = new AbortController();
    const call = client.listMassMessages({}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(call).rejects.toThrow(APIUserAbortError);
    await closed;
  });

  it('refuses a 200 with an HTML body', async () => {
    const client = serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>maintenance</html>');
    });
    await expect(client.listMassMessages()).rejects.toThrow(InvalidResponseError);
  });
});

describe('a refused connection', () => {
  it('throws APIConnectionError with the cause', async () => {
    // A port that was just free: listen, note it, close.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    // A key of a real key's length: a one-letter key is in the cause's stack (`at fetch …`), and
    // the one redaction rule would rightly hand on a redacted copy instead of the Error itself.
    const client = createClient({
      apiKey: 'sk_test_refused_connection',
      connectionId: 'c',
      baseUrl: `http://127.0.0.1:${port}`,
      maxRetries: 0,
    });
    const error = await client.listMassMessages().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).not.toBeInstanceOf(APITimeoutError);
    expect((error as Error).cause).toBeInstanceOf(Error);
  });
});
