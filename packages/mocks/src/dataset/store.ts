// The records dataset and dynamic modes serve, per operation and filter: a page operation's
// record set (what it lists, in order), and an object operation's one body. Both come from the
// spec's schemas (schema-faker.ts); dataset mode makes known fields realistic (generate.ts).
// Built lazily and cached (a bounded number), so a start costs little and a `Prefer: seed=`
// request builds only what it reads; each is checked once when built.
import type {
  ObjectOperation,
  Operation,
  PageOperation,
} from '@ofauth-mass-messages/spec/operations';
import type { DatasetSize, MockMode } from '../core/options.js';
import { own } from '../core/own.js';
import type { SpecData } from '../core/spec-data.js';
import { Fields } from './fields.js';
import { type Filters, filterCombinations } from './filters.js';
import { DATASET_FAKER, datasetRecords } from './generate.js';
import { createRandom, deriveSeed } from './random.js';
import { fakeValue } from './schema-faker.js';

export { type Filters, filterCombinations, filtersOf } from './filters.js';

/** How many cached sets a store keeps (a seed or a path value per request could grow it). */
const CACHE_LIMIT = 64;

/** A page operation's records for one filter, and the rest of its page body. */
export interface RecordSet {
  records: readonly unknown[];
  /** Fields the page schema has beside its items and `hasMore` (generated once per set). */
  extras: Record<string, unknown>;
}

export interface RecordStore {
  /** The record set a page operation lists for these filters, in the order it is paged. */
  set(operation: PageOperation, filters: Filters, seed: number): RecordSet;
  /** The records of that set (what `set` holds). */
  records(operation: PageOperation, filters: Filters, seed: number): readonly unknown[];
  /** Those of its records a date range keeps, cached under the range's own key. */
  ranged(
    operation: PageOperation,
    filters: Filters,
    seed: number,
    range: { key: string; keep: (item: unknown) => boolean },
  ): readonly unknown[];
  /** The 200 body of an object operation for these filters (and path values): seeded, stable. */
  object(operation: ObjectOperation, filters: Filters, seed: number): unknown;
  /** Builds (and checks) every set of every operation for each value of its enum filters. */
  warm(seed: number): void;
}

/** Called once per 200 body (a whole record set as one page) when built; throws on a bad one. */
export type RecordCheck = (operation: Operation, body: unknown) => void;

/** A record set the check rejected: the mock says so (a 500 naming it), instead of serving it. */
export class InvalidRecordsError extends Error {
  override name = 'InvalidRecordsError';
}

const WITH = /^with([A-Z]\w*)$/;

/**
 * The vendor's `with…` switches (`withTotal`): `true` asks for the part of that name (`total`),
 * `false` leaves it out, as far as the schema lets (a required part stays; one it lacks is not
 * made up).
 */
function honourWith(operation: Operation, filters: Filters, body: Fields): void {
  for (const rule of operation.query) {
    const part = WITH.exec(rule.name)?.[1];
    const asked = filters[rule.name];
    if (rule.type !== 'boolean' || part === undefined || typeof asked !== 'boolean') continue;
    const name = part.charAt(0).toLowerCase() + part.slice(1);
    if (asked) body.nested(name, true);
    else body.drop(name);
  }
}

export function createRecordStore(
  spec: SpecData,
  mode: Exclude<MockMode, 'examples'>,
  size: DatasetSize = {},
  check?: RecordCheck,
): RecordStore {
  const cache = new Map<string, unknown>();
  const remember = <T>(key: string, make: () => T): T => {
    if (cache.has(key)) {
      const value = cache.get(key) as T;
      // Most recently used last: the first key is always the one to drop.
      cache.delete(key);
      cache.set(key, value);
      return value;
    }
    const value = make();
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(key, value);
    return value;
  };
  const checked = <T>(operation: Operation, body: unknown, value: T): T => {
    try {
      check?.(operation, body);
    } catch (error) {
      throw new InvalidRecordsError((error as Error).message, { cause: error });
    }
    return value;
  };
  const faker = (operation: Operation, filters: Filters, seed: number, label: string) => ({
    random: createRandom(
      deriveSeed(seed, `${operation.operationId} ${label} ${JSON.stringify(filters)}`),
    ),
    schemas: spec.schemas,
    ...(mode === 'dataset' ? DATASET_FAKER : {}),
  });

  /** Dynamic mode's records: the item schema's every shape, 2 to 4 default pages of them. */
  const generated = (operation: PageOperation, filters: Filters, seed: number) => {
    const context = faker(operation, filters, seed, 'records');
    const pageSize = operation.pageSize?.default ?? 10;
    const total = size.generated ?? context.random.int(2 * pageSize, 4 * pageSize);
    const schema = own(spec.itemSchemas, operation.operationId) ?? {};
    return Array.from({ length: total }, () => fakeValue(schema, context));
  };

  /** The page body's other fields: generated from the page schema, items and hasMore left out. */
  const extrasOf = (operation: PageOperation, filters: Filters, seed: number) => {
    const body = fakeValue(own(spec.bodySchemas, operation.operationId) ?? {}, {
      ...faker(operation, filters, seed, 'page'),
      optional: 0,
      nulls: 0,
    });
    const extras = { ...(body as Record<string, unknown>) };
    delete extras[operation.itemsField];
    delete extras.hasMore;
    return extras;
  };

  const store: RecordStore = {
    set(operation, filters, seed) {
      return remember(`set ${seed} ${operation.operationId} ${JSON.stringify(filters)}`, () => {
        const records =
          mode === 'dataset'
            ? datasetRecords(spec, operation, filters, seed, size)
            : generated(operation, filters, seed);
        const extras = extrasOf(operation, filters, seed);
        const body = { ...extras, [operation.itemsField]: records, hasMore: false };
        return checked(operation, body, { records, extras });
      });
    },
    records: (operation, filters, seed) => store.set(operation, filters, seed).records,
    ranged(operation, filters, seed, range) {
      const { records } = store.set(operation, filters, seed);
      return remember(
        `range ${seed} ${operation.operationId} ${JSON.stringify(filters)} ${range.key}`,
        () => records.filter(range.keep),
      );
    },
    object(operation, filters, seed) {
      return remember(`object ${seed} ${operation.operationId} ${JSON.stringify(filters)}`, () => {
        const schema = own(spec.bodySchemas, operation.operationId) ?? {};
        const context = faker(operation, filters, seed, 'object');
        const body = fakeValue(schema, context);
        if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
          honourWith(
            operation,
            filters,
            new Fields(body as Record<string, unknown>, schema, context),
          );
        }
        return checked(operation, body, body);
      });
    },
    warm(seed) {
      for (const operation of spec.operations) {
        for (const filters of filterCombinations(operation)) {
          if (operation.kind === 'page') store.set(operation, filters, seed);
          else store.object(operation, filters, seed);
        }
      }
    },
  };
  return store;
}
