// The per-request cost of each way to mock the API, one request at a time (no concurrency, so
// the figure is the cost of one answer, not of a queue): the MSW handlers and createMockFetch
// in-process, the mock server with and without Prism's gate over loopback HTTP, and a plain
// node:http server sending the same bytes (the floor of any HTTP mock on this machine).
import { createMockFetch } from '@ofauth-mass-messages/mocks';
import { createHandlers } from '@ofauth-mass-messages/mocks/msw';
import { setupServer } from 'msw/node';
import { LOAD_HEADERS, LOAD_PATH, launchMock } from '../mock-load.mjs';
import { startPlainServer } from '../servers/plain.js';
import { type Summary, summarise } from '../stats.js';

const WARM_UP = 50;
const REQUESTS = 400;
/** An address nothing serves: only the MSW handlers answer it. */
const MSW_BASE = 'http://msw.bench.invalid';

export interface PerRequest {
  way: string;
  /** Milliseconds per request over REQUESTS sequential requests (median of three batches). */
  ms: Summary;
}

/** Times REQUESTS sequential calls of `call`, after WARM_UP untimed ones, in three batches. */
async function perRequest(call: () => Promise<Response>): Promise<Summary> {
  const once = async () => {
    const response = await call();
    const text = await response.text();
    if (response.status !== 200)
      throw new Error(`answered ${response.status}: ${text.slice(0, 200)}`);
  };
  for (let i = 0; i < WARM_UP; i++) await once();
  const batches: number[] = [];
  for (let batch = 0; batch < 3; batch++) {
    const started = performance.now();
    for (let i = 0; i < REQUESTS / 2; i++) await once();
    batches.push((performance.now() - started) / (REQUESTS / 2));
  }
  return summarise(batches);
}

export async function measurePerRequest(): Promise<{ rows: PerRequest[]; body: string }> {
  const rows: PerRequest[] = [];
  const mockFetch = createMockFetch({ mode: 'dataset', seed: 1 });
  rows.push({
    way: '`createMockFetch` (in-process, dataset)',
    ms: await perRequest(() =>
      mockFetch(`http://mock.invalid${LOAD_PATH}`, { headers: LOAD_HEADERS }),
    ),
  });
  const msw = setupServer(...createHandlers({ mode: 'dataset', seed: 1, baseUrl: MSW_BASE }));
  msw.listen({ onUnhandledRequest: 'error' });
  try {
    rows.push({
      way: 'MSW handlers (msw/node, platform fetch, dataset)',
      ms: await perRequest(() => fetch(`${MSW_BASE}${LOAD_PATH}`, { headers: LOAD_HEADERS })),
    });
  } finally {
    msw.close();
  }
  let body = '';
  for (const prism of [true, false]) {
    const { server } = await launchMock('dataset', { prism });
    try {
      const first = await fetch(`${server.url}${LOAD_PATH}`, { headers: LOAD_HEADERS });
      body = await first.text();
      rows.push({
        way: prism ? 'mock server, Prism’s gate (dataset)' : 'mock server, `--no-prism` (dataset)',
        ms: await perRequest(() => fetch(`${server.url}${LOAD_PATH}`, { headers: LOAD_HEADERS })),
      });
    } finally {
      await server.stop();
    }
  }
  return { rows, body };
}

/** The plain server's figure for the same bytes, written by the caller to `bodyFile`. */
export async function plainPerRequest(bodyFile: string): Promise<PerRequest> {
  const server = await startPlainServer({ bodyFile });
  try {
    return {
      way: 'plain node:http, the same bytes',
      ms: await perRequest(() => fetch(`${server.url}${LOAD_PATH}`, { headers: LOAD_HEADERS })),
    };
  } finally {
    await server.stop();
  }
}
