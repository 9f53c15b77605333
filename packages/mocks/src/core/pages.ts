// The 200 page of a request, by mode: the spec's examples in sequence, or a slice of the record
// set (dataset, dynamic) for the request's filters and seed.
import type { PageOperation as Operation } from '@ofauth-mass-messages/spec/operations';
import { pageOf } from '../dataset/paging.js';
import { createRecordStore, filtersOf, type RecordCheck } from '../dataset/store.js';
import { type ExamplePages, examplePages } from './examples.js';
import type { ResolvedMockOptions } from './options.js';
import type { Preferences } from './prefer.js';
import { JSON_TYPE, json, type MockResponse } from './response.js';
import type { SpecData } from './spec-data.js';

export interface Pager {
  page(operation: Operation, values: Record<string, unknown>, prefer: Preferences): MockResponse;
  /** Builds (and checks) every record set of the mock's seed now. */
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
  const examples = new Map<string, ExamplePages>();
  const serialized = new WeakMap<readonly unknown[], string[]>();

  return {
    warm: () => store?.warm(seed),
    page(operation, values, prefer) {
      // Without a limit or a documented default, every record the request selects.
      const limit =
        (values.limit as number | undefined) ??
        operation.pageSize?.default ??
        Number.MAX_SAFE_INTEGER;
      const offset = (values.offset as number | null | undefined) ?? 0;
      if (!store) {
        let pages = examples.get(operation.operationId);
        if (!pages) {
          pages = examplePages(spec, operation);
          examples.set(operation.operationId, pages);
        }
        return json(200, pages.page(offset, limit));
      }
      const records = store.records(operation, filtersOf(operation, values), prefer.seed ?? seed);
      // Each record is serialized once per record set; a page joins the texts it holds, so a
      // request costs a slice and a join, not a JSON.stringify of tens of kB.
      let texts = serialized.get(records);
      if (!texts) {
        texts = records.map((record) => JSON.stringify(record));
        serialized.set(records, texts);
      }
      const { items, hasMore } = pageOf(texts, limit, offset);
      return {
        status: 200,
        headers: { ...JSON_TYPE },
        body: `{${JSON.stringify(operation.itemsField)}:[${items.join(',')}],"hasMore":${hasMore}}`,
      };
    },
  };
}
