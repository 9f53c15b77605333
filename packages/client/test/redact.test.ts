// The API key never shows: not in the client, not in any error's message, fields, cause, stack,
// JSON, string or util.inspect output, not in a debug line — even when the API echoes it back.
// The rule is core's one redaction (its own tests hold it): every occurrence, in values, names
// and text; a short key garbles the words it stands in; a key of JSON punctuation (`"`, `:`)
// leaves the body's structure, message and code intact. Here: the client's use of it, and the
// client's own part (a fetch failure's cause chain).
import { inspect } from 'node:util';
import { redactor } from '@ofauth-mass-messages/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClient } from '../src/client.js';
import { createRawClient } from '../src/raw.js';
import { redactCause } from '../src/redact.js';
import type { OFAuthClient } from '../src/types.js';
import { fakeFetch, json, massPage, type Reply } from './helpers/fake-fetch.js';

const API_KEY = 'sk_live_9f3b1c77e2d04a8b';

/** Every way a value can end up in a log. */
function renderings(value: unknown): string[] {
  return [
    inspect(value, { depth: Number.POSITIVE_INFINITY, showHidden: true, getters: true }),
    JSON.stringify(value) ?? '',
    String(value),
    value instanceof Error ? `${value.stack}` : '',
  ];
}

function expectNoKey(value: unknown): void {
  for (const text of renderings(value)) expect(text).not.toContain(API_KEY);
}

/** Settles under fake timers; the outcome does not matter here. */
async function settled(call: PromiseLike<unknown>) {
  const done = Promise.resolve(call).catch(() => {});
  await vi.runAllTimersAsync();
  await done;
}

async function errorOf(
  replies: Reply[],
  run: (client: OFAuthClient) => PromiseLike<unknown> = (client) => client.listMassMessages(),
  apiKey = API_KEY,
) {
  const client = createClient({
    apiKey,
    connectionId: 'conn_1',
    fetch: fakeFetch(...replies),
    maxRetries: 0,
    timeoutMs: 100,
  });
  const result = Promise.resolve(run(client)).then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );
  await vi.runAllTimersAsync();
  return result;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('redactCause', () => {
  const redact = redactor(API_KEY);

  it('keeps a cause without the key as it is, class and fields intact', () => {
    const cause = Object.assign(
      new TypeError('fetch failed', { cause: new Error('ECONNREFUSED') }),
      {
        code: 'ECONNREFUSED',
      },
    );
    expect(redactCause(cause, redact)).toBe(cause);
    expect(redactCause(undefined, redact)).toBeUndefined();
  });

  it('copies a cause holding the key: name, fields, nested cause and errors, all redacted', () => {
    const inner = new Error(`inner ${API_KEY}`);
    const cause = Object.assign(new AggregateError([inner], `outer ${API_KEY}`, { cause: inner }), {
      code: 'E_KEY',
      [API_KEY]: true,
    });
    const copy = redactCause(cause, redact) as Record<string, unknown>;
    expect(copy).toMatchObject({
      name: 'AggregateError',
      message: 'outer [redacted]',
      code: 'E_KEY',
      '[redacted]': true,
      cause: { name: 'Error', message: 'inner [redacted]' },
      errors: [{ name: 'Error', message: 'inner [redacted]' }],
    });
    expect(JSON.stringify(copy)).not.toContain(API_KEY);
  });

  /** An object JSON cannot serialise, whose text holds the key. */
  const cycle: Record<string, unknown> = { toString: () => `cycle ${API_KEY}` };
  cycle.self = cycle;

  it.each<[string, unknown, unknown]>([
    ['a string', `key ${API_KEY}`, 'key [redacted]'],
    ['a cycle, by its text', cycle, 'cycle [redacted]'],
    ['a BigInt, by its text', 10n, '10'],
  ])('reads %s', (_, cause, expected) => {
    expect(redactCause(cause, redact)).toBe(expected);
  });
});

describe('errors with short and JSON-token keys, as the user sees them', () => {
  const rateLimited = { message: 'Rate limit exceeded', code: 'RATE_LIMITED' };
  const echoed = (key: string) => ({
    message: 'Invalid API key',
    code: 'UNAUTHORIZED',
    details: { received: key, hint: 'check the key' },
  });
  // A key of JSON punctuation is removed from the strings only: message and code intact.
  it.each([
    [
      '"',
      429,
      rateLimited,
      '429 Rate limit exceeded (GET /v2/access/mass-messages)',
      'RATE_LIMITED',
    ],
    [
      ':',
      429,
      rateLimited,
      '429 Rate limit exceeded (GET /v2/access/mass-messages)',
      'RATE_LIMITED',
    ],
    ['"', 401, echoed('"'), '401 Invalid API key (GET /v2/access/mass-messages)', 'UNAUTHORIZED'],
    [':', 401, echoed(':'), '401 Invalid API key (GET /v2/access/mass-messages)', 'UNAUTHORIZED'],
    [
      API_KEY,
      401,
      echoed(API_KEY),
      '401 Invalid API key (GET /v2/access/mass-messages)',
      'UNAUTHORIZED',
    ],
  ])(
    'key %j: a %i answering %j → message %j, code %j',
    async (key, status, body, message, code) => {
      const error = await errorOf([json(body, status)], undefined, key);
      expect(error).toMatchObject({ message, code });
      // The body's keys and every value other than the echoed key survive as sent.
      const kept = structuredClone(body) as Record<string, unknown>;
      if ('details' in kept) kept.details = { received: '[redacted]', hint: 'check the key' };
      expect((error as { body: unknown }).body).toEqual(kept);
    },
  );

  // A short key of letters garbles the words it stands in (names too): the error keeps its
  // status and class, and no word of the body keeps the key.
  it.each([
    [429, rateLimited, 'RateLimitError'],
    [401, echoed('e'), 'AuthenticationError'],
  ])(
    'key "e": a %i keeps its class (%j → %s), the key nowhere in the body',
    async (status, body, name) => {
      const error = (await errorOf([json(body, status)], undefined, 'e')) as Record<
        string,
        unknown
      >;
      expect(error).toMatchObject({ status, name });
      expect(JSON.stringify(error.body)).not.toContain('e');
      expect(error.body).toMatchObject({ 'cod***': expect.any(String) });
    },
  );
});

describe('the client object', () => {
  it('does not hold the key where inspect, JSON or String can reach it', () => {
    const fetch = fakeFetch();
    expectNoKey(createClient({ apiKey: API_KEY, connectionId: 'conn_1', fetch }));
    expectNoKey(createRawClient({ apiKey: API_KEY, connectionId: 'conn_1', fetch }));
  });
});

describe('errors', () => {
  it.each<[string, Reply[]]>([
    [
      'a 401 whose JSON body echoes the key',
      [
        json(
          {
            message: `Invalid API key ${API_KEY}`,
            code: 'UNAUTHORIZED',
            details: { key: API_KEY },
          },
          401,
        ),
      ],
    ],
    [
      'a 500 whose text body echoes the key',
      [new Response(`upstream rejected ${API_KEY}`, { status: 500 })],
    ],
    [
      'a 429 whose headers carry credentials',
      [
        json({ message: 'slow down' }, 429, {
          'retry-after': '999',
          'set-cookie': `session=${API_KEY}`,
          apikey: API_KEY,
          authorization: `Bearer ${API_KEY}`,
        }),
      ],
    ],
    ['a connection failure', [new TypeError('fetch failed')]],
    [
      'a 401 whose JSON body has the key as a property name',
      [
        json(
          { message: 'Invalid API key', details: { [API_KEY]: 'unknown', [`key ${API_KEY}`]: 1 } },
          401,
        ),
      ],
    ],
    [
      'a 429 whose x-request-id echoes the key (→ requestId)',
      [json({ message: 'slow down' }, 429, { 'x-request-id': `req_${API_KEY}` })],
    ],
    [
      'a non-page 200 whose x-request-id is the key (→ InvalidResponseError.requestId)',
      [json({ nope: true }, 200, { 'x-request-id': API_KEY })],
    ],
    [
      'a connection failure whose cause quotes the key',
      [new TypeError(`Headers.append: "${API_KEY}" is an invalid header value.`)],
    ],
    [
      'a connection failure whose nested cause and its fields quote the key',
      [
        new TypeError('fetch failed', {
          cause: Object.assign(new Error(`connect to ${API_KEY}.example failed`), {
            code: 'ENOTFOUND',
            hostname: `${API_KEY}.example`,
          }),
        }),
      ],
    ],
    [
      'a connection failure whose AggregateError lists errors quoting the key',
      [new AggregateError([new Error(`ipv4 ${API_KEY}`), new Error('ipv6')], 'connect failed')],
    ],
    ['a timeout', ['hang']],
    ['a non-JSON 200', [new Response('<html>', { status: 200 })]],
    ['a 200 that is not a page', [json({ nope: true })]],
  ])('%s', async (_, replies) => {
    const error = await errorOf(replies);
    expect(error).toBeInstanceOf(Error);
    expectNoKey(error);
  });

  it('replaces an echoed key with [redacted] and keeps the rest of the body', async () => {
    const error = await errorOf([
      json({ message: `Invalid API key ${API_KEY}`, code: 'UNAUTHORIZED' }, 401),
    ]);
    expect(error).toMatchObject({
      message: '401 Invalid API key [redacted] (GET /v2/access/mass-messages)',
      code: 'UNAUTHORIZED',
      body: { message: 'Invalid API key [redacted]', code: 'UNAUTHORIZED' },
    });
  });

  it('keeps a cause that holds no key as it is', async () => {
    const refused = Object.assign(new TypeError('fetch failed'), { code: 'ECONNREFUSED' });
    const error = await errorOf([refused]);
    expect((error as Error).cause).toBe(refused);
  });

  it('an abort by the caller whose reason quotes the key', async () => {
    const controller = new AbortController();
    const pending = errorOf(['hang'], (c) => c.listMassMessages({}, { signal: controller.signal }));
    controller.abort(new Error(`cancelled while using ${API_KEY}`));
    const error = await pending;
    expect(error).toMatchObject({ name: 'APIUserAbortError' });
    expectNoKey(error);
  });

  it('an abort by the caller', async () => {
    const controller = new AbortController();
    const pending = errorOf(['hang'], (c) => c.listMassMessages({}, { signal: controller.signal }));
    controller.abort();
    const error = await pending;
    expect(error).toBeInstanceOf(Error);
    expectNoKey(error);
  });

  it('a loop failing mid-way', async () => {
    const error = await errorOf(
      [json(massPage(1, 1, true)), json({ message: API_KEY }, 404)],
      async (c) => {
        for await (const _ of c.listMassMessages()) {
          // consume
        }
      },
    );
    expect(error).toMatchObject({
      status: 404,
      message: '404 [redacted] (GET /v2/access/mass-messages)',
    });
    expectNoKey(error);
  });
});

describe('debug lines', () => {
  it('carry no key from a property name, a request id, the query or a cause', async () => {
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    const logger = { debug: log, info: log, warn: log, error: log };
    const fetch = fakeFetch(
      json({ [API_KEY]: 'echoed as a name' }, 401, { 'x-request-id': `req_${API_KEY}` }),
      new TypeError(`invalid header value ${API_KEY}`),
      json({ nope: API_KEY }, 200, { 'x-request-id': API_KEY }),
    );
    const options = { apiKey: API_KEY, connectionId: 'conn_1', fetch, logger, maxRetries: 0 };
    const client = createClient({ ...options, logLevel: 'debug', logBodies: true });
    for (let i = 0; i < 3; i++) await settled(client.listMassMessages());
    const raw = createRawClient({ ...options, fetch: fakeFetch(json({}, 200)), logLevel: 'debug' });
    // A query the raw client sends as written: the key as a value.
    await raw.GET('/v2/access/mass-messages', {
      params: { query: { type: API_KEY as 'sent' } },
    });
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line).not.toContain(API_KEY);
  });
});
