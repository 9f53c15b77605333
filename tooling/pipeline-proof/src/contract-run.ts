// The contract suite filtered to one operation: the checks (and negative checks) of that
// operation against the mock server in every mode, the MSW handlers and the proxy, read back
// from vitest's JSON report. Filtered by test name (`-t`): the checks are named
// `<operationId>: <check>` and `negative: <operationId>: <check>`.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './run.js';

/** The suites run, by their file, and what the table calls them. */
export const CONTRACT_SUITES = {
  'test/contract/mock.contract.test.ts': 'mock',
  'test/contract/msw.contract.test.ts': 'MSW',
  'test/contract/proxy.contract.test.ts': 'proxy',
} as const;
export type ContractSuite = (typeof CONTRACT_SUITES)[keyof typeof CONTRACT_SUITES];

export interface ContractRun {
  code: number;
  /** Checks of the operation that passed and failed, per suite. */
  passed: Record<ContractSuite, number>;
  failed: Record<ContractSuite, number>;
  /** The failed checks' names and first message lines. */
  failures: string[];
  output: string;
}

interface JsonReport {
  testResults: {
    name: string;
    status: string;
    message?: string;
    assertionResults: { fullName: string; status: string; failureMessages?: string[] }[];
  }[];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Runs the suites of `packages/contract-tests` in `repoDir`, filtered to `operationId`. */
export async function runContractChecks(
  repoDir: string,
  operationId: string,
): Promise<ContractRun> {
  const cwd = join(repoDir, 'packages/contract-tests');
  const report = join(cwd, 'reports/vitest.json');
  rmSync(report, { force: true });
  const result = await run(
    process.execPath,
    [
      join(cwd, 'node_modules/vitest/vitest.mjs'),
      'run',
      ...Object.keys(CONTRACT_SUITES),
      '-t',
      `\\b${escapeRegExp(operationId)}: `,
      '--reporter=json',
    ],
    { cwd, timeoutMs: 600_000 },
  );
  const passed = { mock: 0, MSW: 0, proxy: 0 };
  const failed = { mock: 0, MSW: 0, proxy: 0 };
  const failures: string[] = [];
  let parsed: JsonReport | undefined;
  try {
    parsed = JSON.parse(readFileSync(report, 'utf8')) as JsonReport;
  } catch {
    failures.push(`no report from vitest (exit ${result.code})`);
  }
  for (const file of parsed?.testResults ?? []) {
    const suite = Object.entries(CONTRACT_SUITES).find(([path]) => file.name.endsWith(path))?.[1];
    if (!suite) continue;
    // A suite whose target did not start, or a file that did not load.
    if (file.status === 'failed' && file.message) failures.push(`${suite}: ${file.message}`);
    for (const test of file.assertionResults) {
      if (!test.fullName.includes(`${operationId}: `)) continue;
      if (test.status === 'passed') passed[suite]++;
      if (test.status === 'failed') {
        failed[suite]++;
        const message = (test.failureMessages?.[0] ?? '').split('\n')[0];
        failures.push(`${test.fullName}: ${message}`);
      }
    }
  }
  return { code: result.code, passed, failed, failures, output: result.output };
}
