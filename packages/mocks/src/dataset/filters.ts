// Which record set a request reads: its filters (the query values that select records, defaults
// filled in, with the path values), as opposed to the values that page (`limit`, `offset`) or
// narrow a date range (ranges.ts) over the same set.
import { meetsRule } from '@ofauth-mass-messages/core';
import type { Operation } from '@ofauth-mass-messages/spec/operations';

/** The values that pick a record set: a key of the store, and what a set is generated for. */
export type Filters = Record<string, unknown>;

const PAGING = new Set(['limit', 'offset']);

/**
 * The filters of a request: its query values other than limit, offset and `exclude` (a date
 * range's), rule defaults filled in, then its path values.
 */
export function filtersOf(
  operation: Operation,
  values: Record<string, unknown>,
  exclude: readonly string[] = [],
  pathValues: Record<string, unknown> = {},
): Filters {
  const filters: Filters = {};
  for (const rule of operation.query) {
    if (PAGING.has(rule.name) || exclude.includes(rule.name)) continue;
    const value = values[rule.name] ?? rule.default;
    if (value !== undefined && value !== null) filters[rule.name] = value;
  }
  for (const rule of operation.pathParams) filters[rule.name] = pathValues[rule.name];
  return filters;
}

/**
 * One value each path parameter accepts (its first enum value, default or lower bound, else 1 or
 * a word), so that a start can build and check a set of an operation with path parameters too;
 * undefined when a rule accepts none of these.
 */
function samplePathValues(operation: Operation): Record<string, unknown> | undefined {
  const values: Record<string, unknown> = {};
  for (const rule of operation.pathParams) {
    const candidates = [
      rule.enum?.[0],
      rule.default,
      rule.minimum,
      rule.exclusiveMinimum === undefined ? undefined : Math.floor(rule.exclusiveMinimum) + 1,
      1,
      'sample',
      true,
    ];
    const value = candidates.find(
      (candidate) => candidate !== undefined && meetsRule(rule, candidate),
    );
    if (value === undefined) return undefined;
    values[rule.name] = value;
  }
  return values;
}

/**
 * Every combination of an operation's enum and boolean filters (others at their defaults), at
 * most 64: the sets a start builds and checks. An operation with path parameters, whose sets are
 * as many as the values a client may send, is sampled with one value each.
 */
export function filterCombinations(operation: Operation): Filters[] {
  const path = samplePathValues(operation);
  if (path === undefined) return [];
  let combinations: Filters[] = [filtersOf(operation, {}, [], path)];
  for (const rule of operation.query) {
    const values = rule.enum ?? (rule.type === 'boolean' ? [true, false] : undefined);
    if (!values || PAGING.has(rule.name)) continue;
    // Left out is a set of its own when nothing fills it in.
    const absent = rule.default === undefined && !rule.required;
    combinations = combinations
      .flatMap((filters) => [
        ...(absent ? [filters] : []),
        ...values.map((value) => ({ ...filters, [rule.name]: value })),
      ])
      .slice(0, 64);
  }
  return combinations;
}
