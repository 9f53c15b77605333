// The headers the core adds to every answer (`x-request-id`, the error body's `requestId`, and
// `X-RateLimit-*`), held alike for every adapter that runs the core: the in-process ones (this
// package's tests) and the server (the mock server's tests).
import { describe, expect, it } from 'vitest';
import { AUTH, LIST } from './http.js';

export type Get = (path: string, headers: Record<string, string>) => Promise<Response>;

export function describeAnswerHeaders(adapters: [string, () => Get][]): void {
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
}
