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
  ])('%j → %j', (header, preferences) => {
    expect(parsePrefer(header)).toEqual(preferences);
  });
});
