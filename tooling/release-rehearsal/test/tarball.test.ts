// The tarball checks, on tarballs made up here: each rule is shown to pass a good one and to name
// what is wrong in a bad one.
import { describe, expect, it } from 'vitest';
import { checkTarball, type TarballFile } from '../src/tarball.js';

const file = (name: string, text: string): TarballFile => ({
  name,
  data: new TextEncoder().encode(text),
});
const map = (name: string, fields: Record<string, unknown>) =>
  file(name, JSON.stringify({ version: 3, mappings: 'AAAA', names: [], ...fields }));
const base = [
  file('package.json', '{"name":"x"}'),
  file('README.md', '# x'),
  file('CHANGELOG.md', '# x'),
  file('LICENSE', 'MIT'),
];

describe('checkTarball', () => {
  it('passes a tarball whose maps carry their sources', () => {
    const report = checkTarball([
      ...base,
      file('dist/index.js', 'export {};\n//# sourceMappingURL=index.js.map'),
      map('dist/index.js.map', { sources: ['../src/index.ts'], sourcesContent: ['export {};'] }),
    ]);
    expect(report).toMatchObject({ files: 6, maps: 1, problems: [] });
  });

  it('passes a map whose sources are in the tarball, through its sourceRoot', () => {
    const report = checkTarball([
      ...base,
      file('src/index.ts', 'export {};'),
      map('dist/index.js.map', { sourceRoot: '../', sources: ['src/index.ts'] }),
    ]);
    expect(report.problems).toEqual([]);
  });

  it('names a map whose sources are neither inside it nor in the tarball', () => {
    const report = checkTarball([
      ...base,
      map('dist/index.d.ts.map', { sources: ['../src/index.ts'] }),
      map('dist/a.js.map', {
        sources: ['../src/a.ts', '../src/b.ts'],
        sourcesContent: ['x', null],
      }),
    ]);
    expect(report.problems).toEqual([
      'dist/index.d.ts.map: maps ../src/index.ts, which is neither in the map nor in the tarball',
      'dist/a.js.map: maps ../src/b.ts, which is neither in the map nor in the tarball',
    ]);
  });

  it('names a script whose source map is missing', () => {
    const report = checkTarball([
      ...base,
      file('dist/a.js', 'x;\n//# sourceMappingURL=a.js.map\n'),
    ]);
    expect(report.problems).toEqual(['dist/a.js: its source map a.js.map is not in the tarball']);
  });

  it('names a missing README, CHANGELOG or LICENSE', () => {
    expect(checkTarball([file('package.json', '{}')]).problems).toEqual([
      'no README.md',
      'no CHANGELOG.md',
      'no LICENSE',
    ]);
  });

  it('names one document packed twice, in the same format or another', () => {
    const doc = { openapi: '3.1.0', info: { title: 'x'.repeat(1100) }, paths: {} };
    const yaml = `openapi: 3.1.0\ninfo:\n  title: ${'x'.repeat(1100)}\npaths: {}\n`;
    const report = checkTarball([
      ...base,
      file('openapi.yaml', yaml),
      file('dist/openapi.yaml', yaml),
      file('dist/openapi.json', JSON.stringify(doc, null, 2)),
    ]);
    expect(report.problems).toEqual([
      'dist/openapi.yaml: the same bytes as openapi.yaml',
      'dist/openapi.yaml: the same document as openapi.yaml',
      'dist/openapi.json: the same document as openapi.yaml',
      'dist/openapi.json: the same document as dist/openapi.yaml',
    ]);
  });

  it('lets small equal files be (boilerplate, not a file packed twice)', () => {
    const report = checkTarball([
      ...base,
      file('dist/a.d.ts', 'export {};\n'),
      file('dist/b.d.ts', 'export {};\n'),
    ]);
    expect(report.problems).toEqual([]);
  });
});
