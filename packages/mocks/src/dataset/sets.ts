// The record sets of a seed in dataset mode: how many records each holds (the operation's size
// from the options, split over the values of its enum filter, or a seeded 2 to 4 default pages),
// and where its ids start, so that no two sets of a seed share an id.
import type { Operation, PageOperation } from '@ofauth-mass-messages/spec/operations';
import { type DatasetSize, DEFAULT_DATASET_SIZE } from '../core/options.js';
import { own } from '../core/own.js';
import type { SpecData } from '../core/spec-data.js';
import { type Filters, filterCombinations } from './filters.js';
import type { IdSource } from './media.js';
import { deriveSeed, type Random } from './random.js';

/** The dataset sizes the options name, by the operation they size. */
const SIZED: Record<string, keyof typeof DEFAULT_DATASET_SIZE> = {
  listMassMessages: 'massMessages',
  listPurchasedMassMessages: 'purchased',
};
/** How a sized operation's records split across the values of its enum filter. */
const SHARES: Record<string, number> = { sent: 0.6, scheduled: 0.25 };
/** Records per value: the shares above, then the rest split evenly over the other values. */
function splitByValue(total: number, values: readonly unknown[]): Map<unknown, number> {
  const counts = new Map<unknown, number>();
  let left = total;
  for (const value of values) {
    const share = own(SHARES, String(value));
    if (share !== undefined) {
      const count = Math.min(left, Math.round(total * share));
      counts.set(value, count);
      left -= count;
    }
  }
  const others = values.filter((value) => own(SHARES, String(value)) === undefined);
  others.forEach((value, index) => {
    counts.set(value, Math.floor(left / others.length) + (index < left % others.length ? 1 : 0));
  });
  if (others.length === 0 && values[0] !== undefined) {
    counts.set(values[0], (counts.get(values[0]) ?? 0) + left);
  }
  return counts;
}

/** The enum filter a sized operation's total is split over (its first non-boolean enum). */
export function splitRule(operation: Operation) {
  return operation.query.find(
    (rule) =>
      rule.enum && rule.type !== 'boolean' && rule.name !== 'limit' && rule.name !== 'offset',
  );
}

/** How many records a set holds: a share of the operation's size, or 2 to 4 default pages. */
export function setSize(
  operation: PageOperation,
  filters: Filters,
  size: DatasetSize,
  random: Random,
): number {
  const sized = own(SIZED, operation.operationId);
  if (sized !== undefined) {
    const total = size[sized] ?? DEFAULT_DATASET_SIZE[sized];
    const rule = splitRule(operation);
    if (!rule?.enum) return total;
    return splitByValue(total, rule.enum).get(filters[rule.name] ?? rule.default) ?? 0;
  }
  const pageSize = operation.pageSize?.default ?? 10;
  return size.generated ?? random.int(2 * pageSize, 4 * pageSize);
}

/** Where a set's ids start: the sets of one seed never share an id (up to 100,000 records each). */
export function idsFor(index: number): IdSource {
  let message = 2_954_107_733 - index * 100_000;
  let media = 3_811_920_455 + index * 400_000;
  let form = 90_211 + index * 100_000;
  let queue = 77_120_934 + index * 100_000;
  let person = 427_716_502 + index * 100_000;
  return {
    // Message ids go down as messages get older, like the API's.
    message: () => message--,
    media: () => media++,
    form: () => form++,
    queue: () => queue++,
    person: () => person++,
  };
}

/**
 * A set's place among the sets of a seed, for its ids: the operation's place, then the filter
 * combination's; a set picked by path values gets a place of its own past those.
 */
export function setIndex(spec: SpecData, operation: Operation, filters: Filters): number {
  const position = spec.operations.findIndex((op) => op.operationId === operation.operationId);
  const key = JSON.stringify(filters);
  const combination = filterCombinations(operation).findIndex((c) => JSON.stringify(c) === key);
  if (operation.pathParams.length === 0 && combination >= 0) return position * 64 + combination;
  return spec.operations.length * 64 + (deriveSeed(position, key) % 900);
}
