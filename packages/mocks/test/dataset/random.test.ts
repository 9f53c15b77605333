import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/dataset/random.js';

const draw = (seed: number) => {
  const random = createRandom(seed);
  return Array.from({ length: 5 }, () => random.next());
};

describe('createRandom', () => {
  it('repeats for a seed and differs between seeds, including seeds above 2^32', () => {
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    expect(draw(2 ** 32 + 7)).not.toEqual(draw(7));
  });

  it('keeps int() within its bounds, both included', () => {
    const random = createRandom(1);
    const seen = new Set(Array.from({ length: 500 }, () => random.int(3, 5)));
    expect([...seen].sort()).toEqual([3, 4, 5]);
  });

  it('refuses to pick from nothing', () => {
    expect(() => createRandom(1).pick([])).toThrow(/at least one item/);
  });
});
