import {
  APIConnectionError,
  APIError,
  type APIErrorInit,
  AuthenticationError,
  InternalServerError,
  InvalidArgumentError,
  RateLimitError,
} from '@ofauth-mass-messages/client';
import { describe, expect, it } from 'vitest';
import { describeError } from '../src/error-message';

const SECRET = 'sk_live_0123456789';
const request = { method: 'GET', path: '/v2/access/mass-messages' };

function init(status: number, body: unknown, retryAfter?: number): APIErrorInit {
  return { ...request, status, body, headers: {}, retryAfter };
}

describe('describeError', () => {
  it.each([
    [
      new AuthenticationError(init(401, { message: 'Invalid API key.' })),
      'Not authorized (401): Invalid API key. Check the API key and connection id.',
    ],
    [
      new RateLimitError(init(429, { message: 'Too many requests' }, 30)),
      'Rate limited (429): Too many requests. Try again in 30 s.',
    ],
    [
      new RateLimitError(init(429, { message: 'Too many requests' })),
      'Rate limited (429): Too many requests. Try again later.',
    ],
    [
      new InternalServerError(init(500, { message: 'Upstream failure' })),
      'The API failed (500): Upstream failure. Try again later.',
    ],
    [new APIError(init(418, 'teapot')), 'The API answered 418: no error message.'],
    [
      new InvalidArgumentError(
        'pageSize',
        'an integer from 1 to 20',
        'pageSize must be an integer from 1 to 20, got 50',
      ),
      'Invalid setting: pageSize must be an integer from 1 to 20, got 50',
    ],
    [
      new APIConnectionError(request, 'Failed to fetch'),
      'Could not reach the API: Failed to fetch. Is the mock server running?',
    ],
    [new TypeError('boom'), 'Unexpected error: boom'],
    ['just a string', 'Unexpected error: just a string'],
  ])('%o → %s', (error, expected) => {
    expect(describeError(error, SECRET)).toBe(expected);
  });

  it.each([
    [
      'the API message',
      new AuthenticationError(init(401, { message: `key ${SECRET} is revoked` })),
    ],
    ['a connection error', new APIConnectionError(request, `bad header ${SECRET}`)],
    ['any other error', new Error(`leaked ${SECRET}`)],
  ])('redacts the API key from %s', (_name, error) => {
    const text = describeError(error, SECRET);
    expect(text).not.toContain(SECRET);
    expect(text).toContain('[redacted]');
  });
});
