// The one builder of the proxy's own answers: the vendor's error body with the type that fits the
// status (a member of the spec's ErrorType), the proxy's code, details when given, a fresh
// `req_proxy_…` id in the body and in `x-request-id`, JSON and `no-store`, headers kept.
import { readDocument } from '@ofauth-mass-messages/spec/node';
import { validateResponse } from '@ofauth-mass-messages/spec-validator';
import { describe, expect, it } from 'vitest';
import { errorResponse } from '../src/errors.js';
import { expectProxyError, TYPE_OF_STATUS } from './helpers/proxy-error.js';

const ERROR_TYPES = (
  readDocument() as unknown as { components: { schemas: { ErrorType: { enum: string[] } } } }
).components.schemas.ErrorType.enum;

describe('errorResponse', () => {
  it.each([400, 401, 403, 404, 405, 429, 499, 500, 502, 504])(
    'answers %i in the vendor’s shape, with the type that fits it',
    async (status) => {
      const response = errorResponse(status, 'SOME_CODE', `status ${status}`);
      const body = await expectProxyError(response, {
        status,
        code: 'SOME_CODE',
        error: `status ${status}`,
      });
      if (body.type !== undefined) expect(ERROR_TYPES).toContain(body.type);
      expect(body).not.toHaveProperty('message');
    },
  );

  it('gives every type it answers from the spec’s ErrorType', () => {
    const types = Object.values(TYPE_OF_STATUS).filter((type) => type !== undefined);
    expect(types.length).toBeGreaterThan(0);
    for (const type of types) expect(ERROR_TYPES).toContain(type);
  });

  it("writes a body the spec's Error schema accepts (the 400 of an operation)", async () => {
    const response = errorResponse(400, 'VALIDATION_ERROR', 'limit must be …', {
      details: { parameter: 'limit', allowed: 'an integer from 1 to 20' },
    });
    const body = await expectProxyError(response, {
      status: 400,
      code: 'VALIDATION_ERROR',
      details: { parameter: 'limit', allowed: 'an integer from 1 to 20' },
    });
    expect(validateResponse('listMassMessages', 400, body)).toMatchObject({ valid: true });
  });

  it('gives each answer its own request id', async () => {
    const ids = await Promise.all(
      [1, 2, 3].map(
        async () =>
          ((await errorResponse(404, 'NOT_FOUND', 'no').json()) as { requestId: string }).requestId,
      ),
    );
    expect(new Set(ids).size).toBe(3);
  });

  it('keeps the headers it is given (Allow, X-RateLimit-*), the request id its own', async () => {
    const response = errorResponse(429, 'RATE_LIMIT_EXCEEDED', 'Rate limit exceeded', {
      headers: new Headers({
        'retry-after': '3',
        'x-ratelimit-remaining': '0',
        'x-request-id': 'x',
      }),
    });
    expect(response.headers.get('retry-after')).toBe('3');
    expect(response.headers.get('x-ratelimit-remaining')).toBe('0');
    await expectProxyError(response, { status: 429, code: 'RATE_LIMIT_EXCEEDED' });
  });
});
