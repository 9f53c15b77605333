// The operation shapes the vendor has (the mocks package's fixture: a list without offset and a
// date range, a GET answering one object, a path parameter), served by the server in every mode
// with Prism's gate checking each answer, and a spec the mock cannot serve refused at start. What
// each shape's answers hold in detail is the mocks package's test, on the same core.
import { MOCK_MODES, readSpecData } from '@ofauth-mass-messages/mocks';
import { SpecValidator } from '@ofauth-mass-messages/spec-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockServer, MockStartError, startMockServer } from '../src/server.js';
import { AUTH, BUYERS, CHART, SENT, withNewShapes, writeBundle } from './helpers.js';

const doc = withNewShapes();
const validator = new SpecValidator(doc);
const buyers = (id: string | number) => BUYERS.path.replace('{id}', String(id));

describe.each(MOCK_MODES)('the server, %s mode', (mode) => {
  let server: MockServer;
  let bundle: Awaited<ReturnType<typeof writeBundle>>;
  beforeAll(async () => {
    bundle = await writeBundle(doc);
    server = await startMockServer({ port: 0, mode, seed: 4, document: bundle.path });
  });
  afterAll(async () => {
    await server?.stop();
    await bundle?.dispose();
  });

  it.each([
    [SENT.operationId, `${SENT.path}?limit=2&startDate=2026-01-01T00:00:00Z`, 200],
    [CHART.operationId, `${CHART.path}?startDate=2026-11-01&withTotal=true`, 200],
    [BUYERS.operationId, `${buyers(42)}?limit=3&offset=0`, 200],
    [SENT.operationId, `${SENT.path}?startDate=2026-11-31T00:00:00Z`, 400],
    [BUYERS.operationId, buyers('abc'), 400],
  ])('%s: %s answers %d, a body the spec documents', async (operationId, target, status) => {
    const response = await fetch(`${server.url}${target}`, { headers: AUTH });
    const body = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(status);
    expect(validator.validateResponse(operationId, status, body).errors).toEqual([]);
  });

  it('a path below an operation is no route: 404 ROUTE_NOT_FOUND', async () => {
    const response = await fetch(`${server.url}${buyers(42)}/more`, { headers: AUTH });
    expect(response.status).toBe(404);
    expect((await response.json()).type).toBe('ROUTE_NOT_FOUND');
  });
});

it('a spec the mock cannot serve: the server refuses to start, naming the operation and where', async () => {
  const broken = withNewShapes();
  const schemas = broken.components?.schemas as Record<
    string,
    { properties: Record<string, unknown> }
  >;
  (schemas.MassMessageBuyer as { properties: Record<string, unknown> }).properties.code = {
    not: { type: 'string' },
  };
  expect(() => readSpecData(broken)).not.toThrow();
  const file = await writeBundle(broken);
  try {
    const started = startMockServer({ port: 0, document: file.path });
    await expect(started).rejects.toBeInstanceOf(MockStartError);
    await expect(started).rejects.toThrow(/listMassMessageBuyers .* uses "not"/);
  } finally {
    await file.dispose();
  }
});
