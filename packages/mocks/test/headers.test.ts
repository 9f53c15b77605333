// What the core adds to every answer reaches the app through every in-process adapter:
// `x-request-id` (the error body's `requestId`) and `X-RateLimit-*`, from the Fetch function and
// the MSW handlers alike (the mock server's tests hold the server to the same).
import { defaultBaseUrl } from '@ofauth-mass-messages/spec/operations';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll } from 'vitest';
import { createMockFetch } from '../src/fetch.js';
import { createHandlers } from '../src/msw.js';
import { describeAnswerHeaders } from './helpers/answer-headers.js';

const msw = setupServer();
beforeAll(() => msw.listen({ onUnhandledRequest: 'bypass' }));
afterAll(() => msw.close());

describeAnswerHeaders([
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
]);
