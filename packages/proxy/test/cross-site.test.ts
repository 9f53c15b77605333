// A foreign page can make the browser send a GET to the proxy (an <img>, a no-cors fetch): CORS
// stops it reading the answer, not spending the creator's rate limit. Such requests are refused
// before the app's hook or the API is asked.
import { type Operation, operations } from '@ofauth-mass-messages/spec/operations';
import { describe, expect, it, vi } from 'vitest';
import { ProxyConfigError } from '../src/errors.js';
import { createProxyHandler } from '../src/index.js';
import type { ProxyOptions } from '../src/types.js';
import { expectProxyError } from './helpers/proxy-error.js';
import { API_KEY, CONNECTION_ID, recordingFetch } from './helpers/upstream.js';

const operation = operations[0] as Operation;
const OWN = 'http://localhost:3000';

function proxy(extra: Partial<ProxyOptions> = {}) {
  const upstream = recordingFetch();
  const authorize = vi.fn(() => CONNECTION_ID);
  const handler = createProxyHandler({
    apiKey: API_KEY,
    authorize,
    fetch: upstream.fetch,
    ...extra,
  });
  const send = (headers: Record<string, string>) =>
    handler(new Request(`${OWN}${operation.path}`, { headers }));
  return { send, received: upstream.received, authorize };
}

describe('cross-site requests', () => {
  it.each([
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    [
      'cross-site with a foreign Origin',
      { 'sec-fetch-site': 'cross-site', origin: 'https://evil.test' },
    ],
    [
      'same-site from an origin not listed',
      { 'sec-fetch-site': 'same-site', origin: 'http://other.localhost:3000' },
    ],
    ['same-site without an Origin', { 'sec-fetch-site': 'same-site' }],
    ['a foreign Origin (a browser without Sec-Fetch-Site)', { origin: 'https://evil.test' }],
    ['the opaque Origin of a sandboxed frame', { origin: 'null' }],
    ['a same-host Origin of another scheme', { origin: 'https://localhost:3000' }],
    ['a value of Sec-Fetch-Site not yet defined', { 'sec-fetch-site': 'cross-planet' }],
  ])('refuses %s with 403 and the Error body, before authorize or the API', async (_, headers) => {
    const { send, received, authorize } = proxy();
    const response = await send(headers);

    await expectProxyError(response, {
      status: 403,
      code: 'CROSS_SITE_REQUEST',
      error: expect.stringContaining('allowedOrigins'),
    });
    expect(authorize).not.toHaveBeenCalled();
    expect(received).toEqual([]);
  });

  it.each([
    ['no browser headers (a server, curl)', {}],
    ['Sec-Fetch-Site: same-origin', { 'sec-fetch-site': 'same-origin' }],
    ['Sec-Fetch-Site: none (typed in the address bar)', { 'sec-fetch-site': 'none' }],
    ['the request’s own Origin', { 'sec-fetch-site': 'same-origin', origin: OWN }],
  ])('serves %s', async (_, headers) => {
    const { send, received } = proxy();

    expect((await send(headers)).status).toBe(200);
    expect(received).toHaveLength(1);
  });

  it.each([
    ['same-site', { 'sec-fetch-site': 'same-site', origin: 'http://app.localhost:5173' }],
    ['cross-site', { 'sec-fetch-site': 'cross-site', origin: 'http://app.localhost:5173' }],
    ['an Origin alone', { origin: 'http://app.localhost:5173' }],
  ])('serves %s from an origin in allowedOrigins', async (_, headers) => {
    const { send, received } = proxy({ allowedOrigins: ['http://app.localhost:5173/'] });

    expect((await send(headers)).status).toBe(200);
    expect(received).toHaveLength(1);
  });

  it.each([
    [['localhost:5173']],
    [['http://app.test/path']],
    [['http://app.test?x']],
    [['null']],
    [['ftp://app.test']],
    ['http://app.test'],
    [[7]],
  ])('refuses allowedOrigins %j at start-up', (value) => {
    const run = () => proxy({ allowedOrigins: value as string[] });

    expect(run).toThrow(ProxyConfigError);
    expect(run).toThrow(/allowedOrigins must be/);
  });
});
