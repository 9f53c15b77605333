// What the core adds to every answer reaches the app through every adapter: `x-request-id` (the
// error body's `requestId`) and `X-RateLimit-*`, from the server (Prism in front or not), the
// Fetch function and the MSW handlers alike.
import { defaultBaseUrl } from '@ofauth-mass-messages/spec/operations';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockFetch } from '../src/fetch.js';
import { createHandlers } from '../src/msw.js';
import { type MockServer, startMockServer } from '../src/server.js';
import { AUTH, LIST } from './helpers/http.js';

type Get = (path: string, headers: Record<string, string>) => Promise<Response>;

const servers: MockServer[] = [];
const msw = setupServer();
beforeAll(async () => {
  servers.push(
    await startMockServer({ port: 0 }),
    await startMockServer({ port: 0, prism: false }),
  );
  // The servers' requests go through: only the handlers' base URL is answered in-process.
  msw.listen({ onUnhandledRequest: 'bypass' });
});
afterAll(async () => {
  msw.close();
  await Promise.all(servers.map((server) => server.stop()));
});

const adapters: [string, () => Get][] = [
  [
    'the server, Prism in front',
    () => (path, headers) => fetch(`${servers[0]?.url}${path}`, { headers }),
  ],
  [
    'the server without Prism',
    () => (path, headers) => fetch(`${servers[1]?.url}${path}`, { headers }),
  ],
  [
    'createMockFetch',
    () => {
      const mockFetch = createMockFetch();
      return (path, headers) => mockFetch(`https://api.test${path}`, { headers });
    },
  ],
  [
    'the MSW handlers',
    () => {
      msw.resetHandlers(...createHandlers());
      return (path, headers) => fetch(`${defaultBaseUrl}${path}`, { headers });
    },
  ],
];

describe.each(adapters)('%s', (_name, make) => {
  it.each([
    ['a page', AUTH, 200],
    ['a 401', {}, 401],
    ['a 429 scenario', { ...AUTH, prefer: 'code=429' }, 429],
  ] as const)('sends x-request-id and X-RateLimit-* with %s', async (_case, headers, status) => {
    const response = await make()(LIST.path, headers);
    expect(response.status).toBe(status);
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^req_\w+$/);
    for (const name of ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset']) {
      expect(response.headers.get(name)).toMatch(/^\d+$/);
    }
    const body = await response.json();
    if (status !== 200) expect(body.requestId).toBe(id);
  });
});
