// The error classes: one per kind, all under OFAuthError; typed constructors; one place that maps
// a status to its class (APIError.generate); fields read from the body.
import { describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  InvalidArgumentError,
  InvalidResponseError,
  NotFoundError,
  OFAuthError,
  PermissionDeniedError,
  RateLimitError,
  ReconnectRequiredError,
  RedirectError,
  UnprocessableEntityError,
} from '../src/errors.js';

const PATH = '/v2/access/mass-messages';

/** An APIError of `status` with `body`, through the one mapping. */
const generated = (status: number, body: unknown = {}) =>
  APIError.generate('GET', PATH, status, body, undefined, null);

describe('APIError.generate', () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [502, InternalServerError],
    [503, InternalServerError],
    [409, APIError],
    [418, APIError],
    [301, RedirectError],
    [302, RedirectError],
    [307, RedirectError],
    [308, RedirectError],
    // A browser's opaque redirect.
    [0, RedirectError],
  ])('%i → %o', (status, expected) => {
    const error = generated(status);
    expect(error.constructor).toBe(expected);
    expect(error.status).toBe(status);
  });

  // The vendor's 401s share a status; the type tells "check your key" from "reconnect the creator".
  it.each([
    ['SESSION_NOT_PROVIDED', 401, ReconnectRequiredError],
    ['SESSION_EXPIRED', 401, ReconnectRequiredError],
    ['UNAUTHORIZED', 401, AuthenticationError],
    ['RULES_OUTDATED', 401, AuthenticationError],
    ['A_TYPE_NOT_DOCUMENTED', 401, AuthenticationError],
    // Only a 401 means "reconnect": the vendor documents these types with no other status.
    ['SESSION_EXPIRED', 403, PermissionDeniedError],
    ['SESSION_EXPIRED', 500, InternalServerError],
  ])('type %s with %i → %o', (type, status, expected) => {
    const error = generated(status, { error: 'x', type });
    expect(error.constructor).toBe(expected);
    expect(error.type).toBe(type);
  });

  it('makes a reconnect error an authentication error, so one instanceof catches every 401', () => {
    const reconnect = generated(401, { error: 'expired', type: 'SESSION_EXPIRED' });
    expect(reconnect).toBeInstanceOf(AuthenticationError);
    expect(reconnect.name).toBe('ReconnectRequiredError');
    expect(reconnect).not.toBeInstanceOf(PermissionDeniedError);
  });

  it('makes 403 an authentication error too, so one instanceof catches both', () => {
    const forbidden = generated(403);
    expect(forbidden).toBeInstanceOf(AuthenticationError);
    expect(generated(401)).not.toBeInstanceOf(PermissionDeniedError);
  });
});

describe('the hierarchy', () => {
  it.each([
    ['APIError', new APIError('GET', PATH, 409, '', undefined, null)],
    ['RateLimitError', new RateLimitError('GET', PATH, 429, {}, 30, 'req_1')],
    ['PermissionDeniedError', new PermissionDeniedError('GET', PATH, 403, {}, undefined, null)],
    ['APIConnectionError', new APIConnectionError('GET', PATH, 'could not connect')],
    ['APITimeoutError', new APITimeoutError('GET', PATH, 'timed out')],
    ['APIUserAbortError', new APIUserAbortError('GET', PATH, 'aborted')],
    ['InvalidArgumentError', new InvalidArgumentError('limit must be x', 'limit', 'x')],
    ['InvalidResponseError', new InvalidResponseError('GET', PATH, 200, 'req_2', 'junk')],
    ['RedirectError', new RedirectError('GET', PATH, 302, '', undefined, null, 'https://x.test')],
  ])('%s is an OFAuthError and an Error, named after its class', (name, error) => {
    expect(error).toBeInstanceOf(OFAuthError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
    expect(String(error)).toMatch(new RegExp(`^${name}: `));
  });

  it('makes a timeout a connection error (retried the same way)', () => {
    expect(new APITimeoutError('GET', PATH, 'slow')).toBeInstanceOf(APIConnectionError);
  });
});

describe('typed constructors', () => {
  it('give a request error its method and path, in the message too', () => {
    const error = new APIConnectionError('GET', PATH, 'could not connect', { cause: 'x' });
    expect(error).toMatchObject({ method: 'GET', path: PATH, cause: 'x' });
    expect(error.message).toBe(`could not connect (GET ${PATH})`);
  });

  it('give InvalidResponseError its status and request id', () => {
    const error = new InvalidResponseError('GET', PATH, 200, 'req_2', 'answered with no page');
    expect(error).toMatchObject({ status: 200, requestId: 'req_2' });
    expect(error.message).toBe(`answered with no page (GET ${PATH})`);
  });

  it('give InvalidArgumentError the parameter and what it allows', () => {
    const error = new InvalidArgumentError('limit must be 1–20', 'limit', '1–20');
    expect(error).toMatchObject({
      parameter: 'limit',
      allowed: '1–20',
      message: 'limit must be 1–20',
    });
  });
});

describe('APIError', () => {
  it('carries status, method, path, message, code, details, body, retryAfter and request id', () => {
    const body = { message: 'Rate limit exceeded', code: 'RATE_LIMITED', details: { limit: 60 } };
    const error = new RateLimitError('GET', PATH, 429, body, 30, 'req_9');
    expect(error).toMatchObject({
      status: 429,
      method: 'GET',
      path: PATH,
      code: 'RATE_LIMITED',
      details: { limit: 60 },
      body,
      retryAfter: 30,
      requestId: 'req_9',
    });
    expect(error.message).toBe(`429 Rate limit exceeded (GET ${PATH})`);
  });

  it.each([
    ['a text body', 'Bad Gateway', `502 Bad Gateway (GET ${PATH})`],
    ['an empty body', '', `502 no message (GET ${PATH})`],
    ['a JSON body without message', { code: 'X' }, `502 no message (GET ${PATH})`],
    ['a non-string message', { message: 42 }, `502 no message (GET ${PATH})`],
    ['JSON null', null, `502 no message (GET ${PATH})`],
    [
      'an RFC 7807 problem (Prism)',
      { type: 'x', title: 'Invalid request', status: 502, detail: 'long' },
      `502 Invalid request (GET ${PATH})`,
    ],
    ['an empty message', { message: '', title: 'T' }, `502 T (GET ${PATH})`],
  ])('falls back for %s', (_, body, message) => {
    const error = generated(502, body);
    expect(error.message).toBe(message);
    expect(error.body).toEqual(body);
  });

  it('cuts a long text body in the message but keeps it whole in body', () => {
    const body = 'x'.repeat(1000);
    const error = generated(500, body);
    expect(error.message).toBe(`500 ${'x'.repeat(200)} (GET ${PATH})`);
    expect(error.body).toBe(body);
  });

  it.each([
    [
      'an origin',
      'https://elsewhere.test:8443',
      '302 redirect to https://elsewhere.test:8443 not followed',
    ],
    ['none (hidden)', null, '302 redirect to a hidden location not followed'],
  ])('names a redirect’s status and %s, whatever its body says', (_, origin, text) => {
    const error = APIError.generate(
      'GET',
      PATH,
      302,
      'Found. Redirecting to https://elsewhere.test:8443/steal',
      undefined,
      'req_3',
      origin,
    );
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({
      status: 302,
      origin,
      requestId: 'req_3',
      message: `${text} (GET ${PATH})`,
    });
  });

  // Each revision of the vendor's error body, and what the vendor's SDKs read.
  it.each([
    [
      'the current revision',
      {
        error: 'Session expired',
        type: 'SESSION_EXPIRED',
        requestId: 'req_abc123',
        actionRequired: 'refresh_session',
      },
      {
        message: `401 Session expired (GET ${PATH})`,
        type: 'SESSION_EXPIRED',
        requestId: 'req_abc123',
        actionRequired: 'refresh_session',
        code: undefined,
        details: undefined,
      },
    ],
    [
      'the earlier revision',
      { error: 'Invalid limit', code: 'VALIDATION', details: { field: 'limit' } },
      {
        message: `401 Invalid limit (GET ${PATH})`,
        type: undefined,
        requestId: null,
        actionRequired: undefined,
        code: 'VALIDATION',
        details: { field: 'limit' },
      },
    ],
    [
      'the SDKs’ reading',
      { message: 'Nope', code: 'NOPE' },
      { message: `401 Nope (GET ${PATH})`, code: 'NOPE', type: undefined },
    ],
    [
      '`error` over `message`',
      { error: 'From error', message: 'From message' },
      { message: `401 From error (GET ${PATH})` },
    ],
  ])('reads %s', (_, body, fields) => {
    const error = generated(401, body);
    expect(error).toMatchObject(fields);
    expect(error.body).toEqual(body);
  });

  it.each([
    ['the body’s, over the header’s', { requestId: 'req_body' }, 'hdr_1', 'req_body'],
    ['the header’s, when the body has none', { error: 'x' }, 'hdr_1', 'hdr_1'],
    ['the body’s, without a header', { requestId: 'req_body' }, null, 'req_body'],
    ['null, from neither', { error: 'x' }, null, null],
  ])('takes the request id: %s', (_, body, header, expected) => {
    const error = APIError.generate('GET', PATH, 400, body, undefined, header);
    expect(error.requestId).toBe(expected);
  });

  it('ignores a non-string code', () => {
    expect(generated(400, { code: 7 }).code).toBeUndefined();
  });
});
