// What the core adds to every answer reaches the app through the server too, Prism's gate on or
// off: `x-request-id` (the error body's `requestId`) and `X-RateLimit-*` (the mocks package's
// tests hold the in-process adapters to the same).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockServer, startMockServer } from '../src/server.js';
import { ANSWER_HEADER_CASES, answerHeaderProblems, type Get } from './helpers.js';

const servers: MockServer[] = [];
beforeAll(async () => {
  servers.push(
    await startMockServer({ port: 0 }),
    await startMockServer({ port: 0, prism: false }),
  );
});
afterAll(async () => {
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
];

describe.each(adapters)('%s', (_name, make) => {
  it.each(ANSWER_HEADER_CASES)(
    'sends x-request-id and X-RateLimit-* with %s',
    async (_case, path, headers, status) => {
      expect(await answerHeaderProblems(await make()(path, headers), status)).toEqual([]);
    },
  );
});
