// The contract checks, enumerated from the operations table and run against every target (mock,
// MSW handlers, proxy, recorded upstream, live API). The same checks for every operation, plus
// one per value of each enum filter: a new operation in the spec gets its checks without an edit
// here. Each check calls the client as a user would, then every response that crossed the wire
// is validated against the spec; a broken response is reported before any client error, since
// it is the cause.
import assert from 'node:assert/strict';
import type { OFAuthClient } from '@ofauth-mass-messages/client';
import type { OffsetPageOperation as Operation } from '@ofauth-mass-messages/spec';
import { iterateItems, listPage, type QueryValues } from './driver.js';
import { expectResponsesConform } from './expect-conforms.js';
import type { RecordedResponse, RecordingFetch } from './recording-fetch.js';
import { type ContractSpec, contractSpec, filterRules, itemsOf } from './spec.js';

export interface PagingBound {
  /** Items per request when paging (capped at each operation's maximum `limit`). */
  pageSize: number;
  /** Items a paging check reads at most: the bound that keeps it finite. */
  maxItems: number;
  /**
   * The target's data is known to end within `maxItems` (mock, recorded upstream): paging must
   * then reach a page with `hasMore: false`, and "past the end" is where the paging ended.
   */
  reachesEnd: boolean;
}

/** Used as "past the end" when the target's data size is unknown (live API). */
export const FAR_OFFSET = 1_000_000;

export interface CheckContext {
  client: OFAuthClient;
  /** The fetch the client was created with: what went over the wire. */
  recorder: RecordingFetch;
  paging: PagingBound;
}

/** What a passing check saw: the suites assert on it, so a check that sent nothing fails. */
export interface CheckOutcome {
  operationId: string;
  /** `GET /path?query` of each request, in order. */
  requests: string[];
  /** The status of each response, in order. */
  statuses: number[];
}

export interface ContractCheck {
  /** `listMassMessages: first page (defaults)`: what a report lists. */
  name: string;
  operation: Operation;
  run(context: CheckContext): Promise<CheckOutcome>;
}

/**
 * Runs `body` with a fresh recorder, then validates every recorded response. Conformance
 * failures win over whatever `body` threw (which becomes their `cause`).
 */
export async function runChecked<T>(
  recorder: RecordingFetch,
  body: () => PromiseLike<T>,
  options: { skipStatuses?: readonly number[]; spec?: ContractSpec } = {},
): Promise<T> {
  recorder.clear();
  let result: T | undefined;
  let failure: { error: unknown } | undefined;
  try {
    result = await body();
  } catch (error) {
    failure = { error };
  }
  expectResponsesConform(recorder.responses, {
    ...options,
    ...(failure ? { cause: failure.error } : {}),
  });
  if (failure) throw failure.error;
  return result as T;
}

/** The query of a recorded request (`GET /path?limit=1`) as a URLSearchParams. */
function queryOf(request: string): URLSearchParams {
  return new URL(request.slice(request.indexOf(' ') + 1), 'http://recorded').searchParams;
}

/** The 200 responses of an operation: a retried 429 or 5xx (live) is validated but not a page. */
function pagesOf(recorder: RecordingFetch, operation: Operation): RecordedResponse[] {
  return recorder.responses.filter((r) => r.status === 200 && r.path === operation.path);
}

/** What tells items apart: their `id`, or the whole item for a schema without one. */
function idOf(item: unknown): unknown {
  return (item as { id?: unknown } | null)?.id ?? JSON.stringify(item);
}

/** Pages through `for await` within the bound; returns what it yielded and what was sent. */
async function pageThrough(operation: Operation, { client, recorder, paging }: CheckContext) {
  const pageSize = Math.min(paging.pageSize, operation.pageSize.maximum);
  const yielded: unknown[] = [];
  for await (const item of iterateItems(client, operation, { limit: pageSize }, paging.maxItems)) {
    yielded.push(item);
  }
  const pages = pagesOf(recorder, operation);
  const sentItems = pages.flatMap((r) => itemsOf(operation, r.body));
  const last = pages.at(-1);
  const ended = (last?.body as { hasMore?: unknown } | undefined)?.hasMore === false;
  return { pageSize, yielded, pages, sentItems, ended };
}

/** Every value of every enum filter (`type=sent`, …): one check each. */
function filterValues(operation: Operation): Array<[string, string | number | boolean]> {
  return filterRules(operation).flatMap((rule) =>
    (rule.enum ?? []).map((value) => [rule.name, value] as [string, string | number | boolean]),
  );
}

/** The checks of one operation, from its table entry alone. */
export function checksOf(operation: Operation, spec: ContractSpec): ContractCheck[] {
  const { operationId, pageSize } = operation;
  const check = (name: string, run: (context: CheckContext) => Promise<void>): ContractCheck => ({
    name: `${operationId}: ${name}`,
    operation,
    run: async (context) => {
      await runChecked(context.recorder, () => run(context), { spec });
      return {
        operationId,
        requests: context.recorder.responses.map((r) => r.request),
        statuses: context.recorder.responses.map((r) => r.status),
      };
    },
  });
  const page = async ({ client }: CheckContext, params: QueryValues) =>
    itemsOf(operation, await listPage(client, operation, params));

  const checks = [
    check('first page (defaults)', async (context) => {
      const items = await page(context, {});
      const [response, ...more] = pagesOf(context.recorder, operation);
      assert.equal(more.length, 0, 'one page for one call');
      assert.deepEqual(
        items,
        itemsOf(operation, response?.body),
        'the client returns the items sent',
      );
      assert.ok(
        items.length <= pageSize.default,
        `at most the default limit (${pageSize.default}) items`,
      );
    }),
    ...[pageSize.minimum, pageSize.maximum].map((edge) =>
      check(
        `limit ${edge} (${edge === pageSize.minimum ? 'minimum' : 'maximum'})`,
        async (context) => {
          const items = await page(context, { limit: edge });
          const [response] = pagesOf(context.recorder, operation);
          assert.equal(
            queryOf(response?.request ?? '').get('limit'),
            String(edge),
            'limit sent as given',
          );
          assert.ok(items.length <= edge, `at most ${edge} items, got ${items.length}`);
        },
      ),
    ),
    check('pages to the end with for await (bounded)', async (context) => {
      const {
        pageSize: size,
        yielded,
        pages,
        sentItems,
        ended,
      } = await pageThrough(operation, context);
      assert.ok(pages.length >= 1, 'at least one page requested');
      assert.deepEqual(
        yielded,
        sentItems.slice(0, context.paging.maxItems),
        'yields every item sent, in order',
      );
      // Each request asks for the offset right after the items received so far.
      let offset = 0;
      for (const sent of pages) {
        const query = queryOf(sent.request);
        assert.equal(Number(query.get('offset') ?? 0), offset, `offset of ${sent.request}`);
        assert.ok(Number(query.get('limit')) <= size, `limit of ${sent.request}`);
        offset += itemsOf(operation, sent.body).length;
      }
      if (context.paging.reachesEnd) {
        assert.ok(ended, `paging ended on hasMore: false within ${context.paging.maxItems} items`);
        assert.ok(yielded.length < context.paging.maxItems, 'the data ends before the bound');
        const ids = yielded.map(idOf);
        assert.equal(new Set(ids).size, ids.length, 'no item appears twice across pages');
      }
    }),
    check('offset past the end is an empty last page', async (context) => {
      let offset = FAR_OFFSET;
      if (context.paging.reachesEnd) {
        const { ended, sentItems } = await pageThrough(operation, {
          ...context,
          paging: { ...context.paging, pageSize: pageSize.maximum },
        });
        assert.ok(ended, 'paging reached the end before asking past it');
        offset = sentItems.length;
      }
      const body = await listPage(context.client, operation, { offset });
      assert.deepEqual(
        body,
        { [operation.itemsField]: [], hasMore: false },
        `offset ${offset}: empty, no more`,
      );
    }),
  ];

  for (const [name, value] of filterValues(operation)) {
    checks.push(
      check(`${name} ${value}`, async (context) => {
        const items = await page(context, { [name]: value });
        const [response] = pagesOf(context.recorder, operation);
        assert.equal(queryOf(response?.request ?? '').get(name), String(value), `${name} sent`);
        assert.ok(items.length <= pageSize.default, 'at most the default limit');
      }),
    );
  }
  return checks;
}

/**
 * Every check of every operation in the table (the bundle's by default), in table order; or of
 * `operations` only (the recorded upstream runs those it has recordings of).
 */
export function contractChecks(
  spec: ContractSpec = contractSpec(),
  operations: readonly Operation[] = spec.operations,
): ContractCheck[] {
  return operations.flatMap((operation) => checksOf(operation, spec));
}
