// The contract checks against the mock in dataset mode (what CI runs): a seeded, finite set of
// records paged honestly, so paging must end, limits must hold and every response must conform.
// Then a property: any valid parameters give a conforming page, and the page asked for.
import assert from 'node:assert/strict';
import { createDataset } from '@ofauth-mass-messages/mocks';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { contractChecks, runChecked } from '../../src/checks.js';
import { driverFor, type ListParams } from '../../src/driver.js';
import { MOCK_DATASET, startMockTarget } from '../../src/mock-target.js';
import { allOperationFacts, type OperationFacts } from '../../src/spec-facts.js';
import type { Target } from '../../src/target.js';

let target: Target;
beforeAll(async () => {
  target = await startMockTarget('dataset');
});
afterAll(async () => {
  await target?.stop();
});

describe('contract: mock (dataset mode)', () => {
  it.each(contractChecks().map((check) => [check.name, check] as const))(
    '%s',
    async (_name, check) => {
      await check.run(target.context());
    },
  );
});

/** The records the mock serves for an operation and type: the same seeded dataset. */
const dataset = createDataset(MOCK_DATASET);
function recordsOf(facts: OperationFacts, type: string | undefined): Array<{ id: number }> {
  if (facts.operationId === 'listPurchasedMassMessages') return dataset.purchased;
  const filter = (type ?? facts.type?.default ?? 'sent') as keyof typeof dataset.massMessages;
  return dataset.massMessages[filter];
}

/** Valid parameter sets of an operation, within the spec's bounds; any key may be left out. */
function validParams(facts: OperationFacts, total: number): fc.Arbitrary<ListParams> {
  return fc.record(
    {
      limit: fc.integer({ min: facts.limit.min, max: facts.limit.max }),
      offset: fc.integer({ min: facts.offset.min, max: total + 5 }),
      ...(facts.type ? { type: fc.constantFrom(...facts.type.values) } : {}),
    },
    { requiredKeys: [] },
  );
}

describe('property: random valid parameters always get a conforming page (mock, dataset mode)', () => {
  it.each(allOperationFacts().map((facts) => [facts.operationId, facts] as const))(
    '%s (40 runs)',
    async (_operationId, facts) => {
      const context = target.context();
      const driver = driverFor(context.client, facts.operationId);
      const total = dataset.purchased.length + 1;
      await fc.assert(
        fc.asyncProperty(validParams(facts, total), async (params) => {
          const page = await runChecked(context.recorder, () => driver.list(params));
          const limit = params.limit ?? facts.limit.default;
          const offset = params.offset ?? facts.offset.default;
          const records = recordsOf(facts, params.type);
          const expected = records.slice(offset, offset + limit).map((r) => r.id);
          assert.ok(page.items.length <= limit, `at most ${limit} items`);
          assert.deepEqual(
            page.items.map((item) => (item as { id: number }).id),
            expected,
            'the page asked for',
          );
          assert.equal(page.hasMore, offset + expected.length < records.length, 'hasMore');
        }),
        { numRuns: 40 },
      );
    },
  );
});
