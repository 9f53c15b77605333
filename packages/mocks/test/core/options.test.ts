import { describe, expect, it } from 'vitest';
import { type MockOptions, resolveMockOptions } from '../../src/core/options.js';

describe('resolveMockOptions', () => {
  it('defaults to what the README documents: dataset mode, seed 1, no latency, Retry-After 1', () => {
    // The documented values, written out: a changed default is a change users see.
    expect(resolveMockOptions()).toEqual(
      resolveMockOptions({ mode: 'dataset', seed: 1, latency: 0, retryAfter: 1 }),
    );
    expect(resolveMockOptions()).not.toEqual(resolveMockOptions({ mode: 'examples' }));
  });

  it.each<[MockOptions, number | undefined]>([
    [{ mode: 'dataset', seed: 9 }, 9],
    [{ mode: 'examples', seed: 9 }, undefined],
    [{ mode: 'dynamic', seed: 3 }, 3],
  ])('%j has seed %s', (options, seed) => {
    expect(resolveMockOptions(options).seed).toBe(seed);
  });

  it('picks a seed for dynamic mode when none is given, so its pages hold together', () => {
    expect(resolveMockOptions({ mode: 'dynamic' }).seed).toEqual(expect.any(Number));
  });

  it.each<[string, MockOptions, RegExp]>([
    [
      'an unknown mode',
      { mode: 'live' as never },
      /Invalid mode: "live"; expected one of dataset, examples, dynamic/,
    ],
    ['a negative seed', { seed: -3 }, /Invalid seed: -3/],
    ['a fractional seed', { seed: 0.5 }, /Invalid seed: 0\.5/],
    ['a negative dataset size', { dataset: { purchased: -1 } }, /Invalid dataset\.purchased: -1/],
    ['a latency above a minute', { latency: 60_001 }, /Invalid latency: 60001/],
    ['a negative retryAfter', { retryAfter: -1 }, /Invalid retryAfter: -1/],
  ])('rejects %s with a message naming it', (_case, options, message) => {
    expect(() => resolveMockOptions(options)).toThrow(message);
  });
});
