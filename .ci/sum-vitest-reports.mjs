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
    passed += json.numPassedTests;
    failed += json.numFailedTests;
    skipped += json.numPendingTests + (json.numTodoTests ?? 0);
    console.log(`${label}: ${json.numPassedTests} passed, ${json.numFailedTests} failed`);
  }
}

if (missing.length > 0) console.log(`no vitest report from: ${missing.join(', ')}`);
console.log(
  `${passed} passed, ${failed + missing.length} failed${skipped ? `, ${skipped} skipped` : ''}`,
);
process.exit(failed > 0 || missing.length > 0 || passed === 0 ? 1 : 0);
