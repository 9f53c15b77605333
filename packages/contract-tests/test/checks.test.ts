// The checks are enumerated from the table, by kind, and must fail on behaviour too, not only on
// schema: an API that ignores `limit`, pages forever, has items past the end, or does not route
// an encoded path parameter. Each fake here answers schema-valid bodies (recorded items), so only
// the behavioural assertion can catch it.
import { createClient, type OFAuthClient } from '@ofauth-mass-messages/client';
import { describe, expect, it } from 'vitest';
import {
  type CheckContext,
  type ContractCheck,
  contractChecks,
  runChecked,
} from '../src/checks.js';
import { ContractViolations } from '../src/expect-conforms.js';
import { createRecordingFetch } from '../src/recording-fetch.js';
import { recordedItems } from '../src/recordings.js';
import { type ContractSpec, contractSpec } from '../src/spec.js';
import type { ClientFactory } from '../src/target.js';
import { everyShapeClient, everyShapeSpec } from './fixtures/every-shape.js';
import { operationOf, recordingOf } from './fixtures/recordings.js';
import { THIRD, thirdOperationSpec } from './fixtures/third-operation.js';

const items = recordedItems(recordingOf('listMassMessages'), operationOf('listMassMessages'), {
  type: 'sent',
});
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A context whose client (of `makeClient`'s table) talks to `api`, a function standing in for the server. */
function contextOver(
  api: (url: URL) => Response,
  makeClient: ClientFactory = createClient,
): CheckContext {
  const recorder = createRecordingFetch({
    maxRequests: 10,
    fetch: async (input) => api(new URL(input instanceof Request ? input.url : String(input))),
  });
  const client = makeClient({
    apiKey: 'k',
    connectionId: 'c',
    baseUrl: 'http://127.0.0.1:1',
    fetch: recorder.fetch,
    maxRetries: 0,
  });
  return { client, recorder, paging: { pageSize: 2, maxItems: 8, reachesEnd: true } };
}

const namesOf = (spec: ContractSpec, operationId: string) =>
  contractChecks(spec)
    .filter((c) => c.operation.operationId === operationId)
    .map((c) => c.name.replace(`${operationId}: `, ''));

const find = (spec: ContractSpec, name: string): ContractCheck => {
  const found = contractChecks(spec).find((c) => c.name === name);
  if (!found) throw new Error(`no check "${name}"`);
  return found;
};
const check = (name: string) => find(contractSpec(), `listMassMessages: ${name}`);

describe('contractChecks, by kind', () => {
  it('an offset-paged list: first page, its limits, the page API, past the end, each type', () => {
    expect(namesOf(contractSpec(), 'listMassMessages')).toEqual([
      'first page (defaults)',
      'limit 1 (minimum)',
      'limit 20 (maximum)',
      'pages with the page API (iterPages, bounded)',
      'offset past the end is an empty last page',
      'type sent',
      'type unsent',
      'type scheduled',
    ]);
  });

  it('a list without offset: first page, its minimum limit (no maximum), a date range', () => {
    expect(namesOf(everyShapeSpec, 'listFixtureSent')).toEqual([
      'first page (defaults)',
      'limit 1 (minimum)',
      'a date range (startDate, endDate)',
    ]);
  });

  it('an object: the object, each boolean value, a date range', () => {
    expect(namesOf(everyShapeSpec, 'getFixtureChart')).toEqual([
      'one object (defaults)',
      'withTotal true',
      'withTotal false',
      'a date range (startDate, endDate)',
    ]);
  });

  it('a list under a path parameter: the offset-paged checks, and the parameter encoded', () => {
    expect(namesOf(everyShapeSpec, 'listFixtureBuyers')).toEqual([
      'first page (defaults)',
      'limit 1 (minimum)',
      'limit 50 (maximum)',
      'pages with the page API (iterPages, bounded)',
      'offset past the end is an empty last page',
      'path parameters percent-encoded, one segment each',
    ]);
  });

  // The enumeration must cover every table entry, a new one included.
  it.each([
    ['the bundle', contractSpec()],
    ['a copy with a third operation', thirdOperationSpec()],
    ['the client’s fixture of every shape', everyShapeSpec],
  ])('covers every operation of %s, each starting with its first call', (_name, spec) => {
    for (const operation of spec.operations) {
      const [first] = namesOf(spec, operation.operationId);
      expect(first).toBe(
        operation.kind === 'page' ? 'first page (defaults)' : 'one object (defaults)',
      );
    }
  });

  it('gives the third operation its checks, one per value of its new filter', () => {
    const names = namesOf(thirdOperationSpec(), THIRD.operationId);
    expect(names).toContain('limit 100 (maximum)');
    for (const value of THIRD.filter.values) expect(names).toContain(`period ${value}`);
  });
});

describe('the checks fail on behaviour', () => {
  it('catches an API that ignores limit', async () => {
    const context = contextOver(() => json({ list: items.slice(0, 3), hasMore: true }));
    // The client refuses such a page itself (issue 18), before the check's own assertion.
    await expect(check('limit 1 (minimum)').run(context)).rejects.toThrow(
      'answered with 3 items in "list", more than the 1 asked for',
    );
  });

  it('catches an API that pages forever, repeating itself', async () => {
    const context = contextOver(() => json({ list: items.slice(0, 2), hasMore: true }));
    await expect(
      check('pages with the page API (iterPages, bounded)').run(context),
    ).rejects.toThrow('paging ended on hasMore: false within 8 items');
    // maxItems (8) reached in pages of 2: the page API stops asking.
    expect(context.recorder.sent).toBe(4);
  });

  it('catches an API whose next page does not follow on (the same items again)', async () => {
    const context = contextOver((url) =>
      Number(url.searchParams.get('offset') ?? 0) < 4
        ? json({ list: items.slice(0, 2), hasMore: true })
        : json({ list: [], hasMore: false }),
    );
    await expect(
      check('pages with the page API (iterPages, bounded)').run(context),
    ).rejects.toThrow('no item appears twice across pages');
  });

  it('catches an API that has items past the end', async () => {
    const context = contextOver((url) =>
      Number(url.searchParams.get('offset') ?? 0) === 0
        ? json({ list: items, hasMore: false })
        : json({ list: items.slice(0, 1), hasMore: false }),
    );
    await expect(check('offset past the end is an empty last page').run(context)).rejects.toThrow(
      `offset ${items.length}: empty, no more`,
    );
  });

  it('sends the type filter it checks, and passes an empty page of it', async () => {
    const context = contextOver(() => json({ list: [], hasMore: false }));
    await expect(check('type unsent').run(context)).resolves.toEqual({
      operationId: 'listMassMessages',
      requests: ['GET /v2/access/mass-messages?type=unsent'],
      statuses: [200],
    });
  });

  it('sends the date range as given to a list without offset, one request', async () => {
    const context = contextOver(() => json({ items: [], hasMore: true }), everyShapeClient);
    const range = find(everyShapeSpec, 'listFixtureSent: a date range (startDate, endDate)');
    await expect(range.run(context)).resolves.toEqual({
      operationId: 'listFixtureSent',
      requests: [
        'GET /v2/fixtures/sent?startDate=2026-10-01T00%3A00%3A00Z&endDate=2026-10-31T23%3A59%3A59Z',
      ],
      statuses: [200],
    });
  });

  it('sends each boolean value of an object operation as true / false', async () => {
    const chart = { chart: [{ date: '2026-11-01', count: 3 }], total: 3 };
    const context = contextOver(() => json(chart), everyShapeClient);
    const outcome = await find(everyShapeSpec, 'getFixtureChart: withTotal false').run(context);
    expect(outcome.requests).toEqual(['GET /v2/fixtures/chart?withTotal=false']);
  });

  it('holds an object to its schema: a chart without its required array fails, naming it', async () => {
    const context = contextOver(() => json({ total: 3 }), everyShapeClient);
    await expect(
      find(everyShapeSpec, 'getFixtureChart: one object (defaults)').run(context),
    ).rejects.toThrow('getFixtureChart: $ missing required property "chart"');
  });

  it('catches a target that does not route an encoded path parameter', async () => {
    const encoded = find(
      everyShapeSpec,
      'listFixtureBuyers: path parameters percent-encoded, one segment each',
    );
    const notRouted = contextOver(
      () => json({ error: 'Route not found', type: 'ROUTE_NOT_FOUND', requestId: 'req_1' }, 404),
      everyShapeClient,
    );
    await expect(encoded.run(notRouted)).rejects.toMatchObject({ name: 'NotFoundError' });
    const routed = contextOver(() => json({ list: [], hasMore: false }), everyShapeClient);
    await expect(encoded.run(routed)).resolves.toMatchObject({
      requests: ['GET /v2/fixtures/a%20b%2Fc%3Fd%23e%25/buyers'],
      statuses: [200],
    });
  });
});

describe('runChecked', () => {
  const recorder = createRecordingFetch({ maxRequests: 1 });

  it('returns what the body returns when every response conforms', async () => {
    await expect(runChecked(recorder, async () => 42)).resolves.toBe(42);
  });

  it('reports a broken response before the error it caused, keeping that as the cause', async () => {
    const broken = contextOver(() => json({ list: 'nope', hasMore: false }));
    const error = await runChecked(broken.recorder, () =>
      (broken.client as OFAuthClient).listMassMessages({ limit: 1 }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractViolations);
    expect((error as Error).message).toContain('listMassMessages: $.list must be array');
    expect((error as Error).cause).toMatchObject({ name: 'InvalidResponseError' });
  });
});
