// The 200 answer of a request, by operation kind and mode. A page: the spec's examples in
// sequence, or a slice of the record set (dataset, dynamic) for the request's filters, path
// values and seed, narrowed to its date range; `hasMore` says whether the set (in that range)
// holds more, with or without an `offset` to reach them. An object: the spec's 200 example, or
// the one body generated for the request (dataset, dynamic).
import type {
  ObjectOperation,
  Operation,
  PageOperation,
} from '@ofauth-mass-messages/spec/operations';
import { filtersOf } from '../dataset/filters.js';
import { pageOf } from '../dataset/paging.js';
import { type DateRange, rangeNames, rangeOf, withinRange } from '../dataset/ranges.js';
import { createRecordStore, type RecordCheck } from '../dataset/store.js';
import { type ExamplePages, examplePages } from './examples.js';
import type { ResolvedMockOptions } from './options.js';
import { own } from './own.js';
import type { Preferences } from './prefer.js';
import { JSON_TYPE, json, type MockResponse } from './response.js';
import type { SpecData } from './spec-data.js';

export interface Pager {
  /** The 200 answer of `operation` for a request's checked query and path values. */
  answer(
    operation: Operation,
    values: Record<string, unknown>,
    pathValues: Record<string, unknown>,
    prefer: Preferences,
  ): MockResponse;
  /** Builds (and checks) every record set and object of the mock's seed now. */
  warm(): void;
}

export function createPager(
  spec: SpecData,
  options: ResolvedMockOptions,
  check?: RecordCheck,
): Pager {
  const { mode, seed = 0 } = options;
  const store =
    mode === 'examples' ? undefined : createRecordStore(spec, mode, options.dataset, check);
  // Examples mode, for an operation the spec gives no 200 example: generated from its schema,
  // with seed 0, rather than nothing.
  let fallback: ReturnType<typeof createRecordStore> | undefined;
  const storeFor = (operation: Operation) => {
    if (store) return { store, at: undefined };
    if (
      Object.keys(own(spec.responses, operation.operationId)?.['200']?.examples ?? {}).length > 0
    ) {
      return undefined;
    }
    fallback ??= createRecordStore(spec, 'dynamic', options.dataset, check);
    return { store: fallback, at: 0 };
  };
  const examples = new Map<string, ExamplePages>();
  const ranges = new Map<string, DateRange | undefined>();
  const serialized = new WeakMap<readonly unknown[], string[]>();
  const extrasText = new WeakMap<object, string>();

  const rangeFor = (operation: Operation) => {
    if (!ranges.has(operation.operationId)) {
      const item =
        operation.kind === 'page' ? own(spec.itemSchemas, operation.operationId) : undefined;
      ranges.set(operation.operationId, rangeOf(operation, item, spec.schemas));
    }
    return ranges.get(operation.operationId);
  };

  function page(
    operation: PageOperation,
    values: Record<string, unknown>,
    pathValues: Record<string, unknown>,
    prefer: Preferences,
  ): MockResponse {
    // Without a limit or a documented default, every record the request selects.
    const limit =
      (values.limit as number | undefined) ??
      operation.pageSize?.default ??
      Number.MAX_SAFE_INTEGER;
    const offset = (values.offset as number | null | undefined) ?? 0;
    const range = rangeFor(operation);
    const keep = withinRange(range, values);
    const source = storeFor(operation);
    if (!source) {
      let pages = examples.get(operation.operationId);
      if (!pages) {
        pages = examplePages(spec, operation);
        examples.set(operation.operationId, pages);
      }
      return json(200, pages.page(offset, limit, keep));
    }
    const filters = filtersOf(operation, values, rangeNames(range), pathValues);
    const at = source.at ?? prefer.seed ?? seed;
    const set = source.store.set(operation, filters, at);
    const rangeKey = range
      ? rangeNames(range)
          .map((name) => String(values[name]))
          .join(' ')
      : '';
    const records = keep
      ? source.store.ranged(operation, filters, at, { key: rangeKey, keep })
      : set.records;
    // Each record is serialized once per record set; a page joins the texts it holds, so a
    // request costs a slice and a join, not a JSON.stringify of tens of kB.
    let texts = serialized.get(records);
    if (!texts) {
      texts = records.map((record) => JSON.stringify(record));
      serialized.set(records, texts);
    }
    let extras = extrasText.get(set.extras);
    if (extras === undefined) {
      const text = JSON.stringify(set.extras);
      extras = text === '{}' ? '' : `${text.slice(1, -1)},`;
      extrasText.set(set.extras, extras);
    }
    const { items, hasMore } = pageOf(texts, limit, offset);
    return {
      status: 200,
      headers: { ...JSON_TYPE },
      body: `{${extras}${JSON.stringify(operation.itemsField)}:[${items.join(',')}],"hasMore":${hasMore}}`,
    };
  }

  function object(
    operation: ObjectOperation,
    values: Record<string, unknown>,
    pathValues: Record<string, unknown>,
    prefer: Preferences,
  ): MockResponse {
    const source = storeFor(operation);
    if (!source) {
      // The first 200 example, as written.
      const [example] = Object.values(
        own(spec.responses, operation.operationId)?.['200']?.examples ?? {},
      );
      return json(200, example);
    }
    const filters = filtersOf(operation, values, [], pathValues);
    return json(200, source.store.object(operation, filters, source.at ?? prefer.seed ?? seed));
  }

  return {
    warm: () => store?.warm(seed),
    answer: (operation, values, pathValues, prefer) =>
      operation.kind === 'page'
        ? page(operation, values, pathValues, prefer)
        : object(operation, values, pathValues, prefer),
  };
}
