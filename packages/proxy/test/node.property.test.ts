// Property test of the node adapter over raw request-targets (sent byte for byte on a socket, so
// no client normalises them): dot segments, encodings, backslashes, double slashes, odd bytes.
// Whatever the target, no 5xx but the upstream ones, and the upstream only ever receives an
// operation's path exactly, with a query the check accepted.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { operations } from '@ofauth-mass-messages/spec/operations';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProxyHandler } from '../src/index.js';
import { toNodeHandler } from '../src/node.js';
import { checkedQuery } from '../src/query.js';
import { rawRequest } from './helpers/raw-http.js';
import { API_KEY, CONNECTION_ID, type RecordingServer, startUpstream } from './helpers/upstream.js';

const RUNS = 300;
let api: RecordingServer;
let port: number;
let close: () => Promise<void>;

beforeAll(async () => {
  api = await startUpstream();
  const server = createServer(
    toNodeHandler(
      createProxyHandler({
        apiKey: API_KEY,
        authorize: () => CONNECTION_ID,
        upstream: api.url,
        basePath: '/api',
      }),
    ),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
});

afterAll(async () => {
  await close?.();
  await api?.close();
});

const piece = fc.oneof(
  fc.constantFrom(
    ...operations.flatMap((op) => op.path.split('/').filter(Boolean)),
    'api',
    '..',
    '.',
    '%2e%2e',
    '%2E%2e',
    '.%2E',
    '%2f',
    '\\',
    '',
    '%00',
    '%C3%A9',
    '?limit=5',
    '?limit=05',
    '#x',
    ';',
  ),
  fc.stringMatching(/^[!-~]{0,6}$/),
);
const target = fc.oneof(
  fc.constantFrom(...operations.map((op) => `/api${op.path}`)),
  fc.array(piece, { maxLength: 8 }).map((parts) => `/${parts.join('/')}`),
  fc.array(piece, { maxLength: 8 }).map((parts) => `/api/${parts.join('/')}`),
  fc.array(piece, { maxLength: 8 }).map((parts) => parts.join('/')),
);

describe('toNodeHandler, over raw request-targets', () => {
  it(`answers no 5xx but the upstream's and forwards only exact, checked requests (${RUNS} runs)`, async () => {
    let served = 0;
    await fc.assert(
      fc.asyncProperty(target, async (sent) => {
        const before = api.received.length;
        const response = await rawRequest(port, `GET ${sent} HTTP/1.1\r\nHost: localhost`);

        expect(response.status).toBeGreaterThan(0);
        expect(response.status < 500 || [502, 504].includes(response.status)).toBe(true);
        expect(response.text).not.toContain(API_KEY);
        for (const received of api.received.slice(before)) {
          const url = new URL(received.url, 'http://upstream');
          const operation = operations.find((op) => op.path === url.pathname);
          expect(operation, received.url).toBeDefined();
          if (operation)
            expect(checkedQuery(operation, url.searchParams)).toEqual({ search: url.search });
          // The proxy served the path as the client sent it, never a normalised one.
          expect(sent.split('?')[0]).toBe(`/api${url.pathname}`);
          served++;
        }
      }),
      { numRuns: RUNS },
    );
    console.info(`property (raw request-targets): ${RUNS} runs, ${served} forwarded`);
    expect(served).toBeGreaterThan(0);
  });
});
