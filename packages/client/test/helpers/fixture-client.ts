// A client of the fixture table (fixtures/generated/: the spec plus fixtures/shapes.yaml), typed
// by the fixture's generated `operations` exactly as createClient is typed by the spec's, with
// a scripted fetch; and bodies of the fixture's operations.
import { operations as table } from '../../fixtures/generated/operations.js';
import type { operations } from '../../fixtures/generated/schema.js';
import { clientOf } from '../../src/client.js';
import type { ClientOf } from '../../src/types.js';
import { fakeFetch, type Reply } from './fake-fetch.js';

export { table };
export type FixtureClient = ClientOf<operations, typeof table>;

export function fixtureClient(...replies: Reply[]) {
  const fetch = fakeFetch(...replies);
  const client = clientOf(table, {
    apiKey: 'sk_fixture_client_key',
    connectionId: 'conn_fixture',
    fetch,
    maxRetries: 0,
  }) as unknown as FixtureClient;
  return { fetch, client };
}

/** A page of `listFixtureBuyers` with `count` buyers numbered from `first`. */
export function buyersPage(first: number, count: number, hasMore: boolean) {
  return {
    hasMore,
    list: Array.from({ length: count }, (_, i) => ({ id: first + i, name: `fan ${first + i}` })),
  };
}

/** The body of `getFixtureChart`. */
export const chart = { chart: [{ date: '2026-11-01', count: 3 }], total: 3 };
