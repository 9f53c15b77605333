import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DATASET_SEED,
  DEFAULT_MODE,
  type MockOptions,
  resolveMockOptions,
} from '../../src/core/options.js';

describe('resolveMockOptions', () => {
  it('defaults to dataset mode with its seed, no latency, Retry-After 1', () => {
    expect(resolveMockOptions()).toEqual({
      mode: DEFAULT_MODE,
      seed: DEFAULT_DATASET_SEED,
      dataset: {},
      latency: 0,
      retryAfter: 1,
    });
    expect(DEFAULT_MODE).toBe('dataset');
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
