// The contract checks against the recorded upstream: recorded API answers replayed on
// 127.0.0.1. Conforming by default, so this passes; `CONTRACT_DRIFT=<kind>` serves every page
// drifted that way instead, to watch the same checks fail by hand (see README).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractChecks } from '../../src/checks.js';
import { readSettings } from '../../src/settings.js';
import { startRecordedTarget, type Target } from '../../src/target.js';
import { recordings } from '../fixtures/recordings.js';

const { drift } = readSettings();

describe(`contract: recorded upstream (${drift ? `CONTRACT_DRIFT=${drift}` : 'conforming'})`, () => {
  let target: Target;
  beforeAll(async () => {
    target = await startRecordedTarget(recordings, drift);
  });
  afterAll(async () => {
    await target.stop();
  });

  it.each(contractChecks().map((check) => [check.name, check] as const))(
    '%s',
    async (_name, check) => {
      // A check throws a ContractViolations error naming the operation, JSON path and rule.
      await expect(check.run(target.context())).resolves.toBeUndefined();
    },
  );
});
