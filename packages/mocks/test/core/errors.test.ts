// The mock's own error answers: the spec's Error shape, and no secret in a 500's message.
import { describe, expect, it } from 'vitest';
import { errorBody, internalError, secretsOf, unauthorized } from '../../src/core/errors.js';

const messageOf = (body: string | null) => JSON.parse(body ?? 'null').message as string;

describe('errorBody', () => {
  it('is message and code, with details only when there are some', () => {
    expect(errorBody('m', 'C')).toEqual({ message: 'm', code: 'C' });
    expect(Object.keys(errorBody('m', 'C'))).toEqual(['message', 'code']);
    expect(errorBody('m', 'C', { parameter: 'limit' })).toEqual({
      message: 'm',
      code: 'C',
      details: { parameter: 'limit' },
    });
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
      message: `The mock failed to answer: ${said}`,
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
    [['a'], 'Missing header a: every request needs a and b'],
    [['a', 'b'], 'Missing headers a and b: every request needs a and b'],
  ])('missing %j: %s', (missing, said) => {
    const answer = unauthorized(['a', 'b'], missing);
    expect(answer.status).toBe(401);
    expect(messageOf(answer.body)).toContain(said);
    expect(JSON.parse(answer.body ?? '')).toMatchObject({
      code: 'UNAUTHORIZED',
      details: { missing },
    });
  });
});
