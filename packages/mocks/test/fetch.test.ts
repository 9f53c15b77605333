// createMockFetch: the mock as a `fetch`, for a client in tests.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMockFetch } from '../src/fetch.js';
import { expectInternalError, FAILING_ANSWERS, failNextAnswer } from './helpers/failures.js';
import { AUTH, LIST } from './helpers/http.js';

describe('createMockFetch', () => {
  type Args = (url: string) => [RequestInfo | URL, RequestInit?];
  it.each<[string, Args]>([
    ['a URL string', (url) => [url, { headers: AUTH }]],
    ['a URL object', (url) => [new URL(url), { headers: AUTH }]],
    ['a Request', (url) => [new Request(url, { headers: AUTH })]],
  ])('answers %s with a Response', async (_case, args) => {
    const mockFetch = createMockFetch({ mode: 'examples' });
    const response = await mockFetch(...args(`https://api.test${LIST.path}`));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toMatchObject({ hasMore: true });
  });

  it("rejects with the signal's reason when aborted during a delay, as fetch does", async () => {
    const mockFetch = createMockFetch({ latency: 10_000 });
    const controller = new AbortController();
    const pending = mockFetch(`https://api.test${LIST.path}`, {
      headers: AUTH,
      signal: controller.signal,
    });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('exposes its mode and seed', () => {
    expect(createMockFetch({ mode: 'dynamic', seed: 4 }).core).toMatchObject({
      mode: 'dynamic',
      seed: 4,
    });
  });
});

describe('createMockFetch, when its handler fails', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each(FAILING_ANSWERS)(
    "%s: resolves a 500 with the spec's Error body, then serves the next",
    async (_case, respond) => {
      const mockFetch = createMockFetch();
      failNextAnswer(mockFetch.core, respond);
      const failed = await mockFetch(`https://api.test${LIST.path}`, { headers: AUTH });
      expectInternalError(failed.status, await failed.json(), LIST.operationId);
      expect((await mockFetch(`https://api.test${LIST.path}`, { headers: AUTH })).status).toBe(200);
    },
  );
});
