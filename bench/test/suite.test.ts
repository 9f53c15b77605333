import { describe, expect, it } from 'vitest';
import { atLeast, atMost } from '../src/suite.js';

const plain = { show: (n: number) => n.toFixed(0) };

describe('atMost', () => {
  it('is met below the limit', () => {
    expect(atMost('under 10', 9, 10, plain)).toEqual({
      target: 'under 10',
      measured: '9',
      met: true,
    });
  });

  it.each([
    [10, '0 over (0% above the limit)'],
    [15, '5 over (50% above the limit)'],
  ])('is missed at %s, saying by how much', (measured, gap) => {
    expect(atMost('under 10', measured, 10, plain)).toEqual({
      target: 'under 10',
      measured: String(measured),
      met: false,
      gap,
    });
  });
});

describe('a gap written by the target', () => {
  it.each([
    [
      atMost('under 10%', 0.15, 0.1, {
        show: String,
        gap: (d) => `${(d * 100).toFixed(0)} points over`,
      }),
      '5 points over',
    ],
    [
      atLeast('at least 1.6x', 1.5, 1.6, { show: String, gap: (d) => `${d.toFixed(1)}x short` }),
      '0.1x short',
    ],
  ])('%#', (check, gap) => {
    expect(check.met).toBe(false);
    expect(check.gap).toBe(gap);
  });
});

describe('atLeast', () => {
  it.each([100, 140])('is met at %s', (measured) => {
    expect(atLeast('at least 100', measured, 100, plain).met).toBe(true);
  });

  it('is missed below the floor, saying by how much', () => {
    expect(atLeast('at least 100', 70, 100, plain)).toEqual({
      target: 'at least 100',
      measured: '70',
      met: false,
      gap: '30 short (30% below)',
    });
  });
});
