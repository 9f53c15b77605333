// The client's fixture table (packages/client/fixtures/: the spec plus fixtures/shapes.yaml, an
// operation of every shape the client serves, rendered into fixtures/generated/ by the client's
// `generate`), a client of it typed exactly as createClient is typed from the spec, and a fetch
// that answers each operation the way the API does: pages by `limit` and `offset`, or the object.
// The client is the built one (dist/), the same module `@ofauth-mass-messages/client` resolves to.
import { clientOf } from '../../../client/dist/client.js';
import type { ClientOf } from '../../../client/dist/types.js';
import { operations as table } from '../../../client/fixtures/generated/operations.js';
import type { operations } from '../../../client/fixtures/generated/schema.js';

export { table };
export type FixtureClient = ClientOf<operations, typeof table>;
export type Entry = (typeof table)[keyof typeof table];

/** The fixture's operations, each with a name for test titles and what its call requires. */
export const entries = Object.entries(table).map(([operationId, entry]: [string, Entry]) => ({
  operationId,
  entry,
  shape: entry.kind === 'page' ? `page, paging ${entry.paging}` : 'object',
  // The buyers' path parameter, the only required parameter of the fixture.
  required: Object.values(entry.params).some((rule) => rule.in === 'path')
    ? { massMessageId: 'm 1/2' }
    : {},
}));

/** The body of the object operation. */
export const chart = { chart: [{ date: '2026-11-01', count: 3 }], total: 3 };

/** A request the fetch saw. */
export interface Seen {
  url: URL;
  headers: Headers;
  signal: AbortSignal;
}

export interface ServeOptions {
  /** Items per operation: `{ id: 0 }` … `{ id: total - 1 }`. */
  total: number;
  /** Sends at most this many items per page, whatever the limit (servers may send fewer). */
  cap?: number | undefined;
  /** Answers every page with no items but `hasMore: true` (a broken server). */
  emptyPagesClaimMore?: boolean | undefined;
}

/** A fetch serving the fixture's operations; `seen` records every request. */
export function serve({
  total,
  cap = Number.POSITIVE_INFINITY,
  emptyPagesClaimMore,
}: ServeOptions) {
  const seen: Seen[] = [];
  const routes = Object.values(table).map((entry: Entry) => ({
    entry,
    pattern: new RegExp(`^${entry.path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
  }));
  const fetch = async (input: string, init: RequestInit): Promise<Response> => {
    const url = new URL(input);
    const signal = init.signal as AbortSignal;
    seen.push({ url, headers: new Headers(init.headers), signal });
    signal.throwIfAborted();
    const entry = routes.find((route) => route.pattern.test(url.pathname))?.entry;
    if (entry === undefined) return Response.json({ error: 'no route' }, { status: 404 });
    if (entry.kind !== 'page') return Response.json(chart);
    const query = url.searchParams;
    const pageSize = entry.pageSize as { default?: number } | undefined;
    const asked = Number(query.get('limit') ?? pageSize?.default ?? total);
    const offset = Number(query.get('offset') ?? 0);
    const end = Math.min(offset + Math.min(asked, cap), total);
    const items = Array.from({ length: Math.max(0, end - offset) }, (_, i) => ({ id: offset + i }));
    if (emptyPagesClaimMore) return Response.json({ [entry.itemsField]: [], hasMore: true });
    return Response.json({ [entry.itemsField]: items, hasMore: end < total });
  };
  return { fetch, seen };
}

/** A client of the fixture table over `fetch` (no retries: one request per call). */
export function fixtureClient(
  fetch: (input: string, init: RequestInit) => Promise<Response>,
  baseUrl = 'https://api.test',
): FixtureClient {
  return clientOf(table, {
    apiKey: 'test-key',
    connectionId: 'conn_test',
    baseUrl,
    fetch,
    maxRetries: 0,
  }) as unknown as FixtureClient;
}
