// The cases every runtime runs, through the proxy to the mock: both operations through the
// client, paging to the end, a browser's own key header, and the proxy's 404, 400 and 405. Plain
// fetch, URL and the client only, so the same file runs in Node, Deno, Bun and workerd (bundled).
import { createClient } from '@ofauth-mass-messages/client';

/** What a run needs to know: where the proxy is, and what the mock holds. */
export interface CasesConfig {
  /** The proxy's base URL, such as `http://127.0.0.1:8787/api`. */
  proxyUrl: string;
  /** How many items each operation has in the mock's dataset (paging must reach them all). */
  totals: Record<'listMassMessages' | 'listPurchasedMassMessages', number>;
}

/** The cases, in table order. */
export const CASES = [
  'listMassMessages',
  'listPurchasedMassMessages',
  'paging to the end',
  'refused key header',
  '404',
  '400',
  '405',
] as const;

export type CaseName = (typeof CASES)[number];

export interface CaseResult {
  name: CaseName | string;
  ok: boolean;
  /** What was seen: a count, a status, or what went wrong. */
  detail: string;
  /** What the README shows after ✓ when "passed" needs words (`cancelled`). */
  note?: string;
  ms: number;
}

/** The key and connection id a page might try to send: the proxy must drop both. */
export const BROWSER_KEY = 'sk_browser_MUST-NOT-REACH-THE-API';
export const BROWSER_CONNECTION = 'conn_browser_must_not_reach_the_api';

type Check = () => Promise<string>;

/** Throws with `message` unless `condition`: a case's way of failing. */
function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** An answer of the proxy's own: the API's error shape (`error`, `type`, `requestId`) and its code. */
async function errorOf(response: Response) {
  const body = (await response.json()) as {
    error?: string;
    type?: string;
    requestId?: string;
    code?: string;
    details?: unknown;
  };
  expect(typeof body.error === 'string', `no "error" in ${JSON.stringify(body)}`);
  expect(typeof body.type === 'string', `no "type" in ${JSON.stringify(body)}`);
  expect(
    body.requestId === response.headers.get('x-request-id'),
    `requestId ${body.requestId} is not the x-request-id header`,
  );
  return body;
}

/** Runs every case against the proxy at `config.proxyUrl`; never throws. */
export async function runCases(config: CasesConfig): Promise<CaseResult[]> {
  const base = config.proxyUrl.replace(/\/$/, '');
  // Through a proxy: no key, no connection id (the proxy adds them on the server).
  const client = createClient({ baseUrl: base });
  const raw = (path: string, init?: RequestInit) => fetch(`${base}${path}`, init);

  const checks: Record<CaseName, Check> = {
    async listMassMessages() {
      const page = await client.listMassMessages({ limit: 5, type: 'sent' });
      expect(page.list.length === 5, `${page.list.length} items, not 5`);
      expect(typeof page.hasMore === 'boolean', 'no hasMore');
      expect(
        page.list.every((item) => typeof item.id === 'number'),
        'an item without id',
      );
      return `5 items, hasMore ${page.hasMore}`;
    },
    async listPurchasedMassMessages() {
      const page = await client.listPurchasedMassMessages({ limit: 7 });
      expect(page.items.length === 7, `${page.items.length} items, not 7`);
      expect(typeof page.hasMore === 'boolean', 'no hasMore');
      return `7 items, hasMore ${page.hasMore}`;
    },
    async 'paging to the end'() {
      let sent = 0;
      for await (const _ of client.listMassMessages({ type: 'sent' })) sent++;
      let purchased = 0;
      for await (const _ of client.listPurchasedMassMessages({ limit: 40 })) purchased++;
      const { listMassMessages, listPurchasedMassMessages } = config.totals;
      expect(sent === listMassMessages, `${sent} sent messages, the mock has ${listMassMessages}`);
      expect(
        purchased === listPurchasedMassMessages,
        `${purchased} purchased, the mock has ${listPurchasedMassMessages}`,
      );
      return `${sent} + ${purchased} items`;
    },
    async 'refused key header'() {
      // Served with the server's credentials; that the API never saw these is checked upstream.
      const response = await raw('/v2/access/mass-messages?limit=1', {
        headers: { apiKey: BROWSER_KEY, 'x-connection-id': BROWSER_CONNECTION },
      });
      expect(response.status === 200, `status ${response.status}`);
      const text = await response.text();
      expect(!text.includes(BROWSER_KEY), 'the browser key came back');
      return '200, dropped';
    },
    async '404'() {
      const response = await raw('/v2/access/unknown');
      expect(response.status === 404, `status ${response.status}`);
      const body = await errorOf(response);
      expect(body.code === 'NOT_FOUND', `code ${body.code}`);
      return '404 NOT_FOUND';
    },
    async '400'() {
      const response = await raw('/v2/access/mass-messages?limit=999');
      expect(response.status === 400, `status ${response.status}`);
      const body = await errorOf(response);
      expect(body.code === 'VALIDATION_ERROR', `code ${body.code}`);
      expect(
        (body.details as { parameter?: string } | undefined)?.parameter === 'limit',
        'the parameter is not named',
      );
      return '400 VALIDATION_ERROR (limit)';
    },
    async '405'() {
      const response = await raw('/v2/access/mass-messages', { method: 'POST', body: '{}' });
      expect(response.status === 405, `status ${response.status}`);
      expect(response.headers.get('allow') === 'GET', `Allow ${response.headers.get('allow')}`);
      const body = await errorOf(response);
      expect(body.code === 'METHOD_NOT_ALLOWED', `code ${body.code}`);
      return '405 METHOD_NOT_ALLOWED, Allow: GET';
    },
  };

  const results: CaseResult[] = [];
  for (const name of CASES) {
    const started = Date.now();
    try {
      const detail = await checks[name]();
      results.push({ name, ok: true, detail, ms: Date.now() - started });
    } catch (error) {
      const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      results.push({ name, ok: false, detail, ms: Date.now() - started });
    }
  }
  return results;
}
