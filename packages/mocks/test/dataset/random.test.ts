import { describe, expect, it } from 'vitest';
import { createRandom, deriveSeed } from '../../src/dataset/random.js';

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

describe('deriveSeed', () => {
  // Seeds 0 to 9 once hashed alike: FNV-1a over `${seed}:${label}` after xoring the seed in
  // cancels a one-digit seed's own digit, so every dynamic mode seed below 10 served one set.
  it('gives every seed its own stream for one label', () => {
    const seeds = [...Array.from({ length: 100 }, (_, i) => i), 2 ** 32 + 1, 2 ** 40];
    const derived = seeds.map((seed) => deriveSeed(seed, 'listMassMessages {"type":"sent"}'));
    expect(new Set(derived).size).toBe(seeds.length);
  });

  it('gives every label its own stream for one seed, and repeats', () => {
    const labels = ['a', 'b', 'ab', 'ba', '', 'listPurchasedMassMessages {}'];
    expect(new Set(labels.map((label) => deriveSeed(7, label))).size).toBe(labels.length);
    expect(deriveSeed(7, 'a')).toBe(deriveSeed(7, 'a'));
  });
});
