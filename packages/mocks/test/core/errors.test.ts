// The mock's own error answers: the vendor's error shape, and no secret in a 500's message.
import { describe, expect, it } from 'vitest';
import { errorBody, internalError, secretsOf, unauthorized } from '../../src/core/errors.js';

const messageOf = (body: string | null) => JSON.parse(body ?? 'null').error as string;

describe('errorBody', () => {
  it.each([
    ['error, type and requestId', ['m', 'BAD_REQUEST', 'req_1'], ['error', 'type', 'requestId']],
    ['no type for a 5xx', ['m', undefined, 'req_1'], ['error', 'requestId']],
    [
      'what more there is, in the vendor order',
      ['m', 'SESSION_NOT_PROVIDED', 'req_1', { code: 'X', details: {}, actionRequired: 'a' }],
      ['error', 'type', 'requestId', 'actionRequired', 'details', 'code'],
    ],
    [
      'nothing left undefined',
      ['m', 'BAD_REQUEST', 'req_1', { code: undefined, details: undefined }],
      ['error', 'type', 'requestId'],
    ],
  ] as const)('is %s', (_case, args, keys) => {
    const body = errorBody(...(args as unknown as Parameters<typeof errorBody>));
    expect(Object.keys(body)).toEqual(keys);
    expect(body).toMatchObject({ error: 'm', requestId: 'req_1' });
  });
});

describe('internalError', () => {
  const unprintable = {
    toString() {
      throw new Error('no');
    },
  };
  it.each([
    [
      'an Error, its name and message',
      new RangeError('out of range'),
      [],
      'RangeError: out of range',
    ],
    ['anything else thrown', 'plain text', [], 'plain text'],
    ['a value that cannot be printed', unprintable, [], 'an error that cannot be printed'],
    [
      'each secret cut out',
      new Error('sent sk_1 and conn_9, sk_1 again'),
      ['sk_1', 'conn_9'],
      'Error: sent [redacted] and [redacted], [redacted] again',
    ],
    [
      'the longer of two overlapping secrets first',
      new Error('key sk_live_1'),
      ['sk', 'sk_live_1'],
      'Error: key [redacted]',
    ],
  ])('names %s', (_case, error, secrets, said) => {
    const answer = internalError(error, secrets);
    expect(answer.status).toBe(500);
    expect(JSON.parse(answer.body ?? '')).toEqual({
      error: `The mock failed to answer: ${said}`,
      requestId: answer.headers['x-request-id'],
      code: 'MOCK_INTERNAL_ERROR',
    });
  });
});

describe('secretsOf', () => {
  it('reads each security header sent, skipping empty ones and ones that cannot be read', () => {
    const headers: Record<string, string> = { apiKey: 'k', 'x-connection-id': '' };
    const header = (name: string) => {
      if (name === 'broken') throw new Error('unreadable');
      return headers[name];
    };
    expect(secretsOf(['apiKey', 'x-connection-id', 'broken', 'absent'], header)).toEqual(['k']);
  });
});

describe('unauthorized', () => {
  it.each([
    [['a'], 'Missing header a: every request needs a and b', 'UNAUTHORIZED'],
    [['a', 'b'], 'Missing headers a and b: every request needs a and b', 'UNAUTHORIZED'],
    [['b'], 'Missing header b: every request needs a and b', 'SESSION_NOT_PROVIDED'],
  ])('missing %j: %s (%s)', (missing, said, type) => {
    // `b` is the connection's header: without it alone, the vendor's SESSION_NOT_PROVIDED.
    const answer = unauthorized(['a', 'b'], missing, 'b');
    expect(answer.status).toBe(401);
    expect(messageOf(answer.body)).toContain(said);
    expect(JSON.parse(answer.body ?? '')).toMatchObject({ type, details: { missing } });
  });
});
