import { defineConfig } from 'vitest/config';

// CONTRACT_TARGET=live (the scheduled live workflow) runs only the live suite; its settings
// then demand the credentials instead of skipping.
const liveOnly = process.env.CONTRACT_TARGET?.trim() === 'live';

export default defineConfig({
  test: {
    include: liveOnly ? ['test/contract/live.contract.test.ts'] : ['test/**/*.test.ts'],
    // The JSON report is a turbo output that .ci/run sums into its last line; the JUnit file is
    // the CI-friendly report of the contract (one <testcase> per check, failures with the path).
    reporters: ['default', 'json', 'junit'],
    outputFile: { json: 'reports/vitest.json', junit: 'reports/junit.xml' },
    // Servers (mock, recorded upstream) start in beforeAll; Prism needs a few seconds on a busy box.
    hookTimeout: 90_000,
    testTimeout: 30_000,
  },
});
