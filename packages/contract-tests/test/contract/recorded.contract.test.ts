// The contract checks against the recorded upstream: recorded API answers replayed on
// 127.0.0.1. Conforming by default, so this passes; `CONTRACT_DRIFT=<kind>` serves every page
// drifted that way instead, to watch the same checks fail by hand (see README). An operation of
// the spec without a recording is named here and checked against the mocks only.
import { describe, expect, it } from 'vitest';
import { contractChecks } from '../../src/checks.js';
import { recordingFor, unrecordedOperations } from '../../src/recordings.js';
import { readSettings } from '../../src/settings.js';
import { contractSpec } from '../../src/spec.js';
import { startRecordedTarget } from '../../src/target.js';
import { recordings } from '../fixtures/recordings.js';
import { describeContract } from './describe-contract.js';

const { drift } = readSettings();
const spec = contractSpec();
const unrecorded = unrecordedOperations(spec, recordings);
const recorded = spec.operations.filter((op) => recordingFor(recordings, op));

console.log(
  `recorded upstream: operations without a recording (checked on the mocks only): ${
    unrecorded.map((op) => op.operationId).join(', ') || 'none'
  }`,
);

describe('recorded upstream: coverage', () => {
  it('checks every recorded operation, and names each unrecorded one (checked on the mocks only)', () => {
    expect([...recorded, ...unrecorded].map((op) => op.operationId).sort()).toEqual(
      spec.operations.map((op) => op.operationId).sort(),
    );
    for (const operation of unrecorded) {
      expect(recordingFor(recordings, operation)).toBeUndefined();
      // The mock suites run every check of the table, this operation's included.
      expect(contractChecks().some((check) => check.operation === operation)).toBe(true);
    }
    expect(new Set(contractChecks(spec, recorded).map((c) => c.operation))).toEqual(
      new Set(recorded),
    );
  });
});

describeContract(
  `contract: recorded upstream (${drift ? `CONTRACT_DRIFT=${drift}` : 'conforming'})`,
  () => startRecordedTarget(recordings, drift),
  // Drifted, only the page checks run (and fail): the negative checks' bodies do not drift.
  { checks: contractChecks(spec, recorded), ...(drift ? {} : { errors: 'all' as const }) },
);
