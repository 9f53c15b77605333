import { describe, expect, it } from 'vitest';
import { redactBody } from '../src/redact.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (body: Uint8Array | string) =>
  typeof body === 'string' ? body : new TextDecoder().decode(body);

describe('redactBody', () => {
  const rateLimited =
    '{"message":"Rate limit exceeded","code":"RATE_LIMITED","details":{"limit":60}}';

  const intact = JSON.parse(rateLimited);
  // A key that is JSON's own character or a single letter never breaks the body: it stays JSON
  // of the same structure; only strings holding the key change, property names included (a
  // one-letter dev key cannot be told from the letter, so the body loses it: safe, still JSON).
  it.each([
    ['"', intact],
    [':', intact],
    ['{', intact],
    ['sk_live_abc', intact],
    [
      'e',
      {
        'm[redacted]ssag[redacted]':
          'Rat[redacted] limit [redacted]xc[redacted][redacted]d[redacted]d',
        'cod[redacted]': 'RATE_LIMITED',
        'd[redacted]tails': { limit: 60 },
      },
    ],
  ])('with the key %j, a 429 body reads %j', (key, expected) => {
    expect(JSON.parse(text(redactBody(bytes(rateLimited), key)))).toEqual(expected);
  });

  it.each([
    ['the message', { message: 'Invalid key sk_live_abc' }, { message: 'Invalid key [redacted]' }],
    [
      'a nested value',
      { code: 'UNAUTHORIZED', details: { sent: ['sk_live_abc', 1] } },
      { code: 'UNAUTHORIZED', details: { sent: ['[redacted]', 1] } },
    ],
  ])('redacts the key in %s', (_, body, expected) => {
    expect(JSON.parse(text(redactBody(bytes(JSON.stringify(body)), 'sk_live_abc')))).toEqual(
      expected,
    );
  });

  it('redacts the key as a property name, at any depth', () => {
    const body = {
      details: { sk_live_abc: 'rejected', 'key sk_live_abc': [{ sk_live_abc: 1 }] },
    };

    expect(JSON.parse(text(redactBody(bytes(JSON.stringify(body)), 'sk_live_abc')))).toEqual({
      details: { '[redacted]': 'rejected', 'key [redacted]': [{ '[redacted]': 1 }] },
    });
  });

  it('redacts a key hidden behind a JSON escape', () => {
    const body = '{"message":"key \\u0073k_live_abc"}';

    expect(JSON.parse(text(redactBody(bytes(body), 'sk_live_abc')))).toEqual({
      message: 'key [redacted]',
    });
  });

  it('redacts the text of a body that is not JSON', () => {
    expect(text(redactBody(bytes('bad key sk_live_abc'), 'sk_live_abc'))).toBe(
      'bad key [redacted]',
    );
  });

  it('returns the same bytes when the key is absent', () => {
    const body = bytes('{ "message" : "spaced" }');

    expect(redactBody(body, 'sk_live_abc')).toBe(body);
  });
});
