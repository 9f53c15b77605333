import { redactor } from '@ofauth-mass-messages/core';
import { operations } from '@ofauth-mass-messages/spec/operations';
import { describe, expect, it } from 'vitest';
import {
  CREDENTIAL_HEADERS,
  downstreamHeaders,
  HOP_BY_HOP_HEADERS,
  passedResponseHeaders,
  upstreamHeaders,
} from '../src/headers.js';

const credentials = { apiKey: 'server-key', connectionId: 'server-connection' };

/** What every operation passes back, documented or not. */
const ALWAYS_PASSED = [
  'content-type',
  'retry-after',
  'x-request-id',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
];

describe('upstreamHeaders', () => {
  it('sends the server credentials and accept, whatever the browser sent', () => {
    const browser = new Headers([
      ...CREDENTIAL_HEADERS.map((name) => [name, 'browser'] as [string, string]),
      ['x-custom', 'browser'],
    ]);

    expect(Object.fromEntries(upstreamHeaders(browser, credentials, []))).toEqual({
      accept: 'application/json',
      apikey: 'server-key',
      'x-connection-id': 'server-connection',
    });
  });

  it('passes only the listed extra headers that the browser sent', () => {
    const browser = new Headers({ prefer: 'code=429', 'x-other': '1' });

    expect(
      Object.fromEntries(upstreamHeaders(browser, credentials, ['prefer', 'x-trace'])),
    ).toEqual({
      accept: 'application/json',
      prefer: 'code=429',
      apikey: 'server-key',
      'x-connection-id': 'server-connection',
    });
  });
});

describe('passedResponseHeaders', () => {
  it.each(operations.map((op) => [op.operationId, op] as const))(
    '%s passes content-type, the request id and every header its responses document',
    (_, operation) => {
      const passed = passedResponseHeaders(operation);
      const documented = operation.responses.flatMap((r) => r.headers);

      expect(passed).toEqual(new Set([...ALWAYS_PASSED, ...documented]));
    },
  );

  it('passes the X-RateLimit-* headers even where the spec documents none', () => {
    // The vendor sends them on every response (a 401 or a 500 too): a browser's own limiter
    // reads them from whatever answer it gets.
    const [first] = operations;
    const passed = passedResponseHeaders({
      ...first,
      responses: [{ status: 200, description: '', examples: [], headers: [] }],
    });

    expect([...passed].sort()).toEqual([...ALWAYS_PASSED].sort());
    for (const name of ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset']) {
      expect(passed.has(name), name).toBe(true);
    }
  });

  it('never passes a credential or hop-by-hop header, even when the spec documents one', () => {
    const [first] = operations;
    const documented = [...CREDENTIAL_HEADERS, ...HOP_BY_HOP_HEADERS, 'x-ratelimit-remaining'];
    const passed = passedResponseHeaders({
      ...first,
      responses: [{ status: 200, description: '', examples: [], headers: documented }],
    });

    expect([...passed].sort()).toEqual([...ALWAYS_PASSED].sort());
  });
});

describe('downstreamHeaders', () => {
  it('keeps the passed headers that were sent and adds no-store', () => {
    const upstream = new Headers({
      'content-type': 'application/json',
      'retry-after': '5',
      'set-cookie': 'a=b',
      'cache-control': 'max-age=60',
    });
    const headers = downstreamHeaders(
      upstream,
      new Set(['content-type', 'retry-after', 'x-request-id']),
      redactor('server-key'),
    );

    expect(Object.fromEntries(headers)).toEqual({
      'content-type': 'application/json',
      'retry-after': '5',
      'cache-control': 'no-store',
    });
  });
});

describe('downstreamHeaders and the key', () => {
  it('redacts the key wherever a passed header echoes it', () => {
    const upstream = new Headers({
      'x-request-id': 'req_server-key',
      'content-type': 'application/json; k=server-key',
    });
    const headers = downstreamHeaders(
      upstream,
      new Set(['x-request-id', 'content-type']),
      redactor('server-key'),
    );

    expect(Object.fromEntries(headers)).toEqual({
      'x-request-id': 'req_[redacted]',
      'content-type': 'application/json; k=[redacted]',
      'cache-control': 'no-store',
    });
  });
});
