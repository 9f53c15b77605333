// The app decides who may read which creator: the authorize hook answers, per request, with the
// connection id to use, a refusal, or a Response of its own.
import { type Operation, operations } from '@ofauth-mass-messages/spec/operations';
import { describe, expect, it, vi } from 'vitest';
import { ProxyConfigError } from '../src/errors.js';
import { createProxyHandler } from '../src/index.js';
import type { ProxyOptions } from '../src/types.js';
import { expectProxyError } from './helpers/proxy-error.js';
import { API_KEY, recordingFetch, visible } from './helpers/upstream.js';

const operation = operations[0] as Operation;
const url = `http://localhost${operation.path}`;

/** The app's sessions: a cookie names a signed-in user, each user reads one creator. */
const SESSIONS: Record<string, string> = {
  'session=alice': 'conn_alice',
  'session=bob': 'conn_bob',
};

function proxyWith(authorize: ProxyOptions['authorize'], extra: Partial<ProxyOptions> = {}) {
  const upstream = recordingFetch();
  const handler = createProxyHandler({
    apiKey: API_KEY,
    authorize,
    upstream: 'http://upstream.test',
    fetch: upstream.fetch,
    ...extra,
  });
  return { handler, received: upstream.received };
}

describe('the authorize hook', () => {
  it('serves two creators from one handler, by session, and refuses a user with no session', async () => {
    const { handler, received } = proxyWith(
      (request) => SESSIONS[request.headers.get('cookie') ?? ''],
    );

    const alice = await handler(new Request(url, { headers: { cookie: 'session=alice' } }));
    const bob = await handler(new Request(url, { headers: { cookie: 'session=bob' } }));
    const nobody = await handler(new Request(url));
    const stranger = await handler(new Request(url, { headers: { cookie: 'session=mallory' } }));

    expect([alice.status, bob.status]).toEqual([200, 200]);
    expect(received.map((r) => r.headers['x-connection-id'])).toEqual(['conn_alice', 'conn_bob']);
    // The browser's cookie is the app's business: it is read by the hook, never forwarded.
    expect(received.map((r) => r.headers.cookie)).toEqual([undefined, undefined]);
    for (const refused of [nobody, stranger]) {
      await expectProxyError(refused, {
        status: 401,
        code: 'UNAUTHORIZED',
        error: expect.stringContaining('authorize'),
      });
    }
    expect(received).toHaveLength(2);
  });

  it('is given the request and the operation it names', async () => {
    const authorize = vi.fn(() => 'conn_1');
    const { handler } = proxyWith(authorize);
    const request = new Request(`${url}?limit=1`);
    await handler(request);

    expect(authorize).toHaveBeenCalledWith(request, {
      operationId: operation.operationId,
      path: operation.path,
      pathParams: {},
    });
  });

  it('may answer asynchronously', async () => {
    const { handler, received } = proxyWith(async () => 'conn_async');

    expect((await handler(new Request(url))).status).toBe(200);
    expect(received[0]?.headers['x-connection-id']).toBe('conn_async');
  });

  it.each([
    ['null', () => null],
    ['undefined', () => undefined],
    ['a promise of undefined', async () => undefined],
  ])('refuses with 401 when it answers %s', async (_, authorize) => {
    const { handler, received } = proxyWith(authorize);
    const response = await handler(new Request(url));

    await expectProxyError(response, { status: 401, code: 'UNAUTHORIZED' });
    expect(received).toEqual([]);
  });

  it.each([
    ['a 403', () => new Response('no', { status: 403 }), 403, null],
    [
      'a redirect to the login page',
      () => Response.redirect('http://localhost/login', 302),
      302,
      'http://localhost/login',
    ],
  ])('sends a Response it answers as is: %s', async (_, authorize, status, location) => {
    const { handler, received } = proxyWith(authorize);
    const response = await handler(new Request(url));

    expect(response.status).toBe(status);
    expect(response.headers.get('location')).toBe(location);
    expect(received).toEqual([]);
  });

  it('answers 500 when it throws, logged without the key', async () => {
    const lines: string[] = [];
    const log = (message: string, fields: object) => lines.push(message, JSON.stringify(fields));
    const { handler, received } = proxyWith(
      () => {
        throw new Error(`session store down (config: ${API_KEY})`);
      },
      { logger: { debug: log, warn: log, error: log } },
    );
    const response = await handler(new Request(url));

    await expectProxyError(response, {
      status: 500,
      code: 'INTERNAL_ERROR',
      error: expect.stringContaining('authorize'),
    });
    expect(received).toEqual([]);
    expect(lines.join('\n')).toContain('authorize');
    for (const text of lines) expect(text).not.toContain(API_KEY);
  });

  it.each([
    ['a line break', 'conn_1\r\nx-admin: 1'],
    ['a character outside Latin-1', 'conn_€'],
    ['a control character', 'conn_\u00071'],
    ['a trailing space (fetch would send another id)', 'conn_1 '],
    ['an empty string', ''],
    ['a number', 42],
    ['an object', { connectionId: 'conn_1' }],
  ])('answers 500 naming the hook, never the value, when it returns %s', async (_, value) => {
    const { handler, received } = proxyWith(() => value as string);
    const response = await handler(new Request(url));

    expect(response.status).toBe(500);
    const shown = await visible(response);
    expect(shown).toContain('authorize');
    if (typeof value === 'string' && value) expect(shown).not.toContain(value);
    expect(received).toEqual([]);
  });
});

describe('createProxyHandler without authorize', () => {
  it('refuses to start, naming the option and showing the single-creator one-liner', () => {
    const run = () => createProxyHandler({ apiKey: API_KEY } as ProxyOptions);

    expect(run).toThrow(ProxyConfigError);
    expect(run).toThrow(/authorize is required/);
    expect(run).toThrow('authorize: () => process.env.OFAUTH_CONNECTION_ID');
  });

  it.each([
    ['a string', 'conn_1'],
    ['null', null],
  ])('refuses authorize given as %s', (_, value) => {
    const run = () =>
      createProxyHandler({ apiKey: API_KEY, authorize: value } as unknown as ProxyOptions);

    expect(run).toThrow(ProxyConfigError);
    expect(run).toThrow(/authorize must be a function/);
  });

  it('refuses the old connectionId option, pointing at authorize', () => {
    const run = () =>
      createProxyHandler({ apiKey: API_KEY, connectionId: 'conn_1' } as unknown as ProxyOptions);

    expect(run).toThrow(ProxyConfigError);
    expect(run).toThrow('authorize: () => process.env.OFAUTH_CONNECTION_ID');
  });
});
