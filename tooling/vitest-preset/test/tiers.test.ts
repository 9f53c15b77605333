// The preset's two tiers, run for real on a made-up package: `vitest run` takes every test file
// but `*.e2e.test.ts`, `vitest run --mode e2e` takes only those, and each writes its own report.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from 'vitest/node';
import { REPORTS } from '../reports.js';

const preset = fileURLToPath(new URL('../index.js', import.meta.url));
const vitestBin = join(
  dirname(createRequire(import.meta.url).resolve('vitest/package.json')),
  'vitest.mjs',
);

const UNIT = ['test/a.test.ts', 'test/deep/b.test.ts'];
const E2E = ['test/c.e2e.test.ts', 'test/deep/d.e2e.test.ts'];

let pkg: string;

beforeAll(() => {
  pkg = mkdtempSync(join(tmpdir(), 'preset-tiers-'));
  // Globals: the made-up package has no node_modules to import vitest from.
  writeFileSync(
    join(pkg, 'vitest.config.mjs'),
    `import { packageConfig, typeTests } from ${JSON.stringify(preset)};\n` +
      'export default packageConfig({ globals: true, typecheck: typeTests });\n',
  );
  for (const file of [...UNIT, ...E2E]) {
    mkdirSync(dirname(join(pkg, file)), { recursive: true });
    writeFileSync(join(pkg, file), `it(${JSON.stringify(file)}, () => expect(1).toBe(1));\n`);
  }
});

afterAll(() => {
  rmSync(pkg, { recursive: true, force: true });
});

function vitest(args: string[]) {
  // Type tests off on the command line: the made-up package has no tsc to run them with.
  const run = spawnSync(
    process.execPath,
    [vitestBin, 'run', '--typecheck.enabled=false', ...args],
    {
      cwd: pkg,
      encoding: 'utf8',
      env: { ...process.env, CI: 'true', NO_COLOR: '1' },
    },
  );
  return { code: run.status, output: run.stdout + run.stderr };
}

/** The test files a report lists, relative to the package. */
function filesIn(report: string): string[] {
  const json = JSON.parse(readFileSync(join(pkg, report), 'utf8')) as {
    testResults: Array<{ name: string }>;
  };
  return json.testResults.map((result) => relative(pkg, result.name)).sort();
}

describe('the two test tiers', () => {
  it.each([
    ['the first tier (`vitest run`)', [], REPORTS.unit, UNIT],
    ['the second tier (`vitest run --mode e2e`)', ['--mode', 'e2e'], REPORTS.e2e, E2E],
  ])('%s runs its own files into its own report', (_name, args, report, files) => {
    rmSync(join(pkg, 'reports'), { recursive: true, force: true });
    const run = vitest(args);
    expect(run.code, run.output).toBe(0);
    expect(filesIn(report)).toEqual(files);
    const other = report === REPORTS.unit ? REPORTS.e2e : REPORTS.unit;
    expect(existsSync(join(pkg, other)), `${other} written too`).toBe(false);
  });

  it('running one tier leaves the other tier’s report as it was', () => {
    rmSync(join(pkg, 'reports'), { recursive: true, force: true });
    expect(vitest([]).code).toBe(0);
    const unitReport = readFileSync(join(pkg, REPORTS.unit), 'utf8');
    expect(vitest(['--mode', 'e2e']).code).toBe(0);
    expect(readFileSync(join(pkg, REPORTS.unit), 'utf8')).toBe(unitReport);
    expect(filesIn(REPORTS.e2e)).toEqual(E2E);
  });

  it('the second tier leaves type tests to the first, even where the package turns them on', async () => {
    const [unit, e2e] = await Promise.all(
      [undefined, 'e2e'].map((mode) =>
        resolveConfig({
          root: pkg,
          config: join(pkg, 'vitest.config.mjs'),
          ...(mode ? { mode } : {}),
        }),
      ),
    );
    expect(unit?.vitestConfig.typecheck.enabled).toBe(true);
    expect(e2e?.vitestConfig.typecheck.enabled).toBe(false);
  });
});
