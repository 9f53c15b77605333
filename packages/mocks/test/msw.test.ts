// The MSW handlers under msw/node's setupServer: plain `fetch` calls to the spec's base URL are
// answered by the mock core, as a frontend's tests would see them.
import { defaultBaseUrl, operations } from '@ofauth-mass-messages/spec/operations';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHandlers, createMockFetch, MOCK_MODES } from '../src/msw.js';
import { expectInternalError, FAILING_ANSWERS, failNextAnswer } from './helpers/failures.js';
import { AUTH, OFFSET_PAGES } from './helpers/http.js';
import { expectValid } from './helpers/spec.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

async function get(url: string, headers: Record<string, string> = AUTH) {
  const response = await fetch(url, { headers });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

describe('createHandlers', () => {
  it('makes one GET handler per operation of the table', () => {
    const handlers = createHandlers();
    expect(handlers.map((handler) => handler.info.header)).toEqual(
      operations.map((op) => `GET ${defaultBaseUrl}${op.path}`),
    );
  });

  describe.each(MOCK_MODES)('%s mode', (mode) => {
    it.each(OFFSET_PAGES)('pages $operationId to the end, every page valid', async (operation) => {
      server.use(...createHandlers({ mode, seed: 5 }));
      let offset = 0;
      let requests = 0;
      let items = 0;
      for (;;) {
        const page = await get(`${defaultBaseUrl}${operation.path}?offset=${offset}`);
        requests++;
        expect(page.status).toBe(200);
        expectValid(operation.operationId, 200, page.body);
        const count = (page.body[operation.itemsField] as unknown[]).length;
        items += count;
        offset += count;
        if (!page.body.hasMore) break;
        expect(count).toBeGreaterThan(0);
        expect(requests).toBeLessThan(100);
      }
      expect(items).toBeGreaterThan(0);
      // Past the end: an empty last page.
      const past = await get(`${defaultBaseUrl}${operation.path}?offset=${offset}`);
      expect(past.body).toMatchObject({ [operation.itemsField]: [], hasMore: false });
    });
  });

  it.each(operations)('answers 401 without the auth headers ($operationId)', async (operation) => {
    server.use(...createHandlers());
    const response = await get(`${defaultBaseUrl}${operation.path}`, {});
    expect(response.status).toBe(401);
    expectValid(operation.operationId, 401, response.body);
  });

  it.each(OFFSET_PAGES)('answers 400 naming a bad limit ($operationId)', async (operation) => {
    server.use(...createHandlers());
    const limit = operation.pageSize.maximum + 1;
    const response = await get(`${defaultBaseUrl}${operation.path}?limit=${limit}`);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      error: `limit must be an integer from ${operation.pageSize.minimum} to ${operation.pageSize.maximum}, got "${limit}"`,
      type: 'BAD_REQUEST',
      requestId: response.headers.get('x-request-id'),
      details: { parameter: 'limit', allowed: expect.stringContaining('integer') },
    });
    expectValid(operation.operationId, 400, response.body);
  });

  it('plays "429 once, then 200" with a short Retry-After', async () => {
    server.use(...createHandlers());
    const url = `${defaultBaseUrl}${operations[0].path}`;
    const headers = { ...AUTH, prefer: 'code=429, times=1' };
    const first = await get(url, headers);
    const second = await get(url, headers);
    expect([first.status, second.status]).toEqual([429, 200]);
    expect(first.headers.get('retry-after')).toBe('1');
  });

  it('serves under another base URL', async () => {
    server.use(...createHandlers({ baseUrl: 'http://localhost:5173/api' }));
    const response = await get(`http://localhost:5173/api${operations[0].path}`);
    expect(response.status).toBe(200);
  });

  it('shares a core with createMockFetch, whose reset replays times= scenarios', async () => {
    const mock = createMockFetch({ mode: 'examples' });
    server.use(...createHandlers({ mock }));
    const url = `${defaultBaseUrl}${operations[0].path}`;
    const headers = { ...AUTH, prefer: 'code=500, times=1' };
    expect((await get(url, headers)).status).toBe(500);
    expect((await mock(url, { headers })).status).toBe(200);
    mock.reset();
    expect((await get(url, headers)).status).toBe(500);
  });
});

describe('createHandlers, when a handler fails', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each(FAILING_ANSWERS)(
    "%s: a 500 with the spec's Error body (not MSW's), then the next is served",
    async (_case, respond) => {
      const mock = createMockFetch();
      server.use(...createHandlers({ mock }));
      failNextAnswer(mock.core, respond);
      const url = `${defaultBaseUrl}${operations[0].path}`;
      const failed = await get(url);
      expectInternalError(failed.status, failed.body, operations[0].operationId);
      expect((await get(url)).status).toBe(200);
    },
  );
});

describe('the msw entry', () => {
  /** Every module src/msw.ts loads, following relative imports, with what each imports. */
  async function importGraph(entry: URL): Promise<Map<string, string[]>> {
    const { readFile } = await import('node:fs/promises');
    const graph = new Map<string, string[]>();
    const visit = async (file: URL) => {
      if (graph.has(file.href)) return;
      const text = await readFile(file, 'utf8');
      const specifiers = [...text.matchAll(/^(?:import|export)(?:[^'"]*from)?\s*'([^']+)'/gm)]
        .filter((match) => !/^(?:import|export)\s+type\b/.test(match[0]))
        .map((match) => match[1] as string);
      graph.set(file.href, specifiers);
      for (const specifier of specifiers.filter((s) => s.startsWith('.'))) {
        await visit(new URL(specifier.replace(/\.js$/, '.ts'), file));
      }
    };
    await visit(entry);
    return graph;
  }

  it('loads no Node module and not the spec package’s Node entry (it runs in browsers)', async () => {
    const graph = await importGraph(new URL('../src/msw.ts', import.meta.url));
    const external = [...graph.values()].flat().filter((s) => !s.startsWith('.'));
    expect(graph.size).toBeGreaterThan(5);
    // The spec package's main entry is its pure readers (the one resolver); `/node` reads files.
    expect([...new Set(external)].sort()).toEqual([
      '@ofauth-mass-messages/core',
      '@ofauth-mass-messages/spec',
      '@ofauth-mass-messages/spec/operations',
      'msw',
    ]);
  });
});
