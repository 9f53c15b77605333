// The driver is the one place that knows the client's call shape: awaited for a page with the
// client's page API (or the object), and a clear error when the client lacks an operation of the
// table (a client built from another spec than the checks).
import { createClient } from '@ofauth-mass-messages/client';
import { describe, expect, it } from 'vitest';
import { call, pageApi, plain } from '../src/driver.js';
import { operationOf } from './fixtures/recordings.js';
import { THIRD, thirdOperationSpec } from './fixtures/third-operation.js';

const purchased = operationOf('listPurchasedMassMessages');

/** A client over a fake API of 5 items, recording the queries it was sent. */
function clientOverFive() {
  const queries: string[] = [];
  const client = createClient({
    apiKey: 'k',
    connectionId: 'c',
    baseUrl: 'http://127.0.0.1:1',
    maxRetries: 0,
    fetch: async (address: string) => {
      const url = new URL(address);
      queries.push(url.search);
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 20);
      const ids = [1, 2, 3, 4, 5].slice(offset, offset + limit);
      const body = { items: ids.map((id) => ({ id })), hasMore: offset + limit < 5 };
      return new Response(JSON.stringify(body), {
        headers: { 'content-type': 'application/json' },
      });
    },
  });
  return { client, queries };
}

describe('driver', () => {
  it('call gives the page: the body sent, the parameters sent', async () => {
    const { client, queries } = clientOverFive();
    const page = await call(client, purchased, { limit: 2, offset: 1 });
    expect(plain(page)).toEqual({ items: [{ id: 2 }, { id: 3 }], hasMore: true });
    expect(queries).toEqual(['?limit=2&offset=1']);
  });

  it("pageApi gives the client's page API: the next page follows the items received", async () => {
    const { client, queries } = clientOverFive();
    const first = pageApi(purchased, await call(client, purchased, { limit: 2 }, { maxItems: 4 }));
    expect(first.nextPageParams()).toEqual({ limit: 2, offset: 2 });
    const ids: unknown[] = [];
    for await (const page of first.iterPages()) ids.push(...(page.items as { id: number }[]));
    expect(ids.map((item) => (item as { id: number }).id)).toEqual([1, 2, 3, 4]);
    expect(queries).toEqual(['?limit=2', '?limit=2&offset=2']);
  });

  it('pageApi names what an answer lacks to be a page', () => {
    expect(() => pageApi(purchased, { items: [], hasMore: false })).toThrow(
      'listPurchasedMassMessages: the awaited call has no hasNextPage(): not a Page',
    );
  });

  it('names an operation the client has no method for', async () => {
    const third = thirdOperationSpec().operations.find(
      (op) => op.operationId === THIRD.operationId,
    );
    if (!third) throw new Error('no third operation');
    const { client } = clientOverFive();
    await expect(call(client, third, {})).rejects.toThrow(
      `The client has no method ${THIRD.operationId}`,
    );
  });
});
