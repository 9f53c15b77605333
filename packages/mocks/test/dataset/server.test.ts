// The dataset server on its own, without Prism in front: what it answers when called directly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataset } from '../../src/dataset/generate.js';
import {
  assertDatasetMatchesSpec,
  type DatasetServer,
  startDatasetServer,
} from '../../src/dataset/server.js';
import { getJson, LIST, PURCHASED, pathOf } from '../helpers/http.js';

const dataset = createDataset({ seed: 3, massMessages: 30, purchased: 12 });
let server: DatasetServer;

beforeAll(async () => {
  server = await startDatasetServer(dataset);
});
afterAll(async () => {
  await server?.close();
});

describe('startDatasetServer', () => {
  it('listens on 127.0.0.1 and a free port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves a page of a type, honouring limit and offset', async () => {
    const { status, body } = await getJson(
      `${server.url}${pathOf(LIST)}?type=unsent&limit=2&offset=1`,
    );
    expect(status).toBe(200);
    expect(body).toEqual({ list: dataset.massMessages.unsent.slice(1, 3), hasMore: true });
  });

  it('serves the last purchased page with hasMore false', async () => {
    const { body } = await getJson(`${server.url}${pathOf(PURCHASED)}?limit=5&offset=10`);
    expect(body).toEqual({ items: dataset.purchased.slice(10), hasMore: false });
  });

  it('answers a bad parameter as the spec documents: 400 naming it', async () => {
    const { status, body } = await getJson(`${server.url}${pathOf(LIST)}?offset=-1`);
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'VALIDATION_ERROR', details: { parameter: 'offset' } });
  });

  it('answers Prefer: code=429 with the example and Retry-After', async () => {
    const { status, headers, body } = await getJson(`${server.url}${pathOf(PURCHASED)}`, {
      Prefer: 'code=429',
    });
    expect(status).toBe(429);
    expect(headers.get('retry-after')).toBe('30');
    expect(body).toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('answers an undocumented Prefer code with 400 naming the documented ones', async () => {
    const { status, body } = await getJson(`${server.url}${pathOf(LIST)}`, { Prefer: 'code=418' });
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'UNKNOWN_SCENARIO', message: expect.stringMatching(/418/) });
  });

  it.each([
    ['GET', '/v2/nope'],
    ['POST', pathOf(LIST)],
  ])('answers %s %s with 404', async (method, path) => {
    const response = await fetch(`${server.url}${path}`, { method });
    expect(response.status).toBe(404);
  });
});

describe('assertDatasetMatchesSpec', () => {
  it('refuses a dataset with a record the spec rejects, naming the path', () => {
    const broken = createDataset({ seed: 3, massMessages: 3, purchased: 1 });
    (broken.purchased[0] as Record<string, unknown>).price = 5;
    expect(() => assertDatasetMatchesSpec(broken)).toThrow(
      /listPurchasedMassMessages: \$\.items\[0\]\.price must be string/,
    );
  });
});
