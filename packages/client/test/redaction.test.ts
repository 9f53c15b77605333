// The API key never shows: not in the client, not in any error's message, fields, cause, stack,
// JSON, string or util.inspect output — even when the API echoes it back.
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClient } from '../src/client.js';
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

async function errorOf(
  replies: Reply[],
  run: (client: OFAuthClient) => Promise<unknown> = (client) => client.listMassMessages(),
) {
  const client = createClient({
    apiKey: API_KEY,
    connectionId: 'conn_1',
    fetch: fakeFetch(...replies),
    maxRetries: 0,
    timeoutMs: 100,
  });
  const result = run(client).then(
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

describe('the client object', () => {
  it('does not hold the key where inspect, JSON or String can reach it', () => {
    const client = createClient({ apiKey: API_KEY, connectionId: 'conn_1', fetch: fakeFetch() });
    expectNoKey(client);
    expectNoKey(client.raw);
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

  it('drops credential and cookie headers, keeps the rest', async () => {
    const error = await errorOf([
      json({}, 403, { 'set-cookie': 's=1', 'x-request-id': 'req_1', 'retry-after': '5' }),
    ]);
    expect((error as { headers: Record<string, string> }).headers).toEqual({
      'content-type': 'application/json',
      'retry-after': '5',
      'x-request-id': 'req_1',
    });
  });

  it('an abort by the caller', async () => {
    const controller = new AbortController();
    const pending = errorOf(['hang'], (c) => c.listMassMessages({}, { signal: controller.signal }));
    controller.abort();
    expectNoKey(await pending);
  });

  it('an iterator failing mid-way', async () => {
    const error = await errorOf(
      [json(massPage(1, 1, true)), json({ message: API_KEY }, 404)],
      async (c) => {
        for await (const _ of c.iterateMassMessages()) {
          // consume
        }
      },
    );
    expectNoKey(error);
  });
});
