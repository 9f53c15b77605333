// dataset mode: a seeded, fixed set of records behind `prism proxy --errors`, paged honestly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataset } from '../src/dataset/generate.js';
import { MASS_MESSAGE_TYPES } from '../src/dataset/records.js';
import { type MockServer, startMockServer } from '../src/server.js';
import { AUTH, getJson, LIST, OPERATIONS, PURCHASED, pathOf } from './helpers/http.js';
import { examplesOf, expectValid } from './helpers/spec.js';

const SEED = 11;
const dataset = createDataset({ seed: SEED, massMessages: 137, purchased: 250 });
let mock: MockServer;
const lines: string[] = [];

beforeAll(async () => {
  mock = await startMockServer({
    port: 0,
    mode: 'dataset',
    seed: SEED,
    onLog: (line) => lines.push(line),
  });
});
afterAll(async () => {
  await mock?.stop();
});

interface PageBody {
  list?: Array<{ id: number }>;
  items?: Array<{ id: number }>;
  hasMore: boolean;
}

/** Pages through an operation with `limit` until hasMore is false; checks each page on the way. */
async function pageThrough(
  operationId: string,
  limit: number,
  query = '',
): Promise<{ records: unknown[]; pages: PageBody[] }> {
  const records: unknown[] = [];
  const pages: PageBody[] = [];
  for (let offset = 0; pages.length < 100; offset += limit) {
    const { status, body } = await getJson(
      `${mock.url}${pathOf(operationId)}?limit=${limit}&offset=${offset}${query}`,
    );
    expect(status).toBe(200);
    expectValid(operationId, 200, body);
    const page = body as PageBody;
    pages.push(page);
    records.push(...((operationId === LIST ? page.list : page.items) ?? []));
    if (!page.hasMore) break;
  }
  return { records, pages };
}

describe('dataset mode', () => {
  it('reports its seed', () => {
    expect(mock.seed).toBe(SEED);
  });

  it.each(OPERATIONS)('%s answers a body valid against the spec', async (operationId) => {
    const { status, body } = await getJson(`${mock.url}${pathOf(operationId)}`);
    expect(status).toBe(200);
    expectValid(operationId, 200, body);
  });

  it("applies the spec's defaults: the first 10 sent messages, the first 20 purchased", async () => {
    expect((await getJson(`${mock.url}${pathOf(LIST)}`)).body).toEqual({
      list: dataset.massMessages.sent.slice(0, 10),
      hasMore: true,
    });
    expect((await getJson(`${mock.url}${pathOf(PURCHASED)}`)).body).toEqual({
      items: dataset.purchased.slice(0, 20),
      hasMore: true,
    });
  });

  it.each(OPERATIONS)('%s answers the same body twice', async (operationId) => {
    const url = `${mock.url}${pathOf(operationId)}?limit=7&offset=3`;
    expect((await getJson(url)).body).toEqual((await getJson(url)).body);
  });

  it.each(MASS_MESSAGE_TYPES.flatMap((type) => [20, 7].map((limit) => [type, limit] as const)))(
    'pages through every %s message once with limit %i, hasMore false only at the end',
    async (type, limit) => {
      const { records, pages } = await pageThrough(LIST, limit, `&type=${type}`);
      expect(records).toEqual(dataset.massMessages[type]);
      expect(pages.map((page) => page.hasMore)).toEqual(pages.map((_, i) => i < pages.length - 1));
      expect(pages).toHaveLength(Math.max(1, Math.ceil(dataset.massMessages[type].length / limit)));
    },
  );

  it.each([100, 33])('pages through every purchased message once with limit %i', async (limit) => {
    const { records, pages } = await pageThrough(PURCHASED, limit);
    expect(records).toEqual(dataset.purchased);
    expect(new Set(records.map((record) => (record as { id: number }).id)).size).toBe(250);
    expect(pages.at(-1)?.hasMore).toBe(false);
    expect(pages.slice(0, -1).every((page) => page.hasMore)).toBe(true);
  });

  it('answers an empty last page past the end', async () => {
    const { body } = await getJson(`${mock.url}${pathOf(PURCHASED)}?offset=250`);
    expect(body).toEqual({ items: [], hasMore: false });
  });

  it.each([
    [401, 'invalidApiKey'],
    [429, 'rateLimited'],
    [500, 'upstreamFailure'],
  ])('simulates %i with Prefer: code=%i (example %s)', async (code, name) => {
    for (const operationId of OPERATIONS) {
      const { status, headers, body } = await getJson(`${mock.url}${pathOf(operationId)}`, {
        ...AUTH,
        Prefer: `code=${code}`,
      });
      expect(status).toBe(code);
      expect(body).toEqual(examplesOf(operationId, code)[name]);
      if (code === 429) expect(headers.get('retry-after')).toBe('30');
    }
  });

  it('redacts a key sent in the query from the forwarding log', async () => {
    await getJson(`${mock.url}${pathOf(LIST)}?limit=1&apiKey=sk_live_secret`);
    await expect
      .poll(() => lines.some((line) => line.includes('apiKey=[redacted]')), { timeout: 10_000 })
      .toBe(true);
    expect(lines.join('\n')).not.toContain('sk_live_secret');
  });
});
