// Reading every revision of the vendor's error body.
import { describe, expect, it } from 'vitest';
import { readErrorBody } from '../src/error-body.js';

describe('readErrorBody', () => {
  it.each<[string, unknown, object]>([
    [
      'the current revision',
      {
        error: 'Session expired',
        type: 'SESSION_EXPIRED',
        requestId: 'req_1',
        actionRequired: 'refresh_session',
      },
      {
        message: 'Session expired',
        type: 'SESSION_EXPIRED',
        requestId: 'req_1',
        actionRequired: 'refresh_session',
      },
    ],
    [
      'the earlier revision',
      { error: 'Bad', code: 'VALIDATION', details: { field: 'limit' } },
      { message: 'Bad', code: 'VALIDATION', details: { field: 'limit' } },
    ],
    ['what the SDKs read', { message: 'Bad', code: 'X' }, { message: 'Bad', code: 'X' }],
    [
      'an RFC 7807 problem',
      { title: 'Invalid request', status: 422 },
      { message: 'Invalid request' },
    ],
    ['error wins over message', { error: 'A', message: 'B' }, { message: 'A' }],
    ['a type without a message', { type: 'FORBIDDEN' }, { type: 'FORBIDDEN' }],
    ['text', '  Bad gateway  ', { message: 'Bad gateway' }],
    ['fields of the wrong type', { error: 5, type: ['x'], requestId: '' }, {}],
    ['null', null, {}],
    ['an array', ['error'], {}],
  ])('%s', (_, body, facts) => {
    expect(readErrorBody(body)).toEqual(facts);
  });
});
