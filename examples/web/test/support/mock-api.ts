// Reads the mock server directly, without the client or the app: what the page must show is
// taken from the same server the page talks to, so the comparison cannot agree by accident.

export const TEST_API_KEY = 'test-key-0f9e8d7c6b5a';
export const TEST_CONNECTION_ID = 'test-connection';

export const MASS_MESSAGES_PATH = '/v2/access/mass-messages';
export const PURCHASED_PATH = '/v2/access/analytics/mass-messages/purchased';

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

async function getOk<T>(baseUrl: string, path: string, query: Record<string, string | number>) {
  const { status, body } = await getFromMock(baseUrl, path, query);
  if (status !== 200)
    throw new Error(`mock answered ${status} to ${path}: ${JSON.stringify(body)}`);
  return body as T;
}

export function massMessagesPage(baseUrl: string, query: Record<string, string | number>) {
  return getOk<{ list: MassMessageBody[]; hasMore: boolean }>(baseUrl, MASS_MESSAGES_PATH, query);
}

export function purchasedPage(baseUrl: string, query: Record<string, string | number>) {
  return getOk<{ items: PurchasedBody[]; hasMore: boolean }>(baseUrl, PURCHASED_PATH, query);
}

/** Every mass message of a type, paged by offset until `hasMore` is false (bounded). */
export async function allMassMessages(baseUrl: string, type: string): Promise<MassMessageBody[]> {
  const all: MassMessageBody[] = [];
  for (let request = 0; request < 100; request += 1) {
    const page = await massMessagesPage(baseUrl, { type, limit: 20, offset: all.length });
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
