/** Where each test tier writes its vitest JSON report, relative to the package. */
export declare const REPORTS: { unit: 'reports/vitest.json'; e2e: 'reports/vitest-e2e.json' };

/** The package.json script that runs each tier. */
export declare const TIER_SCRIPTS: { unit: 'test'; e2e: 'test:e2e' };
