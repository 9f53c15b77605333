// The errors come from the real client, answered by a fake fetch: the messages are checked
// against what the client actually throws, not against hand-built error objects.
import { createClient } from '@ofauth-mass-messages/client';
import { describe, expect, it } from 'vitest';
import { describeError } from '../src/error-message';

/** What `listMassMessages` throws when every attempt is answered by `answer`. */
async function failureOf(
  answer: () => Promise<Response>,
  params: Record<string, unknown> = {},
): Promise<unknown> {
  // Configured like the app's: a proxy's URL and no key.
  const client = createClient({
    baseUrl: 'http://127.0.0.1:9/api',
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
      "401 SESSION_EXPIRED (the vendor's shape)",
      json(401, { error: 'Session expired', type: 'SESSION_EXPIRED', requestId: 'req_1' }),
      'This creator must reconnect (SESSION_EXPIRED): Session expired. Reconnect their account through OFAuth Link.',
    ],
    [
      '401 SESSION_NOT_PROVIDED',
      json(401, {
        error: 'Connection not found',
        type: 'SESSION_NOT_PROVIDED',
        requestId: 'req_2',
      }),
      'This creator must reconnect (SESSION_NOT_PROVIDED): Connection not found. Reconnect their account through OFAuth Link.',
    ],
    [
      "401 UNAUTHORIZED (the vendor's shape)",
      json(401, { error: 'Invalid API key', type: 'UNAUTHORIZED', requestId: 'req_3' }),
      'Not authorized (401): Invalid API key. Check OFAUTH_API_KEY and OFAUTH_CONNECTION_ID on the server.',
    ],
    [
      '401',
      json(401, { message: 'Invalid API key.' }),
      'Not authorized (401): Invalid API key. Check OFAUTH_API_KEY and OFAUTH_CONNECTION_ID on the server.',
    ],
    [
      '403',
      json(403, { message: 'Connection not allowed' }),
      'Not authorized (403): Connection not allowed. Check OFAUTH_API_KEY and OFAUTH_CONNECTION_ID on the server.',
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
    [
      'the proxy’s own 400, in the API’s current error shape (error, type, requestId)',
      json(400, {
        error: 'limit must be an integer from 1 to 20, got "25"',
        type: 'BAD_REQUEST',
        requestId: 'req_proxy_1',
        code: 'VALIDATION_ERROR',
      }),
      'The API answered 400: limit must be an integer from 1 to 20, got "25".',
    ],
    ['404 without a message', json(404, {}), 'The API answered 404: no error message.'],
    [
      'a refused connection',
      () => Promise.reject(new TypeError('Failed to fetch')),
      /^Could not reach the API: .+\. Is the server with the \/api proxy running\?$/,
    ],
  ])('%s', async (_name, answer, expected) => {
    const text = describeError(await failureOf(answer));
    if (typeof expected === 'string') expect(text).toBe(expected);
    else expect(text).toMatch(expected);
  });

  it('explains an argument the client refused before sending', async () => {
    const error = await failureOf(json(200, { list: [], hasMore: false }), { limit: 50 });
    expect(describeError(error)).toMatch(/^Invalid setting: .*limit.*50/);
  });

  it.each([
    [new TypeError('boom'), 'Unexpected error: boom'],
    ['just a string', 'Unexpected error: just a string'],
  ])('%o → %s', (error, expected) => {
    expect(describeError(error)).toBe(expected);
  });
});
