import { packageConfig } from '@ofauth-mass-messages/vitest-preset';

const config = packageConfig({
  // Besides the preset's JSON report (mergeConfig appends): the JUnit file, the CI-friendly
  // report of the contract (one <testcase> per check, failures naming the JSON path and rule).
  reporters: ['junit'],
  outputFile: { junit: 'reports/junit.xml' },
  // Servers (mock, proxy, recorded upstream) start in beforeAll; give them time on a busy box.
  hookTimeout: 90_000,
  testTimeout: 30_000,
});

// CONTRACT_TARGET=live (the scheduled live workflow) runs only the live suite; its settings
// then demand the credentials instead of skipping. Replaced, not merged: merging would append.
if (process.env.CONTRACT_TARGET?.trim() === 'live' && config.test) {
  config.test.include = ['test/contract/live.contract.test.ts'];
}

export default config;
