// The client never follows a redirect: fetch strips `Authorization` on a cross-origin redirect
// but not custom headers, so following one hands `apiKey` and `x-connection-id` to whatever host
// the Location names. Two real servers on 127.0.0.1: the "API" answers 3xx, the second one (on
// another port) records every request it gets and must get none.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '../src/client.js';
import { APIError, RedirectError } from '../src/errors.js';
import { createRawClient } from '../src/raw.js';
import { fakeFetch, massPage } from './helpers/fake-fetch.js';

const API_KEY = 'sk_live_redirect_test_key_7f3a';
const CONNECTION_ID = 'conn_redirect_1';
const PATH = '/v2/access/mass-messages';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A server on 127.0.0.1 and a free port that records what it receives. */
async function listen(handler: Handler) {
  const seen: { url: string | undefined; headers: IncomingMessage['headers'] }[] = [];
  const server: Server = createServer((req, res) => {
    seen.push({ url: req.url, headers: req.headers });
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const stop = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  return { seen, origin, stop };
}

let api: Awaited<ReturnType<typeof listen>>;
let elsewhere: Awaited<ReturnType<typeof listen>>;
/** What the API answers next: a status and a Location. */
let answer = { status: 302, location: '' };

beforeAll(async () => {
  // The redirect target answers like the API would, so a client that follows it gets a page.
  elsewhere = await listen((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(massPage(1, 1, false)));
  });
  api = await listen((_req, res) => {
    // A body that spells out the whole target, as Express's res.redirect writes it.
    res.writeHead(answer.status, { location: answer.location, 'content-type': 'text/plain' });
    res.end(`Found. Redirecting to ${answer.location}`);
  });
});
afterAll(async () => {
  await api?.stop();
  await elsewhere?.stop();
});
beforeEach(() => {
  api.seen.length = 0;
  elsewhere.seen.length = 0;
});

/** Each request a server received, as `path apiKey=… x-connection-id=…`. */
const received = (server: typeof elsewhere) =>
  server.seen.map(
    ({ url, headers }) =>
      `${url} apiKey=${headers.apikey} x-connection-id=${headers['x-connection-id']}`,
  );

/** Every string an error exposes: message, String(), stack, JSON of its fields, own properties. */
function renderings(error: unknown): string[] {
  const own = Object.getOwnPropertyNames(error).map((name) =>
    String((error as Record<string, unknown>)[name]),
  );
  return [String(error), (error as Error).stack ?? '', JSON.stringify(error), ...own];
}

describe('a 3xx from the API', () => {
  // `target` is the Location sent; `origin` the one the error names (from the servers' ports).
  const cases: [
    string,
    number,
    (o: { api: string; elsewhere: string }) => string,
    'api' | 'elsewhere',
  ][] = [
    [
      '302 to another origin, absolute',
      302,
      (o) => `${o.elsewhere}/steal?apiKey=${API_KEY}&x=1`,
      'elsewhere',
    ],
    [
      '307 to another origin, absolute',
      307,
      (o) => `${o.elsewhere}/v2/access/mass-messages?k=${API_KEY}`,
      'elsewhere',
    ],
    ['301 to another origin, absolute', 301, (o) => `${o.elsewhere}/`, 'elsewhere'],
    ['303 to another origin, absolute', 303, (o) => `${o.elsewhere}/other`, 'elsewhere'],
    ['308 to another origin, absolute', 308, (o) => `${o.elsewhere}/other`, 'elsewhere'],
    ['302 to a relative path (same origin)', 302, () => `/moved/${API_KEY}?q=secret`, 'api'],
    ['307 to a relative path (same origin)', 307, () => '../elsewhere?token=1', 'api'],
    ['302 to a protocol-relative URL', 302, (o) => `//${new URL(o.elsewhere).host}/x`, 'elsewhere'],
  ];

  it.each(cases)(
    '%s: not followed, an APIError naming the status and origin only',
    async (_, status, target, expected) => {
      const origins = { api: api.origin, elsewhere: elsewhere.origin };
      answer = { status, location: target(origins) };
      const client = createClient({
        apiKey: API_KEY,
        connectionId: CONNECTION_ID,
        baseUrl: api.origin,
        // Never retried: a redirect is no transient failure.
        maxRetries: 2,
      });
      const error = await client.listMassMessages().then(
        () => 'resolved with the redirect target’s page',
        (e: unknown) => e,
      );

      // What the second server received, credentials included: nothing.
      expect(received(elsewhere)).toEqual([]);
      expect(api.seen).toHaveLength(1);
      expect(error).toBeInstanceOf(RedirectError);
      expect(error).toBeInstanceOf(APIError);
      const origin = origins[expected];
      expect(error).toMatchObject({
        name: 'RedirectError',
        status,
        origin,
        method: 'GET',
        path: PATH,
        message: `${status} redirect to ${origin} not followed (GET ${PATH})`,
      });
      // The path and query of the target never show (they may carry anything); nor the key.
      for (const text of renderings(error)) {
        expect(text).not.toContain(API_KEY);
        expect(text).not.toContain('steal');
        expect(text).not.toContain('secret');
        expect(text).not.toContain('token=');
      }
    },
  );

  it('is not followed by the raw client either', async () => {
    answer = { status: 307, location: `${elsewhere.origin}/v2/access/mass-messages` };
    const raw = createRawClient({
      apiKey: API_KEY,
      connectionId: CONNECTION_ID,
      baseUrl: api.origin,
    });
    const error = await raw.GET(PATH).then(
      () => 'resolved',
      (e: unknown) => e,
    );
    expect(received(elsewhere)).toEqual([]);
    expect(error).toMatchObject({ name: 'RedirectError', status: 307, origin: elsewhere.origin });
  });
});

describe('what the transport asks of fetch', () => {
  it('sends every request with redirect: manual', async () => {
    const fetch = fakeFetch(new Response(JSON.stringify(massPage(1, 1, false))));
    const client = createClient({ apiKey: API_KEY, connectionId: CONNECTION_ID, fetch });
    await client.listMassMessages();
    expect(fetch.seen[0]?.redirect).toBe('manual');
  });

  it('names no origin when the key is in the Location’s host (parsing would lower-case it past the redactor)', async () => {
    const apiKey = 'SK_Live_Key_In_Host_42';
    const fetch = fakeFetch(
      new Response(null, { status: 302, headers: { location: `https://${apiKey}.evil.test/x` } }),
    );
    const client = createClient({ apiKey, connectionId: CONNECTION_ID, fetch });
    const error = await client.listMassMessages().then(
      () => 'resolved',
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: 'RedirectError', status: 302, origin: null });
    for (const text of renderings(error))
      expect(text.toLowerCase()).not.toContain(apiKey.toLowerCase());
  });

  it('makes a browser’s opaque redirect (status 0, no Location) a RedirectError with no origin', async () => {
    // What a browser's fetch gives for `redirect: 'manual'`: the redirect hidden, nothing readable.
    const opaque = Object.defineProperties(new Response(null), {
      type: { value: 'opaqueredirect' },
      status: { value: 0 },
      ok: { value: false },
    });
    const fetch = fakeFetch(opaque);
    const client = createClient({
      apiKey: API_KEY,
      connectionId: CONNECTION_ID,
      fetch,
      maxRetries: 2,
    });
    const error = await client.listMassMessages().then(
      () => 'resolved',
      (e: unknown) => e,
    );
    expect(fetch.seen).toHaveLength(1);
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({
      name: 'RedirectError',
      status: 0,
      origin: null,
      message: `0 redirect to a hidden location not followed (GET ${PATH})`,
    });
  });
});
