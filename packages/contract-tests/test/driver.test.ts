// The driver is the one place that knows the client's call shape: awaited for a page, looped
// for items (with maxItems), and a clear error when the client lacks an operation of the table
// (a client built from another spec than the checks).
import { createClient } from '@ofauth-mass-messages/client';
import { describe, expect, it } from 'vitest';
import { iterateItems, listPage } from '../src/driver.js';
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
  it('listPage gives the page body, sending the parameters', async () => {
    const { client, queries } = clientOverFive();
    await expect(listPage(client, purchased, { limit: 2, offset: 1 })).resolves.toEqual({
      items: [{ id: 2 }, { id: 3 }],
      hasMore: true,
    });
    expect(queries).toEqual(['?limit=2&offset=1']);
  });

  it('iterateItems yields every item across pages, stopping at maxItems', async () => {
    const { client, queries } = clientOverFive();
    const ids: unknown[] = [];
    for await (const item of iterateItems(client, purchased, { limit: 2 }, 4)) {
      ids.push((item as { id: number }).id);
    }
    expect(ids).toEqual([1, 2, 3, 4]);
    // Pages of `limit`, from offset 0 on (a look-ahead may have asked for the next one too).
    expect(queries.slice(0, 2)).toEqual(['?limit=2&offset=0', '?limit=2&offset=2']);
  });

  it('names an operation the client has no method for', async () => {
    const third = thirdOperationSpec().operations.find(
      (op) => op.operationId === THIRD.operationId,
    );
    if (!third) throw new Error('no third operation');
    const { client } = clientOverFive();
    await expect(listPage(client, third, {})).rejects.toThrow(
      `The client has no method ${THIRD.operationId}`,
    );
  });
});
