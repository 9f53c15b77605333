// What the core adds to every answer reaches the app through every in-process adapter:
// `x-request-id` (the error body's `requestId`) and `X-RateLimit-*`, from the Fetch function and
// the MSW handlers alike (the mock server's tests hold the server to the same).
import { defaultBaseUrl } from '@ofauth-mass-messages/spec/operations';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockFetch } from '../src/fetch.js';
import { createHandlers } from '../src/msw.js';
import { ANSWER_HEADER_CASES, answerHeaderProblems, type Get } from './helpers/answer-headers.js';

const msw = setupServer();
beforeAll(() => msw.listen({ onUnhandledRequest: 'bypass' }));
afterAll(() => msw.close());

const adapters: [string, () => Get][] = [
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
  it.each(ANSWER_HEADER_CASES)(
    'sends x-request-id and X-RateLimit-* with %s',
    async (_case, path, headers, status) => {
      expect(await answerHeaderProblems(await make()(path, headers), status)).toEqual([]);
    },
  );
});
