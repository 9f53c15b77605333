import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { preloadUrls, prismArguments, prismCliPath } from '../../src/prism/command.js';

const base = { document: '/tmp/openapi.json', host: '127.0.0.1', port: 0, seed: undefined };

/** Prism's own arguments: everything after its CLI entry. */
function prismPart(args: string[]): string[] {
  return args.slice(args.indexOf(prismCliPath()) + 1);
}

describe('prismArguments', () => {
  it('runs `prism mock` with --errors for examples mode', () => {
    const args = prismPart(prismArguments({ ...base, mode: 'examples' }));
    expect(args.slice(0, 2)).toEqual(['mock', '/tmp/openapi.json']);
    expect(args).toContain('--errors');
    expect(args).not.toContain('--dynamic');
    expect(args.join(' ')).toContain('--host 127.0.0.1 --port 0');
  });

  it('adds --dynamic and the seed for dynamic mode', () => {
    const args = prismPart(prismArguments({ ...base, mode: 'dynamic', seed: 42 }));
    expect(args).toContain('--dynamic');
    expect(args.join(' ')).toContain('--seed 42');
  });

  it('leaves the seed out of dynamic mode when there is none', () => {
    expect(prismPart(prismArguments({ ...base, mode: 'dynamic' }))).not.toContain('--seed');
  });

  it('runs `prism proxy <document> <upstream> --errors` for dataset mode', () => {
    const args = prismPart(
      prismArguments({ ...base, mode: 'dataset', seed: 1, upstream: 'http://127.0.0.1:9999' }),
    );
    expect(args.slice(0, 3)).toEqual(['proxy', '/tmp/openapi.json', 'http://127.0.0.1:9999']);
    expect(args).toContain('--errors');
  });

  it.each([
    [true, 'info'],
    [false, 'warn'],
    [undefined, 'info'],
  ])('verbose %s → --verboseLevel %s', (verbose, level) => {
    const args = prismPart(
      prismArguments({ ...base, mode: 'examples', ...(verbose === undefined ? {} : { verbose }) }),
    );
    expect(args.join(' ')).toContain(`--verboseLevel ${level}`);
  });

  it('refuses dataset mode without an upstream', () => {
    expect(() => prismArguments({ ...base, mode: 'dataset' })).toThrow(/upstream/);
  });

  it('preloads the child modules, which exist', () => {
    const args = prismArguments({ ...base, mode: 'examples' });
    for (const url of preloadUrls()) {
      expect(args[args.indexOf(url) - 1]).toBe('--import');
      expect(existsSync(fileURLToPath(url))).toBe(true);
    }
    expect(existsSync(prismCliPath())).toBe(true);
  });
});
