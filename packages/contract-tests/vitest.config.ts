import { packageConfig } from '@ofauth-mass-messages/vitest-preset';

const config = packageConfig({
  // Besides the preset's JSON report: the JUnit file, the CI-friendly report of the contract
  // (one <testcase> per check, failures naming the JSON path and rule).
  outputFile: { junit: 'reports/junit.xml' },
  // Servers (mock, proxy, recorded upstream) start in beforeAll; give them time on a busy box.
  hookTimeout: 90_000,
  testTimeout: 30_000,
});

if (config.test) {
  // Replaced, not merged (merging appends): `verbose` lists every check with its target in any
  // terminal, CI's included, where `default` shows only files and slow tests.
  config.test.reporters = ['verbose', 'json', 'junit'];
  // CONTRACT_TARGET=live (the scheduled live workflow) runs only the live suite; its settings
  // then demand the credentials instead of skipping.
  if (process.env.CONTRACT_TARGET?.trim() === 'live') {
    config.test.include = ['test/contract/live.contract.test.ts'];
  }
}

export default config;
