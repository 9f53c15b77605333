// .ci/sum-vitest-reports.mjs, run on a made-up workspace: it sums both tiers' reports, owes a
// report for each tier a package has a script for, and never exits 0 for a run that tested less.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../../.ci/sum-vitest-reports.mjs', import.meta.url));

type Report = {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests?: number;
  numFailedTestSuites?: number;
  success?: boolean;
  testResults?: Array<{ name: string; status: string; message: string; assertionResults: [] }>;
};
type Pkg = { scripts: Record<string, string>; reports?: Record<string, Report> };

const pass = (n: number): Report => ({ numPassedTests: n, numFailedTests: 0, success: true });
const both = { test: 'vitest run', 'test:e2e': 'vitest run --mode e2e' };

let roots: string[] = [];
afterEach(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
  roots = [];
});

/** A workspace of the given packages (folder → scripts and report files); the script's result. */
function sum(packages: Record<string, Pkg>) {
  const root = mkdtempSync(join(tmpdir(), 'sum-reports-'));
  roots.push(root);
  writeFileSync(
    join(root, 'pnpm-workspace.yaml'),
    'packages:\n  - packages/*\n  - examples/*\n  - tooling/*\n  - bench\n',
  );
  for (const [dir, { scripts, reports = {} }] of Object.entries(packages)) {
    mkdirSync(join(root, dir), { recursive: true });
    writeFileSync(join(root, dir, 'package.json'), JSON.stringify({ scripts }));
    for (const [file, report] of Object.entries(reports)) {
      mkdirSync(dirname(join(root, dir, file)), { recursive: true });
      const full = { numPendingTests: 0, numFailedTestSuites: 0, success: true, ...report };
      writeFileSync(join(root, dir, file), JSON.stringify(full));
    }
  }
  const run = spawnSync(process.execPath, [script, root], { encoding: 'utf8' });
  const lines = run.stdout.trim().split('\n');
  return { code: run.status, last: lines.at(-1), output: run.stdout + run.stderr };
}

describe('.ci/sum-vitest-reports.mjs', () => {
  it.each<[string, Record<string, Pkg>, string, number]>([
    [
      'sums the first and the second tier of every package',
      {
        'packages/a': {
          scripts: both,
          reports: { 'reports/vitest.json': pass(3), 'reports/vitest-e2e.json': pass(2) },
        },
        'tooling/b': {
          scripts: { test: 'vitest run' },
          reports: { 'reports/vitest.json': pass(4) },
        },
        bench: { scripts: { test: 'vitest run' }, reports: { 'reports/vitest.json': pass(1) } },
      },
      '10 passed, 0 failed',
      0,
    ],
    [
      'counts a missing second-tier report as a failure',
      { 'packages/a': { scripts: both, reports: { 'reports/vitest.json': pass(3) } } },
      '3 passed, 1 failed',
      1,
    ],
    [
      'counts a missing first-tier report as a failure',
      { 'examples/w': { scripts: both, reports: { 'reports/vitest-e2e.json': pass(2) } } },
      '2 passed, 1 failed',
      1,
    ],
    [
      'owes no report for a tier the package has no vitest script for',
      {
        'packages/a': {
          scripts: { test: 'vitest run' },
          reports: { 'reports/vitest.json': pass(2) },
        },
        'packages/lint-only': { scripts: { lint: 'biome check .' } },
        'packages/other': { scripts: { test: 'node check.mjs' } },
      },
      '2 passed, 0 failed',
      0,
    ],
    [
      'fails on a failed test in either tier',
      {
        'packages/a': {
          scripts: both,
          reports: {
            'reports/vitest.json': pass(3),
            'reports/vitest-e2e.json': { numPassedTests: 1, numFailedTests: 2, success: false },
          },
        },
      },
      '4 passed, 2 failed',
      1,
    ],
    [
      'counts a test file that failed before any test ran (an import that throws) as a failure',
      {
        'packages/a': {
          scripts: { test: 'vitest run' },
          reports: {
            'reports/vitest.json': {
              numPassedTests: 1,
              numFailedTests: 0,
              numFailedTestSuites: 1,
              success: false,
              testResults: [
                {
                  name: '/a/test/broken.test.ts',
                  status: 'failed',
                  message: "Cannot find module './missing.js'",
                  assertionResults: [],
                },
              ],
            },
          },
        },
      },
      '1 passed, 1 failed',
      1,
    ],
    [
      'counts a run vitest failed with every test passed (an unhandled error) as a failure',
      {
        'packages/a': {
          scripts: { test: 'vitest run' },
          reports: {
            'reports/vitest.json': { numPassedTests: 2, numFailedTests: 0, success: false },
          },
        },
      },
      '2 passed, 1 failed',
      1,
    ],
    [
      'fails when nothing was tested',
      {
        'packages/a': {
          scripts: { test: 'vitest run' },
          reports: { 'reports/vitest.json': pass(0) },
        },
      },
      '0 passed, 0 failed',
      1,
    ],
  ])('%s', (_name, packages, line, code) => {
    const result = sum(packages);
    expect(result.last, result.output).toBe(line);
    expect(result.code, result.output).toBe(code);
  });

  it('ends with the plain line even when tests were skipped, giving the skipped count before it', () => {
    const result = sum({
      'packages/a': {
        scripts: { test: 'vitest run' },
        reports: { 'reports/vitest.json': { ...pass(3), numPendingTests: 2 } },
      },
    });
    expect(result.last, result.output).toBe('3 passed, 0 failed');
    expect(result.output).toContain('2 skipped');
    expect(result.code).toBe(0);
  });

  it('names the package and tier of each report it read or missed', () => {
    const result = sum({
      'packages/a': { scripts: both, reports: { 'reports/vitest.json': pass(3) } },
    });
    expect(result.output).toContain('packages/a: 3 passed, 0 failed');
    expect(result.output).toContain('no vitest report from: packages/a (test:e2e)');
  });
});
