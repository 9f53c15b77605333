// Proof that the contract checks catch drift: every check, run against the recorded upstream
// serving each kind of drift, must fail with a ContractViolations naming the drifted JSON path
// and the rule it breaks. (Against the conforming recorded upstream the same checks pass: see
// recorded.contract.test.ts.) The first-page failure of each is printed, as the evidence.
import type { Operation } from '@ofauth-mass-messages/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractChecks } from '../../src/checks.js';
import { DRIFT_KINDS, type DriftKind, driftPage } from '../../src/drift.js';
import { ContractViolations } from '../../src/expect-conforms.js';
import { recordedItems, recordingFor } from '../../src/recordings.js';
import { contractSpec } from '../../src/spec.js';
import { startRecordedTarget, type Target } from '../../src/target.js';
import { pageOperationOf, recordingOf, recordings } from '../fixtures/recordings.js';

/** The drift the upstream makes to the default first page of `operation`: its exact path. */
function firstPageDrift(kind: DriftKind, { operationId }: Operation) {
  const operation = pageOperationOf(operationId);
  const items = recordedItems(recordingOf(operationId), operation);
  const page = {
    [operation.itemsField]: items.slice(0, operation.pageSize?.default ?? items.length),
    hasMore: false,
  };
  const { drift } = driftPage(kind, operation.itemsField, page);
  if (!drift) {
    throw new Error(`the recorded first page of ${operation.operationId} has nothing to drift`);
  }
  return drift;
}

/** The same drift on any page: only the item index may differ. */
function anyPagePattern(operationId: string, path: string): RegExp {
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('\\[0\\]', '\\[\\d+\\]');
  return new RegExp(`^${operationId}: ${escaped} `, 'm');
}

// The recorded operations' checks: an operation without a recording cannot drift here.
const spec = contractSpec();
const checks = contractChecks(
  spec,
  spec.operations.filter((op) => recordingFor(recordings, op)),
);

describe.each(DRIFT_KINDS)('drift proof: upstream drifted by %s', (kind) => {
  let target: Target;
  beforeAll(async () => {
    target = await startRecordedTarget(recordings, kind);
  });
  afterAll(async () => {
    await target.stop();
  });

  it.each(checks.map((check) => [check.name, check] as const))(
    '%s fails, naming the path and rule',
    async (name, check) => {
      const error = await check.run(target.context()).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error, `${name} passed against drift ${kind}`).toBeInstanceOf(ContractViolations);
      const message = (error as Error).message;
      const { operationId } = check.operation;
      const drift = firstPageDrift(kind, check.operation);
      expect(message).toMatch(anyPagePattern(operationId, drift.path));
      expect(message).toContain(`(rule "${drift.keyword}"`);
      if (name.endsWith('first page (defaults)')) {
        const line = `${operationId}: ${drift.path} `;
        expect(message).toContain(line);
        // The evidence, once per drift and operation, in the run's output.
        const caught = message.split('\n').find((l) => l.startsWith(line));
        console.log(`drift ${kind} caught: ${caught}`);
      }
    },
  );
});
