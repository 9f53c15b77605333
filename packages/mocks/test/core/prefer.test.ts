import { describe, expect, it } from 'vitest';
import { parsePrefer } from '../../src/core/prefer.js';

describe('parsePrefer', () => {
  it.each([
    [null, {}],
    ['', {}],
    ['code=429', { code: 429 }],
    ['code=429, example=rateLimited', { code: 429, example: 'rateLimited' }],
    ['code=429, times=1', { code: 429, times: 1 }],
    ['delay=800', { delay: 800 }],
    ['seed=8; retry-after=2', { seed: 8, retryAfter: 2 }],
    ['Code="500" , Times=2', { code: 500, times: 2 }],
    ['code=abc, delay=-5, dynamic=true, wait', {}],
    ['rate-limit=vendor', { rateLimit: 'vendor' }],
    ['code=429; Rate-Limit="off"', { code: 429, rateLimit: 'off' }],
    ['rate-limit=fast, rate-limit=', {}],
  ])('%j → %j', (header, preferences) => {
    expect(parsePrefer(header)).toEqual(preferences);
  });
});

describe('parsePrefer, given names every object inherits', () => {
  // Only its own keys are Prefer keys: `constructor=5` must not reach a property of Object.
  it.each(['constructor=5', '__proto__=1', 'toString=2, hasOwnProperty=3', 'valueOf=4'])(
    '%j → {}',
    (header) => {
      expect(parsePrefer(header)).toEqual({});
    },
  );
});
