// One suite shape for every target: start it in beforeAll, stop it by its own handle in afterAll,
// one test per check. Each test asserts what the check saw (requests to the operation's path,
// the statuses expected), so a check that sent nothing, or reached another path, fails too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CheckOutcome, type ContractCheck, contractChecks } from '../../src/checks.js';
import { type ErrorCheck, errorChecks } from '../../src/error-checks.js';
import type { ContractSpec } from '../../src/spec.js';
import type { Target } from '../../src/target.js';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The path template as a pattern: each `{name}` one non-empty segment. */
const pathPattern = (template: string) =>
  template
    .split(/\{[^}]*\}/)
    .map(escapeRegExp)
    .join('[^/?]+');

/** A passing check's outcome: it asked its operation's path, and got `status` at the end. */
export function expectOutcome(
  outcome: CheckOutcome,
  check: ContractCheck | ErrorCheck,
  status: number,
): void {
  expect(outcome.operationId).toBe(check.operation.operationId);
  expect(outcome.requests.length).toBeGreaterThan(0);
  for (const request of outcome.requests) {
    expect(request).toMatch(new RegExp(`^GET ${pathPattern(check.operation.path)}(\\?|$)`));
  }
  expect(outcome.statuses.at(-1)).toBe(status);
}

export interface ContractSuite {
  /** The spec the checks come from (and the negative checks): the bundle's by default. */
  spec?: ContractSpec;
  /** The checks to run; every check of the spec's table by default. */
  checks?: ContractCheck[];
  /** Which negative checks to run: none by default. */
  errors?: 'all' | 'parameters';
  /** Tests of what is particular to this target, by name, each given the started target. */
  targetTests?: Record<string, (target: Target) => Promise<void>>;
}

/** Declares the suite of `title`: the target from `start`, its checks, its negative checks. */
export function describeContract(
  title: string,
  start: () => Promise<Target>,
  suite: ContractSuite = {},
): void {
  describe(title, () => {
    let target: Target | undefined;
    const started = () => {
      if (!target) throw new Error(`${title}: the target did not start (see beforeAll)`);
      return target;
    };
    beforeAll(async () => {
      target = await start();
    });
    afterAll(async () => {
      await target?.stop();
    });

    for (const [name, test] of Object.entries(suite.targetTests ?? {})) {
      it(name, () => test(started()));
    }

    const checks = suite.checks ?? contractChecks(suite.spec);
    it.each(checks.map((check) => [check.name, check] as const))('%s', async (_name, check) => {
      expectOutcome(await check.run(started().context()), check, 200);
    });

    // Negative checks of the same operations as the checks (the recorded upstream has fewer).
    const operations = new Set(checks.map((check) => check.operation));
    const operationIds = new Set([...operations].map((op) => op.operationId));
    const negatives = errorChecks(suite.spec).filter(
      (check) =>
        suite.errors !== undefined &&
        operationIds.has(check.operation.operationId) &&
        (suite.errors === 'all' || check.kind !== 'credentials'),
    );
    it.each(negatives.map((check) => [check.name, check] as const))(
      'negative: %s',
      async (_name, check) => {
        const outcome = await check.run((tamper) => started().context(tamper));
        if (check.kind === 'client') {
          // Refused before sending: nothing reached the target.
          expect(outcome).toEqual({
            operationId: check.operation.operationId,
            requests: [],
            statuses: [],
          });
        } else {
          expectOutcome(outcome, check, check.kind === 'credentials' ? 401 : 400);
        }
      },
    );
  });
}
