import { describe, expect, it } from 'vitest';
import { DEFAULT_DATASET_SEED, type MockServerOptions, resolveOptions } from '../src/options.js';

describe('resolveOptions', () => {
  it('defaults to examples mode on 127.0.0.1:4010 without a seed', () => {
    const resolved = resolveOptions();
    expect(resolved).toMatchObject({ mode: 'examples', host: '127.0.0.1', port: 4010 });
    expect(resolved.seed).toBeUndefined();
    expect(resolved.dataset).toEqual({ massMessages: 137, purchased: 250 });
  });

  it('gives dataset mode a seed when none is given, and keeps a given one', () => {
    expect(resolveOptions({ mode: 'dataset' }).seed).toBe(DEFAULT_DATASET_SEED);
    expect(resolveOptions({ mode: 'dataset', seed: 9 }).seed).toBe(9);
    expect(resolveOptions({ mode: 'dynamic' }).seed).toBeUndefined();
  });

  it('accepts port 0 (a free port)', () => {
    expect(resolveOptions({ port: 0 }).port).toBe(0);
  });

  it.each<[string, MockServerOptions, RegExp]>([
    ['a negative port', { port: -1 }, /Invalid port: -1/],
    ['a port above 65535', { port: 65_536 }, /Invalid port: 65536/],
    ['a fractional port', { port: 1.5 }, /Invalid port: 1\.5/],
    [
      'an unknown mode',
      { mode: 'live' as never },
      /Invalid mode: "live"; expected one of examples, dynamic, dataset/,
    ],
    ['an empty host', { host: ' ' }, /Invalid host/],
    ['a negative seed', { seed: -3 }, /Invalid seed: -3/],
    ['a fractional seed', { seed: 0.5 }, /Invalid seed: 0\.5/],
    ['a negative dataset size', { dataset: { purchased: -1 } }, /Invalid dataset\.purchased: -1/],
    ['a zero start timeout', { startTimeoutMs: 0 }, /Invalid startTimeoutMs: 0/],
  ])('rejects %s with a message naming it', (_case, options, message) => {
    expect(() => resolveOptions(options)).toThrow(message);
  });
});
