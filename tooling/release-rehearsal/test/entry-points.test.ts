// Reading a manifest's entry points, in each form `exports` takes.
import { describe, expect, it } from 'vitest';
import { entryPoints } from '../src/entry-points.js';

describe('entryPoints', () => {
  it('reads subpaths with conditions, skipping package.json and patterns', () => {
    const entries = entryPoints({
      name: '@s/spec',
      exports: {
        '.': { types: './dist/index.d.ts', default: './dist/index.js' },
        './node': {
          types: './dist/node.d.ts',
          import: './dist/node.mjs',
          require: './dist/node.cjs',
        },
        './openapi.json': './dist/openapi.json',
        './notes.md': './NOTES.md',
        './features/*': './dist/features/*.js',
        './package.json': './package.json',
      },
    });
    expect(entries).toEqual([
      { specifier: '@s/spec', target: './dist/index.js', kind: 'js', typed: true },
      { specifier: '@s/spec/node', target: './dist/node.mjs', kind: 'js', typed: true },
      {
        specifier: '@s/spec/openapi.json',
        target: './dist/openapi.json',
        kind: 'json',
        typed: false,
      },
      { specifier: '@s/spec/notes.md', target: './NOTES.md', kind: 'file', typed: false },
    ]);
  });

  it('reads root conditions, nested conditions and fallback arrays', () => {
    expect(
      entryPoints({ name: 'a', exports: { node: { import: './n.js' }, default: './d.js' } }),
    ).toEqual([{ specifier: 'a', target: './n.js', kind: 'js', typed: false }]);
    expect(entryPoints({ name: 'b', exports: [{ worker: './w.js' }, './b.js'] })).toEqual([
      { specifier: 'b', target: './b.js', kind: 'js', typed: false },
    ]);
  });

  it('takes a string export, or main without exports, and drops a null (blocked) subpath', () => {
    expect(entryPoints({ name: 'c', exports: './c.js' })).toHaveLength(1);
    expect(entryPoints({ name: 'd', main: './d.js' })).toEqual([
      { specifier: 'd', target: './d.js', kind: 'js', typed: false },
    ]);
    expect(entryPoints({ name: 'e', exports: { '.': './e.js', './internal': null } })).toHaveLength(
      1,
    );
    expect(entryPoints({ name: 'f' })).toEqual([]);
  });
});
