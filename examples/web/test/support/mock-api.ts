// Reads the mock directly, without the client or the app: what the page must show is taken
// from the same mock the page talks to, so the comparison cannot agree by accident.
import { operations } from '@ofauth-mass-messages/spec/operations';

const findOperation = (id: string) => {
  const found = operations.find((op) => op.operationId === id);
  if (!found) throw new Error(`The spec has no ${id}`);
  return found;
};

/** The proxy's server-side key in the browser test: it must never reach the page. */
export const TEST_API_KEY = 'test-key-0f9e8d7c6b5a';
export const TEST_CONNECTION_ID = 'test-connection';

// Paths from the spec's operations table, not typed out here.
export const MASS_MESSAGES_PATH = findOperation('listMassMessages').path;
export const PURCHASED_PATH = findOperation('listPurchasedMassMessages').path;

export interface MassMessageBody {
  id: number;
  text: string;
  fromUser: { id: number; name?: string };
  price?: string;
  isFree?: boolean;
  sentCount?: number;
  viewedCount?: number;
}

export interface MediaBody {
  id: number;
  type: string;
  files?: Record<string, { url: string } | undefined>;
}

export interface PurchasedBody {
  id: number;
  text: string;
  media: MediaBody[];
  price?: string;
  isFree?: boolean;
  purchasedCount?: number;
  viewedCount?: number;
  sentCount?: number;
}

export interface MockResponse {
  status: number;
  body: unknown;
}

/** GETs a spec path from a mock and returns what it served: a Prism server, or MSW in a page. */
export type MockGet = (
  path: string,
  query: Record<string, string | number>,
  prefer?: string,
) => Promise<MockResponse>;

/** A MockGet reading a mock server directly, with the test credentials. */
export function serverGet(baseUrl: string): MockGet {
  return (path, query, prefer) => getFromMock(baseUrl, path, query, prefer);
}

/** GET `path` on the mock with the test credentials; `prefer` picks a scenario. */
export async function getFromMock(
  baseUrl: string,
  path: string,
  query: Record<string, string | number>,
  prefer?: string,
): Promise<MockResponse> {
  const url = new URL(path, baseUrl);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, String(value));
  const headers: Record<string, string> = {
    apiKey: TEST_API_KEY,
    'x-connection-id': TEST_CONNECTION_ID,
  };
  if (prefer !== undefined) headers.Prefer = prefer;
  const response = await fetch(url, { headers });
  return { status: response.status, body: await response.json() };
}

async function getOk<T>(get: MockGet, path: string, query: Record<string, string | number>) {
  const { status, body } = await get(path, query);
  if (status !== 200)
    throw new Error(`mock answered ${status} to ${path}: ${JSON.stringify(body)}`);
  return body as T;
}

export function massMessagesPage(get: MockGet, query: Record<string, string | number>) {
  return getOk<{ list: MassMessageBody[]; hasMore: boolean }>(get, MASS_MESSAGES_PATH, query);
}

export function purchasedPage(get: MockGet, query: Record<string, string | number>) {
  return getOk<{ items: PurchasedBody[]; hasMore: boolean }>(get, PURCHASED_PATH, query);
}

/** Every mass message of a type, paged by offset until `hasMore` is false (bounded). */
export async function allMassMessages(get: MockGet, type: string): Promise<MassMessageBody[]> {
  const all: MassMessageBody[] = [];
  for (let request = 0; request < 100; request += 1) {
    const page = await massMessagesPage(get, { type, limit: 20, offset: all.length });
    all.push(...page.list);
    if (!page.hasMore || page.list.length === 0) return all;
  }
  throw new Error(`the mock still had more ${type} mass messages after 100 pages`);
}

/**
 * The visible text of a message's HTML, computed independently of the app (which uses
 * DOMParser): tags dropped, whitespace collapsed.
 */
export function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
