// Where each test tier writes its vitest JSON report, relative to the package: one file per tier,
// so that neither run overwrites the other's. The preset writes them; .ci/sum-vitest-reports.mjs
// reads them. No imports, so that a plain `node` script can read it before anything is built.
export const REPORTS = { unit: 'reports/vitest.json', e2e: 'reports/vitest-e2e.json' };

/** The package.json script that runs each tier, and so whose report a package must have. */
export const TIER_SCRIPTS = { unit: 'test', e2e: 'test:e2e' };
