// Counting an installed node_modules, on a tree laid out as npm lays it out: the counts the
// footprint table reports come from here.
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { countNodeModules } from '../src/footprint.js';

let project: string | undefined;
afterEach(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

/** A project whose node_modules holds `files` (path → size in bytes) and npm's hidden lockfile. */
function installed(packages: string[], files: Record<string, number>): string {
  const dir = mkdtempSync(join(tmpdir(), 'footprint-test-'));
  for (const [path, size] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), 'x'.repeat(size));
  }
  const lock = {
    packages: {
      '': { name: 'footprint' },
      ...Object.fromEntries(packages.map((path) => [path, { version: '1.0.0' }])),
      'node_modules/linked': { link: true },
    },
  };
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  writeFileSync(join(dir, 'node_modules/.package-lock.json'), JSON.stringify(lock));
  return dir;
}

describe('countNodeModules', () => {
  it('counts every installed package, nested and scoped ones too, but not links', async () => {
    project = installed(['node_modules/a', 'node_modules/@s/b', 'node_modules/a/node_modules/c'], {
      'node_modules/a/index.js': 1_000,
      'node_modules/a/node_modules/c/index.js': 300,
      'node_modules/@s/b/index.js': 2_000,
    });
    const footprint = await countNodeModules(project);
    expect(footprint.packages).toBe(3);
    expect(footprint.names).toEqual(['@s/b', 'a', 'c']);
  });

  it('weighs every file under node_modules, and ranks the top-level packages by weight', async () => {
    project = installed(['node_modules/a', 'node_modules/@s/b', 'node_modules/a/node_modules/c'], {
      'node_modules/a/index.js': 1_000,
      'node_modules/a/node_modules/c/index.js': 300,
      'node_modules/@s/b/index.js': 2_000,
      'node_modules/@s/b/lib/more.js': 500,
    });
    const { bytes, disk, heaviest } = await countNodeModules(project, 2);
    const lockBytes = statSync(join(project, 'node_modules/.package-lock.json')).size;
    expect(bytes).toBe(1_000 + 300 + 2_000 + 500 + lockBytes);
    // Each file takes at least one block on disk, each folder too.
    expect(disk).toBeGreaterThanOrEqual(bytes);
    expect(heaviest).toEqual([
      ['@s/b', 2_500],
      ['a', 1_300],
    ]);
  });
});
