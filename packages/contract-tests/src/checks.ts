// The contract checks, written once and run against every target (mock, recorded upstream,
// live API). Each check calls the client as a user would, then every response that crossed the
// wire is validated against the spec; a broken response is reported before any client error,
// since it is the cause.
import assert from 'node:assert/strict';
import type { OFAuthClient } from '@ofauth-mass-messages/client';
import { driverFor, type OperationDriver } from './driver.js';
import { expectResponsesConform } from './expect-conforms.js';
import type { RecordingFetch } from './recording-fetch.js';
import { allOperationFacts, type OperationFacts } from './spec-facts.js';

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

export interface ContractCheck {
  /** `listMassMessages: first page` — what a report lists. */
  name: string;
  operationId: string;
  run(context: CheckContext): Promise<void>;
}

/**
 * Runs `body` with a fresh recorder, then validates every recorded response. Conformance
 * failures win over whatever `body` threw (which becomes their `cause`).
 */
export async function runChecked<T>(
  recorder: RecordingFetch,
  body: () => Promise<T>,
  options: { skipStatuses?: readonly number[] } = {},
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

/** The 200 responses a check got: a retried 429 or 5xx (live) is validated but not a page. */
function pagesOf(recorder: RecordingFetch, operationId: string) {
  return recorder.responses.filter((r) => r.status === 200 && r.operationId === operationId);
}

function itemsOf(facts: OperationFacts, body: unknown): unknown[] {
  return ((body as Record<string, unknown>)[facts.itemsKey] as unknown[] | undefined) ?? [];
}

function idOf(item: unknown): unknown {
  return (item as { id?: unknown }).id;
}

/** Pages through the iterator within the bound; returns what it yielded and what was sent. */
async function pageThrough(
  facts: OperationFacts,
  driver: OperationDriver,
  { recorder, paging }: CheckContext,
) {
  const pageSize = Math.min(paging.pageSize, facts.limit.max);
  const yielded: unknown[] = [];
  for await (const item of driver.iterate({ pageSize, maxItems: paging.maxItems })) {
    yielded.push(item);
  }
  const pages = pagesOf(recorder, facts.operationId);
  const sentItems = pages.flatMap((r) => itemsOf(facts, r.body));
  const last = pages.at(-1);
  const ended = (last?.body as { hasMore?: unknown } | undefined)?.hasMore === false;
  return { pageSize, yielded, pages, sentItems, ended };
}

function checksOf(facts: OperationFacts): ContractCheck[] {
  const { operationId, limit } = facts;
  const check = (
    name: string,
    run: (driver: OperationDriver, context: CheckContext) => Promise<void>,
  ): ContractCheck => ({
    name: `${operationId}: ${name}`,
    operationId,
    run: (context) =>
      runChecked(context.recorder, () => run(driverFor(context.client, operationId), context)),
  });

  const checks = [
    check('first page (defaults)', async (driver, { recorder }) => {
      const page = await driver.list({});
      const [response, ...more] = pagesOf(recorder, operationId);
      assert.equal(more.length, 0, 'one page for one call');
      assert.deepEqual(
        page.items,
        itemsOf(facts, response?.body),
        'the client returns the items sent',
      );
      assert.ok(
        page.items.length <= limit.default,
        `at most the default limit (${limit.default}) items`,
      );
    }),
    ...[limit.min, limit.max].map((edge) =>
      check(
        `limit ${edge} (${edge === limit.min ? 'minimum' : 'maximum'})`,
        async (driver, { recorder }) => {
          const page = await driver.list({ limit: edge });
          const [response] = pagesOf(recorder, operationId);
          assert.equal(
            queryOf(response?.request ?? '').get('limit'),
            String(edge),
            'limit sent as given',
          );
          assert.ok(page.items.length <= edge, `at most ${edge} items, got ${page.items.length}`);
        },
      ),
    ),
    check('pages to the end with the iterator (bounded)', async (driver, context) => {
      const { pageSize, yielded, pages, sentItems, ended } = await pageThrough(
        facts,
        driver,
        context,
      );
      assert.ok(pages.length >= 1, 'at least one page requested');
      assert.deepEqual(
        yielded,
        sentItems.slice(0, context.paging.maxItems),
        'yields every item sent, in order',
      );
      // Each request asks for the offset right after the items received so far.
      let offset = 0;
      for (const page of pages) {
        const query = queryOf(page.request);
        assert.equal(Number(query.get('offset') ?? 0), offset, `offset of ${page.request}`);
        assert.ok(Number(query.get('limit')) <= pageSize, `limit of ${page.request}`);
        offset += itemsOf(facts, page.body).length;
      }
      if (context.paging.reachesEnd) {
        assert.ok(ended, `paging ended on hasMore: false within ${context.paging.maxItems} items`);
        assert.ok(yielded.length < context.paging.maxItems, 'the data ends before the bound');
        const ids = yielded.map(idOf);
        assert.equal(new Set(ids).size, ids.length, 'no item appears twice across pages');
      }
    }),
    check('offset past the end is an empty last page', async (driver, context) => {
      let offset = FAR_OFFSET;
      if (context.paging.reachesEnd) {
        const { ended, sentItems } = await pageThrough(facts, driver, {
          ...context,
          paging: { ...context.paging, pageSize: limit.max },
        });
        assert.ok(ended, 'paging reached the end before asking past it');
        offset = sentItems.length;
      }
      const page = await driver.list({ offset });
      assert.deepEqual(page, { items: [], hasMore: false }, `offset ${offset}: empty, no more`);
    }),
  ];

  for (const type of facts.type?.values ?? []) {
    checks.push(
      check(`type ${type}`, async (driver, { recorder }) => {
        const page = await driver.list({ type });
        const [response] = pagesOf(recorder, operationId);
        assert.equal(queryOf(response?.request ?? '').get('type'), type, 'type sent');
        assert.ok(page.items.length <= limit.default, 'at most the default limit');
      }),
    );
  }
  return checks;
}

/** Every check of every operation in the spec. */
export function contractChecks(): ContractCheck[] {
  return allOperationFacts().flatMap(checksOf);
}
