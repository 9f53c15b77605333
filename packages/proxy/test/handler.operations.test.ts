// A new operation in the spec is proxied with no edit here: the routes, the query checks and the
// passed headers all come from the operations table the handler is given.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMockServer } from '@ofauth-mass-messages/mock-server';
import { buildOperations, type JsonObject } from '@ofauth-mass-messages/spec';
import { readDocument as loadSpec } from '@ofauth-mass-messages/spec/node';
import { describe, expect, it } from 'vitest';
import { createProxyHandler } from '../src/index.js';
import { expectProxyError } from './helpers/proxy-error.js';
import { API_KEY, CONNECTION_ID, recordingFetch } from './helpers/upstream.js';

const NEW_PATH = '/v2/access/analytics/mass-messages/refunded';

/** The bundle plus a third operation: a copy of the purchased list, paged up to 50. */
function bundleWithThirdOperation(): JsonObject {
  const copy = structuredClone(loadSpec()) as JsonObject & { paths: Record<string, JsonObject> };
  const purchased = copy.paths['/v2/access/analytics/mass-messages/purchased']?.get as JsonObject;
  const operation = structuredClone(purchased) as JsonObject & { parameters: JsonObject[] };
  operation.operationId = 'listRefundedMassMessages';
  operation.parameters = operation.parameters.map((p) =>
    p.name === 'limit' ? { ...p, schema: { type: 'integer', minimum: 1, maximum: 50 } } : p,
  );
  copy.paths[NEW_PATH] = { get: operation };
  return copy;
}

const table = buildOperations(bundleWithThirdOperation());

describe('an operation added to the spec', () => {
  it('is in the table built from the edited bundle', () => {
    expect(table.map((op) => op.operationId)).toContain('listRefundedMassMessages');
  });

  it('is forwarded with the server credentials and checked by its own rules', async () => {
    const upstream = recordingFetch({ body: '{"items":[],"hasMore":false}' });
    const handler = createProxyHandler({
      apiKey: API_KEY,
      authorize: () => CONNECTION_ID,
      upstream: 'http://upstream.test',
      fetch: upstream.fetch,
      operations: table,
    });

    const ok = await handler(new Request(`http://localhost${NEW_PATH}?limit=50`));
    const bad = await handler(new Request(`http://localhost${NEW_PATH}?limit=51`));

    expect(ok.status).toBe(200);
    expect(upstream.received).toEqual([
      {
        url: `http://upstream.test${NEW_PATH}?limit=50`,
        method: 'GET',
        headers: { accept: 'application/json', apikey: API_KEY, 'x-connection-id': CONNECTION_ID },
      },
    ]);
    await expectProxyError(bad, {
      status: 400,
      code: 'VALIDATION_ERROR',
      error: 'limit must be an integer from 1 to 50, got "51"',
      details: { parameter: 'limit', allowed: 'an integer from 1 to 50' },
    });
  });

  it('is unknown to a proxy on the built-in table (the table, not the code, decides)', async () => {
    const upstream = recordingFetch();
    const handler = createProxyHandler({
      apiKey: API_KEY,
      authorize: () => CONNECTION_ID,
      fetch: upstream.fetch,
    });
    const response = await handler(new Request(`http://localhost${NEW_PATH}`));

    expect(response.status).toBe(404);
    expect(upstream.received).toEqual([]);
  });

  it('reaches a mock serving the edited bundle, end to end', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'proxy-third-op-'));
    const document = join(dir, 'openapi.json');
    await writeFile(document, JSON.stringify(bundleWithThirdOperation()));
    const mock = await startMockServer({ port: 0, document });
    try {
      const handler = createProxyHandler({
        apiKey: API_KEY,
        authorize: () => CONNECTION_ID,
        upstream: mock.url,
        operations: table,
      });
      const response = await handler(new Request(`http://localhost${NEW_PATH}?limit=5`));
      const page = (await response.json()) as { items: unknown[]; hasMore: boolean };

      expect(response.status).toBe(200);
      expect(Array.isArray(page.items)).toBe(true);
      expect(typeof page.hasMore).toBe('boolean');
    } finally {
      await mock.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
