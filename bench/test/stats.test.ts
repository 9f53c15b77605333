import { describe, expect, it } from 'vitest';
import { median, repeat, summarise, timed } from '../src/stats.js';

describe('median', () => {
  it.each([
    { values: [5], expected: 5 },
    { values: [3, 1, 2], expected: 2 },
    { values: [4, 1, 3, 2], expected: 2.5 },
    { values: [10, -2, 7, 7, 100], expected: 7 },
  ])('of $values is $expected', ({ values, expected }) => {
    expect(median(values)).toBe(expected);
  });

  it('leaves its input in its order', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('refuses no values', () => {
    expect(() => median([])).toThrow(/no values/);
  });
});

describe('summarise', () => {
  it('gives runs, median, min and max', () => {
    expect(summarise([12, 10, 30, 11])).toEqual({ runs: 4, median: 11.5, min: 10, max: 30 });
  });

  it.each([[[]], [[1, Number.NaN]], [[Number.POSITIVE_INFINITY]]])('refuses %j', (values) => {
    expect(() => summarise(values)).toThrow(RangeError);
  });
});

describe('repeat', () => {
  it('runs one after the other, passing the run number', async () => {
    const order: string[] = [];
    const results = await repeat(3, async (run) => {
      order.push(`start ${run}`);
      await new Promise((resolve) => setTimeout(resolve, 3 - run));
      order.push(`end ${run}`);
      return run * 10;
    });
    expect(results).toEqual([0, 10, 20]);
    expect(order).toEqual(['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2']);
  });

  it.each([0, -1, 1.5])('refuses %s runs', async (runs) => {
    await expect(repeat(runs, async () => 1)).rejects.toThrow(/runs must be >= 1/);
  });
});

describe('timed', () => {
  it('measures at least the time awaited', async () => {
    const elapsed = await timed(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(elapsed).toBeGreaterThanOrEqual(15);
  });
});
