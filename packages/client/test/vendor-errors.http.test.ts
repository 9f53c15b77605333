// Every error the vendor documents, answered by a local server on 127.0.0.1 exactly as the
// vendor's "Error Handling" page describes it (the current revision: `{ error, type, requestId,
// actionRequired? }`, no request-id header; 429 with its `X-RateLimit-*` headers), through the
// client with its default options. Each row checks the class thrown, its message, type and
// request id, and how many requests went out (retried or not). The rows make the markdown table
// of the client's README, which must match it: the table is what the test observed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../src/client.js';
import { AuthenticationError, InternalServerError } from '../src/errors.js';

interface Case {
  /** The vendor's error type (none for the server statuses). */
  type?: string;
  status: number;
  /** The body's `error`, the human message. */
  error: string;
  actionRequired?: string;
  /** Extra headers the vendor sends with it. */
  headers?: Record<string, string>;
  expected: { class: string; retried: boolean };
}

// Messages are ours, in the vendor's spirit; types, statuses and the shape are the vendor's.
const CASES: Case[] = [
  {
    type: 'UNAUTHORIZED',
    status: 401,
    error: 'Missing or invalid API key',
    expected: { class: 'AuthenticationError', retried: false },
  },
  {
    type: 'SESSION_NOT_PROVIDED',
    status: 401,
    error: 'Connection not found or missing session data',
    actionRequired: 'refresh_session',
    expected: { class: 'ReconnectRequiredError', retried: false },
  },
  {
    type: 'SESSION_EXPIRED',
    status: 401,
    error: 'The session of this connection expired',
    actionRequired: 'refresh_session',
    expected: { class: 'ReconnectRequiredError', retried: false },
  },
  {
    type: 'RULES_OUTDATED',
    status: 401,
    error: 'Dynamic rules are being updated',
    expected: { class: 'AuthenticationError', retried: true },
  },
  {
    type: 'FORBIDDEN',
    status: 403,
    error: 'The connection lacks the messages:read permission',
    expected: { class: 'PermissionDeniedError', retried: false },
  },
  {
    type: 'BAD_REQUEST',
    status: 400,
    error: 'Invalid request parameters',
    expected: { class: 'BadRequestError', retried: false },
  },
  {
    type: 'RESOURCE_NOT_FOUND',
    status: 404,
    error: 'The requested resource was not found',
    expected: { class: 'NotFoundError', retried: false },
  },
  {
    type: 'ROUTE_NOT_FOUND',
    status: 404,
    error: 'No endpoint at this path',
    expected: { class: 'NotFoundError', retried: false },
  },
  {
    type: 'RATE_LIMIT_EXCEEDED',
    status: 429,
    error: 'Rate limit exceeded',
    // Reset in 1 s (seconds from now), so the retries wait about as long as the backoff.
    headers: { 'x-ratelimit-limit': '90', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1' },
    expected: { class: 'RateLimitError', retried: true },
  },
  {
    status: 500,
    error: 'An unknown error occurred',
    expected: { class: 'InternalServerError', retried: true },
  },
  {
    status: 502,
    error: 'Proxy error',
    expected: { class: 'InternalServerError', retried: true },
  },
  {
    status: 503,
    error: 'Network error',
    expected: { class: 'InternalServerError', retried: true },
  },
];

const nameOf = (c: Case) => c.type ?? String(c.status);
const requestIdOf = (c: Case) => `req_${nameOf(c).toLowerCase()}`;
/** The default maxRetries (2): a retried error is sent three times. */
const ATTEMPTS_WHEN_RETRIED = 3;

let server: Server;
let baseUrl: string;
/** Requests received, by connection id (one per case, so the cases run together). */
const received = new Map<string, number>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const name = String(req.headers['x-connection-id']);
    received.set(name, (received.get(name) ?? 0) + 1);
    const found = CASES.find((c) => nameOf(c) === name);
    if (!found) {
      res.writeHead(500).end();
      return;
    }
    const body: Record<string, string> = { error: found.error };
    if (found.type) body.type = found.type;
    body.requestId = requestIdOf(found);
    if (found.actionRequired) body.actionRequired = found.actionRequired;
    res.writeHead(found.status, { 'content-type': 'application/json', ...found.headers });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const PATH = '/v2/access/mass-messages';
/** What each case observed, in the table's order, for the README check below. */
const rows = new Map<string, string>();

describe.concurrent('each documented error, answered as the vendor documents it', () => {
  it.each(CASES.map((c) => [nameOf(c), c] as const))('%s', async (name, c) => {
    const client = createClient({ apiKey: 'sk_vendor_errors_key', connectionId: name, baseUrl });
    const error = await client.listMassMessages().then(
      () => undefined,
      (e: unknown) => e as Record<string, unknown> & Error,
    );
    const requests = received.get(name);
    expect(error?.name).toBe(c.expected.class);
    expect(error).toMatchObject({
      status: c.status,
      message: `${c.status} ${c.error} (GET ${PATH})`,
      type: c.type,
      requestId: requestIdOf(c),
      actionRequired: c.actionRequired,
    });
    expect(requests).toBe(c.expected.retried ? ATTEMPTS_WHEN_RETRIED : 1);
    if (c.status === 401) expect(error).toBeInstanceOf(AuthenticationError);
    if (c.status >= 500) expect(error).toBeInstanceOf(InternalServerError);
    rows.set(
      name,
      `| ${c.type ? `\`${c.type}\`` : '–'} | ${c.status} | \`${error?.name}\` | \`${error?.message}\` | ${
        error?.type ? `\`${error.type}\`` : '–'
      } | \`${error?.requestId}\` | ${requests === 1 ? 'no (1 request)' : `yes (${requests} requests)`} |`,
    );
  });
});

describe('the README', () => {
  it('shows the table these cases observed', () => {
    expect(rows.size).toBe(CASES.length);
    const table = [
      '| vendor type | status | class thrown | `message` | `type` | `requestId` | retried |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...CASES.map((c) => rows.get(nameOf(c))),
    ].join('\n');
    // Also left in reports/ (not committed), to paste or to read in CI's artifacts.
    const reports = new URL('../reports/', import.meta.url);
    mkdirSync(reports, { recursive: true });
    writeFileSync(new URL('error-table.md', reports), `${table}\n`);
    // Compared cell by cell: a formatter may pad the README's columns.
    const cells = (text: string) =>
      text
        .split('\n')
        .map((line) =>
          line
            .split('|')
            .map((cell) => cell.trim().replace(/^-+$/, '---'))
            .join('|'),
        )
        .join('\n');
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(cells(readme), 'README.md: paste reports/error-table.md into "Errors"').toContain(
      cells(table),
    );
  });
});
