// The errors come from the real client, answered by a fake fetch: the messages are checked
// against what the client actually throws, not against hand-built error objects.
import { createClient } from '@ofauth-mass-messages/client';
import { describe, expect, it } from 'vitest';
import { describeError } from '../src/error-message';

const SECRET = 'sk_live_0123456789';

/** What `listMassMessages` throws when every attempt is answered by `answer`. */
async function failureOf(
  answer: () => Promise<Response>,
  params: Record<string, unknown> = {},
): Promise<unknown> {
  const client = createClient({
    apiKey: SECRET,
    connectionId: 'conn',
    baseUrl: 'http://127.0.0.1:9',
    fetch: answer,
    maxRetries: 0,
  });
  try {
    await client.listMassMessages(params);
  } catch (error) {
    return error;
  }
  throw new Error('expected listMassMessages to fail');
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  () =>
    Promise.resolve(
      new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json', ...headers },
      }),
    );

describe('describeError', () => {
  it.each([
    [
      '401',
      json(401, { message: 'Invalid API key.' }),
      'Not authorized (401): Invalid API key. Check the API key and connection id.',
    ],
    [
      '403',
      json(403, { message: 'Connection not allowed' }),
      'Not authorized (403): Connection not allowed. Check the API key and connection id.',
    ],
    [
      '429 with Retry-After',
      json(429, { message: 'Too many requests' }, { 'retry-after': '30' }),
      'Rate limited (429): Too many requests (Retry-After: 30 s). Try again later.',
    ],
    [
      '429 without Retry-After',
      json(429, { message: 'Too many requests' }),
      'Rate limited (429): Too many requests. Try again later.',
    ],
    [
      '500',
      json(500, { message: 'Upstream failure' }),
      'The API failed (500): Upstream failure. Try again later.',
    ],
    ['404 without a message', json(404, {}), 'The API answered 404: no error message.'],
    [
      'a refused connection',
      () => Promise.reject(new TypeError('Failed to fetch')),
      /^Could not reach the API: .+\. Is the mock server running\?$/,
    ],
  ])('%s', async (_name, answer, expected) => {
    const text = describeError(await failureOf(answer), SECRET);
    if (typeof expected === 'string') expect(text).toBe(expected);
    else expect(text).toMatch(expected);
  });

  it('explains an argument the client refused before sending', async () => {
    const error = await failureOf(json(200, { list: [], hasMore: false }), { limit: 50 });
    expect(describeError(error, SECRET)).toMatch(/^Invalid setting: .*limit.*50/);
  });

  it.each([
    [new TypeError('boom'), 'Unexpected error: boom'],
    ['just a string', 'Unexpected error: just a string'],
  ])('%o → %s', (error, expected) => {
    expect(describeError(error, SECRET)).toBe(expected);
  });

  it.each([
    ['the API message', json(401, { message: `key ${SECRET} is revoked` })],
    ['a connection error', () => Promise.reject(new TypeError(`bad header ${SECRET}`))],
  ])('redacts the API key from %s', async (_name, answer) => {
    const text = describeError(await failureOf(answer), SECRET);
    expect(text).not.toContain(SECRET);
  });

  it('redacts the API key from any other error', () => {
    const text = describeError(new Error(`leaked ${SECRET}`), SECRET);
    expect(text).toBe('Unexpected error: leaked [redacted]');
  });
});
