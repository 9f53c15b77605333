// @ts-check
// Runs probe calls against every way the toolkit serves the spec, in the repository this file
// sits in (a scratch copy with an edited spec, or the checkout itself): the mock server
// (Prism in front) in each mode, the MSW handlers in each mode, and the proxy in front of the
// dataset mock. Each call gets a client and a raw `get` over the same recording fetch, and what
// crossed the wire is printed as one JSON line for the pipeline proof to check against the spec.
import { createClient } from '@ofauth-mass-messages/client';
import { MOCK_MODES } from '@ofauth-mass-messages/mocks';
import { createHandlers } from '@ofauth-mass-messages/mocks/msw';
import { createProxyHandler } from '@ofauth-mass-messages/proxy';
import { defaultBaseUrl } from '@ofauth-mass-messages/spec/operations';
import { setupServer } from 'msw/node';
import { startMockServer } from './mock-server.mjs';

/** The seed of every mode, so that two runs (before and after an edit) can be compared. */
export const PROBE_SEED = 7;
const CREDENTIALS = { apiKey: 'probe-key', connectionId: 'conn_probe' };
const PROXY_ORIGIN = 'http://app.invalid';

/**
 * @typedef {{ method: string, url: string, status: number, body: unknown }} Exchange
 * @typedef {{ client: import('@ofauth-mass-messages/client').OFAuthClient, get: (pathAndQuery: string) => Promise<Response> }} ProbeTarget
 * @typedef {(target: ProbeTarget) => Promise<unknown>} ProbeCall
 * @typedef {{ ok: boolean, value?: unknown, error?: string, exchanges: Exchange[] }} CallOutcome
 */

/** @param {unknown} error */
function describeError(error) {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (cause: ${error.cause.message})` : '';
  return `${error.name}: ${error.message}${cause}`;
}

/**
 * A fetch that keeps every exchange (the path and query, the status, the parsed body).
 * @param {(input: string, init?: RequestInit) => Promise<Response>} send
 * @param {Exchange[]} exchanges
 * @param {string} origin
 */
function recording(send, exchanges, origin) {
  /** @param {string | URL | Request} input @param {RequestInit} [init] */
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const response = await send(url, init);
    const text = await response.clone().text();
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    const method = init?.method ?? 'GET';
    exchanges.push({ method, url: url.replace(origin, ''), status: response.status, body });
    return response;
  };
}

/**
 * Runs each call against one target.
 * @param {Record<string, ProbeCall>} calls
 * @param {{ send: (input: string, init?: RequestInit) => Promise<Response>, origin: string, baseUrl?: string, headers: Record<string, string>, credentials: boolean }} target
 */
async function runCalls(calls, target) {
  /** @type {Record<string, CallOutcome>} */
  const outcomes = {};
  for (const [name, call] of Object.entries(calls)) {
    /** @type {Exchange[]} */
    const exchanges = [];
    const recorder = recording(target.send, exchanges, target.origin);
    const base = target.baseUrl ?? defaultBaseUrl;
    // With the credentials (the mock, MSW), or with none (the proxy holds them).
    const client = target.credentials
      ? createClient({ ...CREDENTIALS, baseUrl: base, fetch: recorder, maxRetries: 0 })
      : createClient({ baseUrl: base, fetch: recorder, maxRetries: 0 });
    /** @param {string} pathAndQuery */
    const get = (pathAndQuery) => recorder(`${base}${pathAndQuery}`, { headers: target.headers });
    try {
      const value = JSON.parse(JSON.stringify((await call({ client, get })) ?? null));
      outcomes[name] = { ok: true, value, exchanges };
    } catch (error) {
      outcomes[name] = { ok: false, error: describeError(error), exchanges };
    }
  }
  return outcomes;
}

const authHeaders = { apiKey: CREDENTIALS.apiKey, 'x-connection-id': CREDENTIALS.connectionId };

/**
 * Every call against every target; prints `{ "<target>": { "<call>": CallOutcome } }` as the
 * last line of stdout. Targets: `mock <mode>` and `msw <mode>` for each mode, and `proxy`.
 * @param {Record<string, ProbeCall>} calls
 */
export async function runProbe(calls) {
  /** @type {Record<string, Record<string, CallOutcome>>} */
  const results = {};
  const send = (/** @type {string} */ input, /** @type {RequestInit | undefined} */ init) =>
    fetch(input, init);
  for (const mode of MOCK_MODES) {
    const mock = await startMockServer({ port: 0, mode, seed: PROBE_SEED });
    try {
      results[`mock ${mode}`] = await runCalls(calls, {
        send,
        origin: mock.url,
        baseUrl: mock.url,
        headers: authHeaders,
        credentials: true,
      });
      if (mode === 'dataset') {
        // The proxy holds the key; the client calls it with none, as a browser would.
        const proxy = createProxyHandler({
          apiKey: CREDENTIALS.apiKey,
          authorize: () => CREDENTIALS.connectionId,
          upstream: mock.url,
          basePath: '/api',
          allowedHosts: [new URL(PROXY_ORIGIN).host],
        });
        results.proxy = await runCalls(calls, {
          send: (input, init) => proxy(new Request(input, init)),
          origin: `${PROXY_ORIGIN}/api`,
          baseUrl: `${PROXY_ORIGIN}/api`,
          headers: {},
          credentials: false,
        });
      }
    } finally {
      await mock.stop();
    }
  }
  for (const mode of MOCK_MODES) {
    // The client's default base URL (the spec's server), intercepted; nothing else is.
    const server = setupServer(...createHandlers({ mode, seed: PROBE_SEED }));
    server.listen({ onUnhandledRequest: 'error' });
    try {
      results[`msw ${mode}`] = await runCalls(calls, {
        send,
        origin: defaultBaseUrl,
        headers: authHeaders,
        credentials: true,
      });
    } finally {
      server.close();
    }
  }
  console.log(JSON.stringify(results));
}
