import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The browser test builds the app and drives Chromium: seconds, not milliseconds.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The JSON report is a turbo output; .ci/run sums every package's into its last line.
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/vitest.json' },
  },
});
