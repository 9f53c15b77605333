// The checks must fail on behaviour too, not only on schema: an API that ignores `limit`, pages
// forever, or has items past the end. Each fake here answers schema-valid bodies (recorded
// items), so only the behavioural assertion can catch it.
import { createClient } from '@ofauth-mass-messages/client';
import { describe, expect, it } from 'vitest';
import { type CheckContext, contractChecks, runChecked } from '../src/checks.js';
import { ContractViolations } from '../src/expect-conforms.js';
import { createRecordingFetch } from '../src/recording-fetch.js';
import { recordedItems } from '../src/recordings.js';
import { contractSpec, filterRules } from '../src/spec.js';
import { operationOf, recordingOf } from './fixtures/recordings.js';
import { THIRD, thirdOperationSpec } from './fixtures/third-operation.js';

const items = recordedItems(recordingOf('listMassMessages'), operationOf('listMassMessages'), {
  type: 'sent',
});
const json = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });

/** A context whose client talks to `api` (a function standing in for the server). */
function contextOver(api: (url: URL) => Response): CheckContext {
  const recorder = createRecordingFetch({
    maxRequests: 10,
    fetch: async (input) => api(new URL(input instanceof Request ? input.url : String(input))),
  });
  const client = createClient({
    apiKey: 'k',
    connectionId: 'c',
    baseUrl: 'http://127.0.0.1:1',
    fetch: recorder.fetch,
    maxRetries: 0,
  });
  return { client, recorder, paging: { pageSize: 2, maxItems: 8, reachesEnd: true } };
}

const check = (name: string) => {
  const found = contractChecks().find((c) => c.name === `listMassMessages: ${name}`);
  if (!found) throw new Error(`no check "${name}"`);
  return found;
};

/** The names every operation's checks have, from its table entry: what enumeration must give. */
const BASE_CHECKS = [
  'first page (defaults)',
  'limit {min} (minimum)',
  'limit {max} (maximum)',
  'pages to the end with for await (bounded)',
  'offset past the end is an empty last page',
];

describe('contractChecks', () => {
  it('reads listMassMessages from the table: its limits and each type', () => {
    const names = contractChecks()
      .filter((c) => c.operation.operationId === 'listMassMessages')
      .map((c) => c.name.replace('listMassMessages: ', ''));
    expect(names).toEqual([
      'first page (defaults)',
      'limit 1 (minimum)',
      'limit 20 (maximum)',
      'pages to the end with for await (bounded)',
      'offset past the end is an empty last page',
      'type sent',
      'type unsent',
      'type scheduled',
    ]);
  });

  // The enumeration must cover every table entry, a new one included: checked on a copy of the
  // bundle with a third operation, every name derived from that copy's table.
  it.each([
    ['the bundle', contractSpec()],
    ['a copy with a third operation', thirdOperationSpec()],
  ])('covers every operation of %s', (_name, spec) => {
    const checks = contractChecks(spec);
    for (const operation of spec.operations) {
      const expected = [
        ...BASE_CHECKS.map((name) =>
          name
            .replace('{min}', String(operation.pageSize.minimum))
            .replace('{max}', String(operation.pageSize.maximum)),
        ),
        ...filterRules(operation).flatMap((rule) =>
          (rule.enum ?? []).map((value) => `${rule.name} ${value}`),
        ),
      ].map((name) => `${operation.operationId}: ${name}`);
      expect(checks.filter((c) => c.operation === operation).map((c) => c.name)).toEqual(expected);
    }
    expect(new Set(checks.map((c) => c.operation.operationId))).toEqual(
      new Set(spec.operations.map((op) => op.operationId)),
    );
  });

  it('gives the third operation its checks, one per value of its new filter', () => {
    const names = contractChecks(thirdOperationSpec())
      .filter((c) => c.operation.operationId === THIRD.operationId)
      .map((c) => c.name);
    expect(names).toHaveLength(BASE_CHECKS.length + THIRD.filter.values.length);
    expect(names).toContain(`${THIRD.operationId}: limit 100 (maximum)`);
    expect(names).toContain(`${THIRD.operationId}: period month`);
  });

  it('catches an API that ignores limit', async () => {
    const context = contextOver(() => json({ list: items.slice(0, 3), hasMore: true }));
    // The client refuses such a page itself (issue 18), before the check's own assertion.
    await expect(check('limit 1 (minimum)').run(context)).rejects.toThrow(
      'answered with 3 items in "list", more than the 1 asked for',
    );
  });

  it('catches an API that pages forever, repeating itself', async () => {
    const context = contextOver(() => json({ list: items.slice(0, 2), hasMore: true }));
    await expect(check('pages to the end with for await (bounded)').run(context)).rejects.toThrow(
      'paging ended on hasMore: false within 8 items',
    );
    expect(context.recorder.sent).toBe(4);
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
});

describe('runChecked', () => {
  const recorder = createRecordingFetch({ maxRequests: 1 });

  it('returns what the body returns when every response conforms', async () => {
    await expect(runChecked(recorder, async () => 42)).resolves.toBe(42);
  });

  it('reports a broken response before the error it caused, keeping that as the cause', async () => {
    const broken = contextOver(() => json({ list: 'nope', hasMore: false }));
    const error = await runChecked(broken.recorder, () =>
      broken.client.listMassMessages({ limit: 1 }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractViolations);
    expect((error as Error).message).toContain('listMassMessages: $.list must be array');
    expect((error as Error).cause).toMatchObject({ name: 'InvalidResponseError' });
  });
});
