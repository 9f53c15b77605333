// dynamic mode: bodies generated from the schemas, realistic through the spec's x-faker
// annotations, bounded by its root x-json-schema-faker options, and repeatable with a seed.
import { type JsonObject, loadSpec } from '@ofauth-mass-messages/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockServer, startMockServer } from '../src/server.js';
import { AUTH, getJson, LIST, OPERATIONS, PURCHASED, pathOf } from './helpers/http.js';
import { expectValid } from './helpers/spec.js';

const SEED = 7;
let mock: MockServer;
let twin: MockServer;

beforeAll(async () => {
  // Two servers with the same seed: the same seed must give the same bodies across starts.
  [mock, twin] = await Promise.all([
    startMockServer({ port: 0, mode: 'dynamic', seed: SEED }),
    startMockServer({ port: 0, mode: 'dynamic', seed: SEED }),
  ]);
});
afterAll(async () => {
  await Promise.all([mock?.stop(), twin?.stop()]);
});

const ISO_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/;
const CDN_URL = /^https:\/\/cdn\.[a-z.-]+\/\S+$/;

/** Every value in a body whose key is `key`, at any depth. */
function valuesOf(body: unknown, key: string): unknown[] {
  if (Array.isArray(body)) return body.flatMap((item) => valuesOf(item, key));
  if (body && typeof body === 'object') {
    return Object.entries(body).flatMap(([k, v]) => [
      ...(k === key ? [v] : []),
      ...valuesOf(v, key),
    ]);
  }
  return [];
}

function itemsOf(operationId: string, body: unknown): JsonObject[] {
  const page = body as { list?: JsonObject[]; items?: JsonObject[] };
  return (operationId === LIST ? page.list : page.items) ?? [];
}

function propertiesOf(schemaName: string): string[] {
  const schema = loadSpec().components.schemas[schemaName] as JsonObject;
  return Object.keys(schema.properties as JsonObject);
}

describe('dynamic mode', () => {
  it.each(OPERATIONS)('%s answers a body valid against the spec', async (operationId) => {
    const { status, body } = await getJson(`${mock.url}${pathOf(operationId)}`);
    expect(status).toBe(200);
    expectValid(operationId, 200, body);
  });

  it.each(OPERATIONS)(
    '%s answers the same body twice, and on another server with the same seed',
    async (operationId) => {
      const url = (server: MockServer) => `${server.url}${pathOf(operationId)}?limit=5`;
      const first = await getJson(url(mock));
      const again = await getJson(url(mock));
      const twinBody = await getJson(url(twin));
      expect(again.body).toEqual(first.body);
      expect(twinBody.body).toEqual(first.body);
    },
  );

  it('answers another body for another seed', async () => {
    const ours = await getJson(`${mock.url}${pathOf(PURCHASED)}`);
    const other = await getJson(`${mock.url}${pathOf(PURCHASED)}`, { ...AUTH, Prefer: 'seed=8' });
    expectValid(PURCHASED, 200, other.body);
    expect(other.body).not.toEqual(ours.body);
  });

  it('invents no property the schemas lack (fillProperties off)', async () => {
    const list = await getJson(`${mock.url}${pathOf(LIST)}`);
    const purchased = await getJson(`${mock.url}${pathOf(PURCHASED)}`);
    const allowed = (name: string) => new Set(propertiesOf(name));
    for (const item of itemsOf(LIST, list.body)) {
      for (const key of Object.keys(item)) expect(allowed('MassMessage')).toContain(key);
    }
    for (const item of itemsOf(PURCHASED, purchased.body)) {
      for (const key of Object.keys(item)) expect(allowed('PurchasedMassMessage')).toContain(key);
    }
  });

  it('bounds arrays with the root x-json-schema-faker maxItems', async () => {
    const maxItems = (loadSpec()['x-json-schema-faker'] as { maxItems: number }).maxItems;
    for (const seed of [1, 2, 3]) {
      for (const operationId of OPERATIONS) {
        const { body } = await getJson(`${mock.url}${pathOf(operationId)}`, {
          ...AUTH,
          Prefer: `seed=${seed}`,
        });
        expect(itemsOf(operationId, body).length).toBeLessThanOrEqual(maxItems);
      }
    }
  });

  it('fills values that look real: ISO dates, CDN URLs, decimal prices, words', async () => {
    const bodies = await Promise.all(
      [1, 2, 3, 4].flatMap((seed) =>
        OPERATIONS.map((operationId) =>
          getJson(`${mock.url}${pathOf(operationId)}`, { ...AUTH, Prefer: `seed=${seed}` }),
        ),
      ),
    );
    const all = bodies.map(({ body }) => body);
    const dates = [...valuesOf(all, 'date'), ...valuesOf(all, 'createdAt')];
    const urls = valuesOf(all, 'url');
    const prices = valuesOf(all, 'price');
    const texts = valuesOf(all, 'text');
    // Enough values to mean something, whichever optional fields the seeds left out.
    for (const values of [dates, urls, prices, texts]) expect(values.length).toBeGreaterThan(2);
    for (const date of dates) expect(date).toMatch(ISO_DATE);
    for (const url of urls) expect(url).toMatch(CDN_URL);
    for (const price of prices) expect(price).toMatch(/^\d+\.\d\d$/);
    for (const text of texts) expect(text).toMatch(/^\p{Lu}[\p{L}\p{N}\s,.'’&%()-]+$/u);
  });

  it('simulates an error with Prefer: code=500', async () => {
    const { status, body } = await getJson(`${mock.url}${pathOf(LIST)}`, {
      ...AUTH,
      Prefer: 'code=500',
    });
    expect(status).toBe(500);
    expectValid(LIST, 500, body);
  });
});
