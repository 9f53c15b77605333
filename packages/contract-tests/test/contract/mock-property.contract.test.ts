// A property against the mock server in dataset mode: random valid parameters (from each
// operation's query rules) always get a conforming page, and the page asked for: the slice of
// the whole list (read once per filter set with the client's page API) at that offset and limit.
// Over the operations paged by offset, whose pages are slices of one list.
import type {
  OffsetPageOperation as Operation,
  ParamRule as QueryRule,
} from '@ofauth-mass-messages/spec';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChecked } from '../../src/checks.js';
import { call, pageApi, plain, type QueryValues } from '../../src/driver.js';
import { startMockTarget } from '../../src/mock-target.js';
import { contractSpec, filterRules, isOffsetPaged, itemsOf } from '../../src/spec.js';
import type { Target } from '../../src/target.js';

let target: Target;
beforeAll(async () => {
  target = await startMockTarget('dataset');
});
afterAll(async () => {
  await target?.stop();
});

/** Valid values of one rule: its enum, or integers within its bounds (offset past the end too). */
function valuesOf(rule: QueryRule, total: number): fc.Arbitrary<unknown> {
  if (rule.enum) return fc.constantFrom(...rule.enum);
  if (rule.name === 'offset') return fc.integer({ min: rule.minimum ?? 0, max: total + 5 });
  return fc.integer({ min: rule.minimum ?? 0, max: rule.maximum ?? 1_000 });
}

/** Random valid parameter sets of an operation; any parameter may be left out. */
function validParams(operation: Operation, total: number): fc.Arbitrary<QueryValues> {
  const rules = operation.query.filter((rule) => rule.type === 'integer' || rule.enum);
  return fc.record(Object.fromEntries(rules.map((rule) => [rule.name, valuesOf(rule, total)])), {
    requiredKeys: [],
  });
}

describe('property: random valid parameters always get a conforming page (mock, dataset mode)', () => {
  it.each(
    contractSpec()
      .operations.filter(isOffsetPaged)
      .map((op) => [op.operationId, op] as const),
  )('%s (40 runs)', async (_operationId, operation) => {
    const context = target.context();
    const everything = new Map<string, unknown[]>();
    /** The whole list for the filters of `params`, read once through the client. */
    const wholeList = async (params: QueryValues) => {
      const filters = Object.fromEntries(
        filterRules(operation)
          .filter((rule) => params[rule.name] !== undefined)
          .map((rule) => [rule.name, params[rule.name]]),
      );
      const key = JSON.stringify(filters);
      let items = everything.get(key);
      if (!items) {
        const client = target.context().client;
        const first = await call(client, operation, {
          ...filters,
          limit: operation.pageSize.maximum,
        });
        const pages: unknown[] = [];
        for await (const page of pageApi(operation, first).iterPages()) pages.push(page);
        items = pages.flatMap((page) => itemsOf(operation, page));
        everything.set(key, items);
      }
      return items;
    };
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(validParams(operation, 60), async (params) => {
        const whole = await wholeList(params);
        const page = plain(
          await runChecked(context.recorder, () => call(context.client, operation, params)),
        );
        const limit = (params.limit as number | undefined) ?? operation.pageSize.default;
        const offset = (params.offset as number | undefined) ?? 0;
        const expected = whole.slice(offset, offset + limit);
        expect(itemsOf(operation, page)).toEqual(expected);
        expect(page.hasMore).toBe(offset + expected.length < whole.length);
        runs += 1;
      }),
      { numRuns: 40 },
    );
    expect(runs).toBe(40);
  });
});
