// The records dataset and dynamic modes page through, per operation and filter. Records come
// from the item schema (schema-faker.ts) for every operation; in dataset mode the two operations
// with hand-made, realistic generators (generate.ts) use those instead. Built lazily and cached,
// so a start costs nothing and a `Prefer: seed=` request builds only what it reads.
import type { PageOperation as Operation } from '@ofauth-mass-messages/spec/operations';
import { type DatasetSize, DEFAULT_DATASET_SIZE, type MockMode } from '../core/options.js';
import { own } from '../core/own.js';
import type { SpecData } from '../core/spec-data.js';
import { createDataset } from './generate.js';
import { createRandom, deriveSeed } from './random.js';
import type { Dataset } from './records.js';
import { fakeValue } from './schema-faker.js';

/** The query values that select records (everything but `limit` and `offset`), defaults applied. */
export type Filters = Record<string, unknown>;

/** Hand-made generators by operationId: realistic records, used in dataset mode. */
const OVERRIDES: Record<string, (dataset: Dataset, filters: Filters) => readonly unknown[]> = {
  listMassMessages: (dataset, filters) => own(dataset.massMessages, String(filters.type)) ?? [],
  listPurchasedMassMessages: (dataset) => dataset.purchased,
};

/** How many cached record sets a store keeps (a seed per request could grow it without end). */
const CACHE_LIMIT = 64;

export interface RecordStore {
  /** The records an operation serves for these filters, in the order they are paged. */
  records(operation: Operation, filters: Filters, seed: number): readonly unknown[];
  /** Builds (and checks) every operation's records for each value of its enum filters. */
  warm(seed: number): void;
}

/** Called once per record set when it is built; throws when the spec would reject it. */
export type RecordCheck = (operation: Operation, records: readonly unknown[]) => void;

/** A record set the check rejected: the mock says so (a 500 naming it), instead of serving it. */
export class InvalidRecordsError extends Error {
  override name = 'InvalidRecordsError';
}

/** Every combination of an operation's enum filters (others at their defaults), at most 64. */
export function filterCombinations(operation: Operation): Filters[] {
  let combinations: Filters[] = [filtersOf(operation, {})];
  for (const rule of operation.query) {
    const values = rule.enum;
    if (!values || rule.name === 'limit' || rule.name === 'offset') continue;
    combinations = combinations
      .flatMap((filters) => values.map((value) => ({ ...filters, [rule.name]: value })))
      .slice(0, 64);
  }
  return combinations;
}

/** The filters of a query: its values other than limit/offset, rule defaults filled in. */
export function filtersOf(operation: Operation, values: Record<string, unknown>): Filters {
  const filters: Filters = {};
  for (const rule of operation.query) {
    if (rule.name === 'limit' || rule.name === 'offset') continue;
    const value = values[rule.name] ?? rule.default;
    if (value !== undefined && value !== null) filters[rule.name] = value;
  }
  return filters;
}

export function createRecordStore(
  spec: SpecData,
  mode: Exclude<MockMode, 'examples'>,
  size: DatasetSize = {},
  check?: RecordCheck,
): RecordStore {
  const cache = new Map<string, readonly unknown[]>();
  const datasets = new Map<number, Dataset>();
  const remember = <T>(map: Map<unknown, T>, key: unknown, make: () => T): T => {
    let value = map.get(key);
    if (value === undefined) {
      value = make();
      if (map.size >= CACHE_LIMIT) map.delete(map.keys().next().value);
      map.set(key, value);
    }
    return value;
  };
  const typeRule = spec.operations
    .find((op) => op.operationId === 'listMassMessages')
    ?.query.find((rule) => rule.name === 'type');
  const dataset = (seed: number) =>
    remember(datasets, seed, () =>
      createDataset({
        seed,
        massMessages: size.massMessages ?? DEFAULT_DATASET_SIZE.massMessages,
        purchased: size.purchased ?? DEFAULT_DATASET_SIZE.purchased,
        ...(typeRule?.enum ? { types: typeRule.enum.map(String) } : {}),
      }),
    );

  const generated = (operation: Operation, filters: Filters, seed: number) => {
    const random = createRandom(
      deriveSeed(seed, `${operation.operationId} ${JSON.stringify(filters)}`),
    );
    // Two to four pages of the default size (ten when the spec documents none).
    const pageSize = operation.pageSize?.default ?? 10;
    const total = size.generated ?? random.int(2 * pageSize, 4 * pageSize);
    const schema = own(spec.itemSchemas, operation.operationId) ?? {};
    const context = { random, schemas: spec.schemas };
    return Array.from({ length: total }, () => fakeValue(schema, context));
  };

  const store: RecordStore = {
    records(operation, filters, seed) {
      const override = mode === 'dataset' ? own(OVERRIDES, operation.operationId) : undefined;
      const key = `${seed} ${operation.operationId} ${JSON.stringify(filters)}`;
      return remember(cache, key, () => {
        const records = override
          ? override(dataset(seed), filters)
          : generated(operation, filters, seed);
        try {
          check?.(operation, records);
        } catch (error) {
          throw new InvalidRecordsError((error as Error).message, { cause: error });
        }
        return records;
      });
    },
    warm(seed) {
      for (const operation of spec.operations) {
        for (const filters of filterCombinations(operation))
          store.records(operation, filters, seed);
      }
    },
  };
  return store;
}
