// @ts-check
// Measuring one server: launch to first 200, and a bounded autocannon load on loopback.
import { startMockServer } from '@ofauth-mass-messages/mock-server';
import autocannon from 'autocannon';

/** The route every load asks for: the list endpoint's default page. */
export const LOAD_PATH = '/v2/access/mass-messages?limit=10';
/** The mock checks both security headers: without them every answer would be a 401. */
export const LOAD_HEADERS = { apiKey: 'bench-key', 'x-connection-id': 'bench-connection' };

/**
 * Starts the mock in `mode` on 127.0.0.1 and a free port, timing launch to its first 200 on a
 * real route. The caller stops the server.
 * @param {import('@ofauth-mass-messages/mocks').MockMode} mode
 * @param {{ seed?: number, prism?: boolean }} [options] `prism: false` serves the core alone
 */
export async function launchMock(mode, { seed = 1, prism = true } = {}) {
  const launched = performance.now();
  const server = await startMockServer({ mode, seed, prism, port: 0, host: '127.0.0.1' });
  // Launch to first 200: listening is not serving until a real route has answered.
  const first = await fetch(`${server.url}${LOAD_PATH}`, { headers: LOAD_HEADERS });
  await first.text();
  if (first.status !== 200) {
    await server.stop();
    throw new Error(`the ${mode} mock answered ${first.status} to its first request`);
  }
  return { server, startupMs: performance.now() - launched };
}

/**
 * @typedef {object} LoadResult
 * @property {number} rps mean requests per second over the run
 * @property {number} p50 median latency, ms
 * @property {number} p99 99th-percentile latency, ms
 * @property {number} requests responses received
 * @property {number} failures non-2xx answers, errors and timeouts together
 */

/**
 * A bounded autocannon run against `url` + LOAD_PATH on loopback.
 * @param {string} url base URL (must be on 127.0.0.1)
 * @param {{ connections?: number, seconds?: number }} [options]
 * @returns {Promise<LoadResult>}
 */
export async function loadTest(url, { connections = 10, seconds = 3 } = {}) {
  const { hostname } = new URL(url);
  if (hostname !== '127.0.0.1')
    throw new Error(`load tests target 127.0.0.1 only, not ${hostname}`);
  if (!(seconds > 0 && seconds <= 10))
    throw new RangeError(`seconds must be in (0, 10], got ${seconds}`);
  const result = await autocannon({
    url: `${url}${LOAD_PATH}`,
    headers: LOAD_HEADERS,
    connections,
    duration: seconds,
    timeout: 10,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}
