import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Server tests start real Prism processes (about 1.5 s each on an idle 2-core machine, far
    // more while CI runs every package's tests at once): generous bounds, never hit when healthy.
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // The JSON report is a turbo output; .ci/run sums every package's into its last line.
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/vitest.json' },
  },
});
