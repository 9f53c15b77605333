// Reads the contract suite's vitest JSON report after a failed live run and prints GitHub step
// outputs: `title` (the first drift found, for the issue title) and `details` (every failure
// line naming an operation and a JSON path). Used by .github/workflows/contract-live.yml.
import { readFileSync } from 'node:fs';

/**
 * @typedef {{ status: string, failureMessages?: string[] }} AssertionResult
 * @typedef {{ testResults?: Array<{ assertionResults?: AssertionResult[] }> }} VitestReport
 */

/**
 * Failure lines of the form "<operationId>: $.path … (rule …)" from a vitest JSON report.
 * @param {VitestReport} report
 */
export function driftLines(report) {
  /** @type {Set<string>} */
  const lines = new Set();
  for (const file of report.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (test.status !== 'failed') continue;
      for (const message of test.failureMessages ?? []) {
        for (const line of message.split('\n')) {
          const match = line.match(/(\w+: \$[^\s]*.*)$/);
          if (match?.[1]) lines.add(match[1].trim());
        }
      }
    }
  }
  return [...lines];
}

/**
 * GitHub step output lines: a one-line title and a multi-line details block.
 * @param {string[]} lines
 */
export function formatOutputs(lines) {
  const title =
    lines.length === 0
      ? 'the live suite failed (no schema path in the report)'
      : `${lines[0]}${lines.length > 1 ? ` (+${lines.length - 1} more)` : ''}`;
  const details = lines.length === 0 ? 'see the run log' : lines.join('\n');
  return `title=${title.slice(0, 200)}\ndetails<<DRIFT_EOF\n${details}\nDRIFT_EOF\n`;
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const path = process.argv[2];
  if (!path) {
    console.error('usage: drift-summary.mjs <vitest-report.json>');
    process.exit(2);
  }
  /** @type {VitestReport} */
  let report;
  try {
    report = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    // No report (the suite crashed before writing one) still gives the issue a title.
    console.error(`could not read ${path}: ${error instanceof Error ? error.message : error}`);
    report = {};
  }
  process.stdout.write(formatOutputs(driftLines(report)));
}
