import { describe, expect, it } from 'vitest';
import { SCENARIOS, scenarioHeaders } from '../src/scenario';

describe('scenarioHeaders', () => {
  it.each([
    ['ok', {}],
    ['slow', { Prefer: 'delay=1500' }],
    ['401', { Prefer: 'code=401' }],
    ['429', { Prefer: 'code=429' }],
    ['500', { Prefer: 'code=500' }],
  ])('%s → %o', (id, headers) => {
    expect(scenarioHeaders(id)).toEqual(headers);
  });

  it('offers exactly those scenarios, once each', () => {
    expect(SCENARIOS.map((s) => s.id)).toEqual(['ok', 'slow', '401', '429', '500']);
  });

  it('names the valid ids when given an unknown one', () => {
    expect(() => scenarioHeaders('418')).toThrow(
      'unknown scenario "418"; expected one of ok, slow, 401, 429, 500',
    );
  });
});
