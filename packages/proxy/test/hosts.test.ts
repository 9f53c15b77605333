import { operations } from '@ofauth-mass-messages/spec/operations';
import { describe, expect, it } from 'vitest';
import { ProxyConfigError } from '../src/errors.js';
import { DEFAULT_ALLOWED_HOSTS, isAllowedHost, parseHostHeader } from '../src/hosts.js';
import { createProxyHandler } from '../src/index.js';
import type { ProxyOptions } from '../src/types.js';
import { expectProxyError } from './helpers/proxy-error.js';
import { API_KEY, CONNECTION_ID, recordingFetch } from './helpers/upstream.js';

describe('isAllowedHost', () => {
  it.each([
    ['localhost', DEFAULT_ALLOWED_HOSTS, true],
    ['localhost.', DEFAULT_ALLOWED_HOSTS, true],
    ['app.localhost', DEFAULT_ALLOWED_HOSTS, true],
    ['a.b.localhost', DEFAULT_ALLOWED_HOSTS, true],
    ['127.0.0.1', DEFAULT_ALLOWED_HOSTS, true],
    ['[::1]', DEFAULT_ALLOWED_HOSTS, true],
    // DNS rebinding: a name the attacker controls, resolving to 127.0.0.1.
    ['evil.test', DEFAULT_ALLOWED_HOSTS, false],
    ['localhost.evil.test', DEFAULT_ALLOWED_HOSTS, false],
    ['notlocalhost', DEFAULT_ALLOWED_HOSTS, false],
    ['192.168.1.10', DEFAULT_ALLOWED_HOSTS, false],
    ['app.example.com', ['app.example.com'], true],
    ['www.app.example.com', ['app.example.com'], false],
    ['example.org', ['.example.org'], true],
    ['eu.example.org', ['.example.org'], true],
    ['badexample.org', ['.example.org'], false],
    ['localhost', ['app.example.com'], false],
  ])('%s under %j: %s', (host, allowed, expected) => {
    expect(isAllowedHost(host, allowed)).toBe(expected);
  });
});

describe('parseHostHeader', () => {
  it.each([
    ['localhost:3000', 'localhost'],
    ['LOCALHOST', 'localhost'],
    ['127.0.0.1:8080', '127.0.0.1'],
    ['[::1]:3000', '[::1]'],
    ['app.example.com', 'app.example.com'],
  ])('%j names %s', (header, hostname) => {
    expect(parseHostHeader(header)).toBe(hostname);
  });

  it.each([
    ['empty', ''],
    ['a space', 'a b'],
    ['an unclosed IPv6 literal', '[zz'],
    ['user info', 'user@localhost'],
    ['a path', 'localhost/x'],
    ['two hosts', 'localhost, evil.test'],
    ['a port that is not a number', 'localhost:abc'],
    ['a backslash', 'localhost\\x'],
  ])('refuses %s (%j)', (_, header) => {
    expect(parseHostHeader(header)).toBeUndefined();
  });
});

describe('the handler, by Host', () => {
  const path = operations[0]?.path as string;

  function proxy(extra: Partial<ProxyOptions> = {}) {
    const upstream = recordingFetch();
    const handler = createProxyHandler({
      apiKey: API_KEY,
      authorize: () => CONNECTION_ID,
      fetch: upstream.fetch,
      ...extra,
    });
    return { handler, received: upstream.received };
  }

  it.each(['localhost:5173', 'app.localhost', '127.0.0.1:3000', '[::1]:3000'])(
    'serves the loopback name %s by default',
    async (host) => {
      const { handler, received } = proxy();
      const response = await handler(new Request(`http://${host}${path}`));

      expect(response.status).toBe(200);
      expect(received).toHaveLength(1);
    },
  );

  it.each([
    ['another name in the URL', 'http://evil.test', {}],
    ['another name in the Host header', 'http://localhost', { host: 'evil.test:3000' }],
    ['a LAN address', 'http://192.168.1.10:3000', {}],
  ])('refuses %s with 403 and the Error body, forwarding nothing', async (_, origin, headers) => {
    const { handler, received } = proxy();
    const response = await handler(new Request(`${origin}${path}`, { headers }));

    await expectProxyError(response, {
      status: 403,
      code: 'HOST_NOT_ALLOWED',
      error: expect.stringContaining('allowedHosts'),
    });
    expect(received).toEqual([]);
  });

  it('serves the hosts listed in allowedHosts, and no longer the loopback ones', async () => {
    const { handler } = proxy({ allowedHosts: ['app.example.com', '.example.org'] });
    const status = async (host: string) =>
      (await handler(new Request(`https://${host}${path}`))).status;

    expect(await status('app.example.com')).toBe(200);
    expect(await status('eu.example.org')).toBe(200);
    expect(await status('localhost')).toBe(403);
  });

  it('answers 400, not 500, to a malformed Host header', async () => {
    const { handler, received } = proxy();
    const response = await handler(
      new Request(`http://localhost${path}`, { headers: { host: 'a b' } }),
    );

    await expectProxyError(response, { status: 400, code: 'BAD_REQUEST' });
    expect(received).toEqual([]);
  });

  it.each([
    [['https://app.example.com']],
    [['app.example.com:443']],
    [['app.example.com/x']],
    [[42]],
    ['app.example.com'],
  ])('refuses allowedHosts %j at start-up', (value) => {
    const run = () => proxy({ allowedHosts: value as string[] });

    expect(run).toThrow(ProxyConfigError);
    expect(run).toThrow(/allowedHosts must be/);
  });
});
