// The contract checks, enumerated from the operations table and run against every target (mock,
// MSW handlers, proxy, recorded upstream, live API). Each kind of operation gets the checks its
// table entry calls for: a first call for all; `limit` at its bounds for a page; the page API
// (iterPages, getNextPage) and "past the end" for a page paged by offset; one check per value of
// each enum and boolean parameter; a date range; path parameters percent-encoded. A new operation
// in the spec gets its checks without an edit here. Each check calls the client as a user would,
// then every response that crossed the wire is validated against the spec; a broken response is
// reported before any client error, since it is the cause.
import assert from 'node:assert/strict';
import type { Operation } from '@ofauth-mass-messages/spec';
import {
  type Answer,
  type AnyClient,
  type CallOptions,
  call,
  pageApi,
  plain,
  type QueryValues,
} from './driver.js';
import { expectResponsesConform } from './expect-conforms.js';
import type { RecordedResponse, RecordingFetch } from './recording-fetch.js';
import {
  type ContractSpec,
  choices,
  contractSpec,
  dateRange,
  dateRules,
  filterRules,
  isOffsetPaged,
  isPage,
  itemsOf,
  operationAt,
  pathValues,
} from './spec.js';

export interface PagingBound {
  /** Items per request when paging (capped at each operation's maximum `limit`). */
  pageSize: number;
  /** Items a paging check reads at most: the bound that keeps it finite. */
  maxItems: number;
  /**
   * Paging must reach a page with `hasMore: false` within `maxItems`, and "past the end" is where
   * it ended: for a target whose data is known to end there (the recorded upstream, the proxy in
   * front of a small mock). Otherwise (the live API; the mocks, whose own tests page every mode
   * to the end) a paging check reads `maxItems` at most and asks a far offset for "past the end".
   */
  reachesEnd: boolean;
}

/** Used as "past the end" when paging does not reach the end. */
export const FAR_OFFSET = 1_000_000;

export interface CheckContext {
  /** `createClient()`'s client, or one of another table (its methods named by operationId). */
  client: AnyClient;
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

/** What tells items apart: their `id`, or the whole item for a schema without one. */
function idOf(item: unknown): unknown {
  return (item as { id?: unknown } | null)?.id ?? JSON.stringify(item);
}

/** The checks of one operation, from its table entry alone. */
export function checksOf(operation: Operation, spec: ContractSpec): ContractCheck[] {
  const { operationId } = operation;
  /** Path parameters every call of the operation needs: a value each rule accepts. */
  const required = pathValues(operation);
  /** The operation's 200 answers: a retried 429 or 5xx (live) is validated but not one. */
  const answersOf = (recorder: RecordingFetch): RecordedResponse[] =>
    recorder.responses.filter(
      (r) => r.status === 200 && operationAt(spec, r.path)?.operationId === operationId,
    );
  const send = (context: CheckContext, params: QueryValues, options?: CallOptions) =>
    call(context.client, operation, { ...required, ...params }, options);

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

  /** The one answer of a one-request call: what the client gave and the response it read. */
  const answerOnce = async (context: CheckContext, params: QueryValues) => {
    const answer = await send(context, params);
    const [response, ...more] = answersOf(context.recorder);
    assert.equal(more.length, 0, 'one request for one call');
    assert.ok(response, 'the call was answered 200');
    return { answer, response };
  };

  /** The client's page holds exactly the items sent, at most `limit` (the default's when unsent). */
  const expectPage = (answer: Answer, response: RecordedResponse, limit?: number) => {
    const items = itemsOf(operation, answer);
    assert.deepEqual(items, itemsOf(operation, response.body), 'the client returns the items sent');
    if (limit !== undefined) {
      assert.ok(items.length <= limit, `at most ${limit} items, got ${items.length}`);
    }
  };

  const defaultLimit = isPage(operation) ? operation.pageSize?.default : undefined;

  const checks: ContractCheck[] = [
    isPage(operation)
      ? check('first page (defaults)', async (context) => {
          const { answer, response } = await answerOnce(context, {});
          expectPage(answer, response, defaultLimit);
          const body = response.body as { hasMore?: unknown };
          // The page API on what the target sent: a next page only after a page that has more.
          assert.equal(
            answer.hasNextPage?.(),
            isOffsetPaged(operation) &&
              body.hasMore === true &&
              itemsOf(operation, body).length > 0,
            isOffsetPaged(operation)
              ? 'hasNextPage() says whether the page has more (and items)'
              : 'hasNextPage() is false without offset: no loop asks for the same page again',
          );
        })
      : check('one object (defaults)', async (context) => {
          const { answer, response } = await answerOnce(context, {});
          assert.deepEqual(plain(answer), response.body, 'the client resolves with the body sent');
        }),
  ];

  if (isPage(operation) && operation.pageSize) {
    const { minimum, maximum } = operation.pageSize;
    const edges: Array<[number, string]> = [[minimum, 'minimum']];
    if (maximum !== undefined) edges.push([maximum, 'maximum']);
    for (const [edge, which] of edges) {
      checks.push(
        check(`limit ${edge} (${which})`, async (context) => {
          const { answer, response } = await answerOnce(context, { limit: edge });
          assert.equal(queryOf(response.request).get('limit'), String(edge), 'limit sent as given');
          expectPage(answer, response, edge);
        }),
      );
    }
  }

  if (isOffsetPaged(operation)) {
    const { pageSize } = operation;
    /** Every page from the first, through the page API: the first awaited, the rest iterated. */
    const walk = async (context: CheckContext, size: number) => {
      const first = await send(context, { limit: size }, { maxItems: context.paging.maxItems });
      const pages: Answer[] = [];
      for await (const page of pageApi(operation, first).iterPages()) pages.push(page);
      const last = pages.at(-1) as Answer;
      return { pages, last, ended: last.hasMore === false };
    };

    checks.push(
      check('pages with the page API (iterPages, bounded)', async (context) => {
        const size = Math.min(context.paging.pageSize, pageSize.maximum);
        const { pages, last, ended } = await walk(context, size);
        const sent = answersOf(context.recorder);
        assert.equal(pages.length, sent.length, 'one request per page');
        // Each request asks for the offset right after the items received so far, `size` of them
        // at most; each page holds exactly the items its response sent.
        let offset = 0;
        pages.forEach((page, index) => {
          const response = sent[index] as RecordedResponse;
          const query = queryOf(response.request);
          assert.equal(Number(query.get('offset') ?? 0), offset, `offset of ${response.request}`);
          assert.ok(Number(query.get('limit')) <= size, `limit of ${response.request}`);
          expectPage(page, response, size);
          offset += itemsOf(operation, page).length;
        });
        assert.equal(last.hasNextPage?.(), false, 'the last page has no next page');
        const items = pages.flatMap((page) => itemsOf(operation, page));
        if (context.paging.reachesEnd) {
          assert.ok(
            ended,
            `paging ended on hasMore: false within ${context.paging.maxItems} items`,
          );
          assert.ok(items.length < context.paging.maxItems, 'the data ends before the bound');
          const ids = items.map(idOf);
          assert.equal(new Set(ids).size, ids.length, 'no item appears twice across pages');
        } else {
          assert.ok(ended || pages.length >= 2, 'paged past the first page unless it ended');
        }
      }),
      check('offset past the end is an empty last page', async (context) => {
        let offset = FAR_OFFSET;
        if (context.paging.reachesEnd) {
          const { pages, ended } = await walk(context, pageSize.maximum);
          assert.ok(ended, 'paging reached the end before asking past it');
          offset = pages.reduce((sum, page) => sum + itemsOf(operation, page).length, 0);
        }
        const page = await send(context, { offset });
        assert.deepEqual(
          plain(page),
          { [operation.itemsField]: [], hasMore: false },
          `offset ${offset}: empty, no more`,
        );
        assert.equal(page.hasNextPage?.(), false, 'no next page past the end');
      }),
    );
  }

  for (const rule of filterRules(operation)) {
    for (const value of choices(rule)) {
      checks.push(
        check(`${rule.name} ${value}`, async (context) => {
          const { answer, response } = await answerOnce(context, { [rule.name]: value });
          assert.equal(
            queryOf(response.request).get(rule.name),
            String(value),
            `${rule.name} sent`,
          );
          if (isPage(operation)) expectPage(answer, response, defaultLimit);
        }),
      );
    }
  }

  const dates = dateRules(operation);
  if (dates.length > 0) {
    checks.push(
      check(`a date range (${dates.map((rule) => rule.name).join(', ')})`, async (context) => {
        const range = dateRange(operation);
        const { answer, response } = await answerOnce(context, range);
        const query = queryOf(response.request);
        for (const [name, text] of Object.entries(range)) {
          assert.equal(query.get(name), text, `${name} sent as given`);
        }
        if (isPage(operation)) expectPage(answer, response, defaultLimit);
      }),
    );
  }

  if (operation.pathParams.length > 0) {
    checks.push(
      check('path parameters percent-encoded, one segment each', async (context) => {
        const values = pathValues(operation, { encoded: true });
        const { response } = await answerOnce(context, values);
        const template = operation.path.split('/');
        const sent = response.path.split('/');
        assert.equal(sent.length, template.length, `${response.path}: one segment per parameter`);
        for (const rule of operation.pathParams) {
          const segment = sent[template.indexOf(`{${rule.name}}`)] ?? '';
          assert.equal(
            decodeURIComponent(segment),
            String(values[rule.name]),
            `${rule.name} sent as ${segment}`,
          );
        }
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
