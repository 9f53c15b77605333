// examples mode: the spec's named examples, picked with the Prefer header.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockServer, startMockServer } from '../src/server.js';
import { AUTH, getJson, OPERATIONS, pathOf } from './helpers/http.js';
import { examplesOf, expectValid } from './helpers/spec.js';

let mock: MockServer;

beforeAll(async () => {
  mock = await startMockServer({ port: 0, mode: 'examples' });
});
afterAll(async () => {
  await mock?.stop();
});

const namedExamples = OPERATIONS.flatMap((operationId) =>
  Object.keys(examplesOf(operationId, 200)).map((name) => [operationId, name] as const),
);

describe('examples mode', () => {
  it.each(OPERATIONS)(
    '%s answers its first example by default, valid against the spec',
    async (operationId) => {
      const { status, body } = await getJson(`${mock.url}${pathOf(operationId)}`);
      expect(status).toBe(200);
      expectValid(operationId, 200, body);
      expect(body).toEqual(Object.values(examplesOf(operationId, 200))[0]);
    },
  );

  it.each(OPERATIONS)('%s answers the same body twice', async (operationId) => {
    const first = await getJson(`${mock.url}${pathOf(operationId)}`);
    const second = await getJson(`${mock.url}${pathOf(operationId)}`);
    expect(second.body).toEqual(first.body);
  });

  it.each(namedExamples)('%s answers Prefer: example=%s', async (operationId, name) => {
    const { status, body } = await getJson(`${mock.url}${pathOf(operationId)}`, {
      ...AUTH,
      Prefer: `example=${name}`,
    });
    expect(status).toBe(200);
    expect(body).toEqual(examplesOf(operationId, 200)[name]);
  });

  it.each([
    [401, 'invalidApiKey'],
    [403, 'connectionNotAllowed'],
    [404, 'connectionNotFound'],
    [429, 'rateLimited'],
    [500, 'upstreamFailure'],
  ])('simulates %i with Prefer: code=%i (example %s)', async (code, name) => {
    for (const operationId of OPERATIONS) {
      const { status, body } = await getJson(`${mock.url}${pathOf(operationId)}`, {
        ...AUTH,
        Prefer: `code=${code}`,
      });
      expect(status).toBe(code);
      expectValid(operationId, code, body);
      expect(body).toEqual(examplesOf(operationId, code)[name]);
    }
  });

  it('sends Retry-After with a simulated 429', async () => {
    const { headers } = await getJson(`${mock.url}${pathOf(OPERATIONS[0])}`, {
      ...AUTH,
      Prefer: 'code=429, example=rateLimited',
    });
    expect(headers.get('retry-after')).toBe('30');
  });
});
