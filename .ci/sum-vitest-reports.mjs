// Sums the vitest JSON reports every package wrote (reports/vitest.json of packages/*, examples/*, tooling/*, bench) into the
// plain line CI reads: "N passed, N failed". Exits non-zero when nothing was tested or a report
// is missing for a package that has tests, so a run that tested nothing cannot look green.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];

// Every workspace package with a vitest config: packages/*, examples/*, tooling/* and bench/.
const packageDirs = [];
for (const dir of ['packages', 'examples', 'tooling']) {
  if (!existsSync(join(root, dir))) continue;
  for (const name of readdirSync(join(root, dir))) packageDirs.push(`${dir}/${name}`);
}
packageDirs.push('bench');

for (const rel of packageDirs) {
  const pkgDir = join(root, rel);
  if (!existsSync(join(pkgDir, 'vitest.config.ts'))) continue;
  const report = join(pkgDir, 'reports', 'vitest.json');
  if (!existsSync(report)) {
    missing.push(rel);
    continue;
  }
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  skipped += json.numPendingTests + (json.numTodoTests ?? 0);
  console.log(`${rel}: ${json.numPassedTests} passed, ${json.numFailedTests} failed`);
}

if (missing.length > 0) console.log(`no vitest report from: ${missing.join(', ')}`);
console.log(
  `${passed} passed, ${failed + missing.length} failed${skipped ? `, ${skipped} skipped` : ''}`,
);
process.exit(failed > 0 || missing.length > 0 || passed === 0 ? 1 : 0);
