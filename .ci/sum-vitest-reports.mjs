// Sums the vitest JSON reports of both test tiers in every workspace package (as
// pnpm-workspace.yaml lists them) into the plain line CI reads: "N passed, N failed". A package
// owes a report for each tier it has a script for (`test`, `test:e2e`); a missing one counts as
// a failure, and a run that tested nothing exits non-zero, so that no run can look green by
// testing less. Usage: node .ci/sum-vitest-reports.mjs [workspace root]
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { workspacePackages } from '../tooling/repo-checks/scripts/workspace.mjs';
import { REPORTS, TIER_SCRIPTS } from '../tooling/vitest-preset/reports.js';

const root = resolve(process.argv[2] ?? fileURLToPath(new URL('..', import.meta.url)));

/**
 * A report's failures: its failed tests, plus each test file that failed with no failed test in
 * it (it threw before any test ran) and, failing all that, a run vitest itself marked failed (an
 * unhandled error): either would otherwise sum as "0 failed".
 * @param {{ numFailedTests: number, success?: boolean, testResults?: Array<{ name: string,
 *   status: string, message?: string, assertionResults?: Array<{ status: string }> }> }} json
 */
function failuresIn(json) {
  const outsideTests = (json.testResults ?? [])
    .filter((file) => file.status === 'failed')
    .filter((file) => !(file.assertionResults ?? []).some((test) => test.status === 'failed'))
    .map((file) => `${file.name}: ${(file.message ?? '').split('\n')[0] || 'failed'}`);
  if (json.numFailedTests + outsideTests.length === 0 && json.success === false) {
    outsideTests.push('vitest failed the run outside any test (an unhandled error?)');
  }
  return { count: json.numFailedTests + outsideTests.length, outsideTests };
}

let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];

for (const { dir, manifest } of workspacePackages(root)) {
  const scripts = manifest.scripts ?? {};
  for (const tier of /** @type {const} */ (['unit', 'e2e'])) {
    const script = scripts[TIER_SCRIPTS[tier]];
    if (typeof script !== 'string' || !/\bvitest\b/.test(script)) continue;
    const label = tier === 'unit' ? dir : `${dir} (${TIER_SCRIPTS[tier]})`;
    const report = join(root, dir, REPORTS[tier]);
    if (!existsSync(report)) {
      missing.push(label);
      continue;
    }
    const json = JSON.parse(readFileSync(report, 'utf8'));
    const failures = failuresIn(json);
    passed += json.numPassedTests;
    failed += failures.count;
    skipped += json.numPendingTests + (json.numTodoTests ?? 0);
    console.log(`${label}: ${json.numPassedTests} passed, ${failures.count} failed`);
    for (const reason of failures.outsideTests) console.log(`  ${reason}`);
  }
}

if (missing.length > 0) console.log(`no vitest report from: ${missing.join(', ')}`);
if (skipped > 0) console.log(`${skipped} skipped`);
// The last line, exactly this shape: what CI reads.
console.log(`${passed} passed, ${failed + missing.length} failed`);
process.exit(failed > 0 || missing.length > 0 || passed === 0 ? 1 : 0);
