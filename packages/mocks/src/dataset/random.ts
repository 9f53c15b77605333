// A small seeded random generator: the same seed gives the same dataset on every machine and
// every Node version (Math.random cannot be seeded).

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

/** mulberry32: 32 bits of state, well spread, and enough for test data. */
export function createRandom(seed: number): Random {
  // Seeds above 2^32 fold their high bits in rather than being cut off.
  let state = (seed ^ Math.floor(seed / 4_294_967_296)) >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError('pick() needs at least one item');
      return items[Math.floor(next() * items.length)] as T;
    },
  };
}

/**
 * A 32-bit seed from a seed and a label (FNV-1a over the seed's 8 bytes, then the label's code
 * points): one independent stream per operation and filter. The seed goes in as bytes, not as
 * text after an xor, which cancelled a one-digit seed against its own digit.
 */
export function deriveSeed(seed: number, label: string): number {
  let hash = 2_166_136_261;
  const mix = (value: number) => {
    hash ^= value;
    hash = Math.imul(hash, 16_777_619) >>> 0;
  };
  const low = seed >>> 0;
  const high = Math.floor(seed / 4_294_967_296) >>> 0;
  for (const word of [low, high])
    for (let shift = 0; shift < 32; shift += 8) mix((word >>> shift) & 0xff);
  for (const char of label) mix(char.codePointAt(0) ?? 0);
  return hash;
}
