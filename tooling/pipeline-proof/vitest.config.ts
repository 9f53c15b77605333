import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each file builds whole copies of the workspace: give them time, and run them one at a time
    // so they do not fight over the machine's two cores.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    fileParallelism: false,
    // The JSON report is a turbo output; .ci/run sums every package's into its last line.
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/vitest.json' },
  },
});
