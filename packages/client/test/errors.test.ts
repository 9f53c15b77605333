// The error classes: one per kind, all under OFAuthError, fields read from the body.
import { describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  errorClassFor,
  InternalServerError,
  InvalidArgumentError,
  InvalidResponseError,
  NotFoundError,
  OFAuthError,
  RateLimitError,
  UnprocessableEntityError,
} from '../src/errors.js';

const info = { method: 'GET', path: '/v2/access/mass-messages' };

describe('errorClassFor', () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, AuthenticationError],
    [404, NotFoundError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [502, InternalServerError],
    [503, InternalServerError],
    [409, APIError],
    [418, APIError],
  ])('%i → %o', (status, expected) => {
    expect(errorClassFor(status)).toBe(expected);
  });
});

describe('the hierarchy', () => {
  it.each([
    [
      'APIError',
      new APIError({ ...info, status: 409, body: '', headers: {}, retryAfter: undefined }),
    ],
    [
      'RateLimitError',
      new RateLimitError({ ...info, status: 429, body: {}, headers: {}, retryAfter: 30 }),
    ],
    ['APIConnectionError', new APIConnectionError('no route', info)],
    ['APITimeoutError', new APITimeoutError('slow', info)],
    ['APIUserAbortError', new APIUserAbortError('stop', info)],
    ['InvalidArgumentError', new InvalidArgumentError('bad', { parameter: 'limit', allowed: 'x' })],
    ['InvalidResponseError', new InvalidResponseError('junk', { ...info, status: 200 })],
  ])('%s is an OFAuthError and an Error, named after its class', (name, error) => {
    expect(error).toBeInstanceOf(OFAuthError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
    expect(String(error)).toMatch(new RegExp(`^${name}: `));
  });

  it('makes a timeout a connection error (retried the same way)', () => {
    expect(new APITimeoutError('slow', info)).toBeInstanceOf(APIConnectionError);
  });
});

describe('APIError', () => {
  it('carries status, method, path, message, code, details, headers and retryAfter', () => {
    const error = new RateLimitError({
      ...info,
      status: 429,
      body: { message: 'Rate limit exceeded', code: 'RATE_LIMITED', details: { limit: 60 } },
      headers: { 'retry-after': '30' },
      retryAfter: 30,
    });
    expect(error).toMatchObject({
      status: 429,
      method: 'GET',
      path: '/v2/access/mass-messages',
      code: 'RATE_LIMITED',
      details: { limit: 60 },
      headers: { 'retry-after': '30' },
      retryAfter: 30,
    });
    expect(error.message).toBe('429 Rate limit exceeded (GET /v2/access/mass-messages)');
  });

  it.each([
    ['a text body', 'Bad Gateway', '502 Bad Gateway (GET /v2/access/mass-messages)'],
    ['an empty body', '', '502 no message (GET /v2/access/mass-messages)'],
    ['a JSON body without message', { code: 'X' }, '502 no message (GET /v2/access/mass-messages)'],
    ['a non-string message', { message: 42 }, '502 no message (GET /v2/access/mass-messages)'],
    ['JSON null', null, '502 no message (GET /v2/access/mass-messages)'],
    [
      'an RFC 7807 problem (Prism)',
      { type: 'x', title: 'Invalid request', status: 502, detail: 'long' },
      '502 Invalid request (GET /v2/access/mass-messages)',
    ],
    ['an empty message', { message: '', title: 'T' }, '502 T (GET /v2/access/mass-messages)'],
  ])('falls back for %s', (_, body, message) => {
    const error = new InternalServerError({
      ...info,
      status: 502,
      body,
      headers: {},
      retryAfter: undefined,
    });
    expect(error.message).toBe(message);
    expect(error.body).toEqual(body);
  });

  it('cuts a long text body in the message but keeps it whole in body', () => {
    const body = 'x'.repeat(1000);
    const error = new APIError({ ...info, status: 500, body, headers: {}, retryAfter: undefined });
    expect(error.message.length).toBeLessThan(260);
    expect(error.body).toBe(body);
  });

  it('ignores a non-string code', () => {
    const error = new BadRequestError({
      ...info,
      status: 400,
      body: { code: 7 },
      headers: {},
      retryAfter: undefined,
    });
    expect(error.code).toBeUndefined();
  });
});
