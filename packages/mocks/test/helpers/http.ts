// Small helpers shared by the tests.
import {
  type OffsetPageOperation,
  operations,
  type PageOperation,
} from '@ofauth-mass-messages/spec/operations';

/** Any values pass the mock's security check; these only stand for a key and a connection. */
export const AUTH = { apiKey: 'test-key', 'x-connection-id': 'conn_test' };

export const [LIST, PURCHASED] = operations;

/** The spec's page operations (offset or not), and those a loop can page by offset. */
export const PAGES = (operations as readonly { kind: string }[]).filter(
  (op): op is PageOperation => op.kind === 'page',
) as PageOperation[];
export const OFFSET_PAGES = PAGES.filter((op): op is OffsetPageOperation => op.paging === 'offset');

/** Names every object has without owning them: a client-chosen value must never reach one. */
export const INHERITED_NAMES = [
  'constructor',
  'toString',
  '__proto__',
  'hasOwnProperty',
  'valueOf',
];

export interface JsonAnswer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

/** A GET through `fetcher` (the platform's, or a mock's), its JSON body read. */
export async function getJson(
  url: string,
  headers: Record<string, string> = AUTH,
  fetcher: typeof fetch = fetch,
): Promise<JsonAnswer> {
  const response = await fetcher(url, { headers });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: JSON.parse(text || 'null') };
}

export interface Walk {
  items: unknown[];
  requests: number;
  pages: Record<string, unknown>[];
}

/**
 * Pages an operation as a client iterator does (offset += items, until hasMore is false), with a
 * bound so that a mock that never ends fails the test instead of hanging it.
 */
export async function walk(
  url: string,
  itemsField: string,
  fetcher: typeof fetch = fetch,
  headers: Record<string, string> = AUTH,
  bound = 200,
): Promise<Walk> {
  const result: Walk = { items: [], requests: 0, pages: [] };
  const separator = url.includes('?') ? '&' : '?';
  for (;;) {
    const page = await getJson(`${url}${separator}offset=${result.items.length}`, headers, fetcher);
    result.requests++;
    if (page.status !== 200) throw new Error(`status ${page.status}: ${JSON.stringify(page.body)}`);
    result.pages.push(page.body);
    const items = page.body[itemsField] as unknown[];
    result.items.push(...items);
    if (page.body.hasMore !== true) return result;
    if (items.length === 0) throw new Error('hasMore true on an empty page: it would never end');
    if (result.requests >= bound) throw new Error(`still more after ${bound} requests`);
  }
}
