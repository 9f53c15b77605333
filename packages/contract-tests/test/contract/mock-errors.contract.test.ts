// Negative cases against the mock in examples mode (its error bodies are the spec's named
// examples). The mock decides 401 only on whether the `apiKey` and `x-connection-id` headers are
// present, not on their values, so "bad key" is tested as a missing key, sent through
// `client.raw` with the header removed. Out-of-range parameters: the client refuses them before
// sending anything; sent raw, the mock refuses them with 422.
import {
  AuthenticationError,
  createClient,
  InvalidArgumentError,
  type OFAuthClient,
  UnprocessableEntityError,
} from '@ofauth-mass-messages/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractChecks, runChecked } from '../../src/checks.js';
import { driverFor, type ListParams } from '../../src/driver.js';
import { startMockTarget } from '../../src/mock-target.js';
import { allOperationFacts } from '../../src/spec-facts.js';
import { LOCAL_CREDENTIALS, type Target } from '../../src/target.js';

let target: Target;
beforeAll(async () => {
  target = await startMockTarget('examples');
});
afterAll(async () => {
  await target?.stop();
});

/** `client.raw.GET` over a path held in a string (the checks loop over operations). */
function rawGet(client: OFAuthClient, path: string, init: object): Promise<unknown> {
  return (client.raw.GET as unknown as (path: string, init: object) => Promise<unknown>)(
    path,
    init,
  );
}

const operations = allOperationFacts();

describe('contract: mock (examples mode)', () => {
  const firstPages = contractChecks().filter((c) => c.name.endsWith('first page (defaults)'));
  it.each(firstPages.map((check) => [check.name, check] as const))('%s', async (_name, check) => {
    await check.run(target.context());
  });
});

describe('negative: missing credentials get a 401 AuthenticationError', () => {
  const cases = operations.flatMap((facts) =>
    ['apiKey', 'x-connection-id'].map((header) => [facts.operationId, header, facts.path] as const),
  );

  it.each(cases)('%s without the %s header (client.raw)', async (_operationId, header, path) => {
    const { client, recorder } = target.context();
    // runChecked also validates the 401 body against the spec's 401 response.
    const error = await runChecked(recorder, () =>
      rawGet(client, path, { headers: { [header]: null } }),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, code: 'UNAUTHORIZED', method: 'GET', path });
    expect(recorder.responses.map((r) => r.status)).toEqual([401]);
    expect(String((error as Error).message)).not.toContain(LOCAL_CREDENTIALS.apiKey);
  });

  it('a wrong but present key is accepted: the mock checks presence only (the live API would 401)', async () => {
    const client = createClient({
      apiKey: 'wrong-key',
      connectionId: 'conn_x',
      baseUrl: target.baseUrl,
    });
    await expect(client.listMassMessages({ limit: 1 })).resolves.toMatchObject({ hasMore: true });
  });

  it.each([
    ['apiKey', { apiKey: '', connectionId: 'c' }],
    ['connectionId', { apiKey: 'k', connectionId: '' }],
  ])('a client without %s cannot be created', (parameter, credentials) => {
    expect(() => createClient({ ...credentials, baseUrl: target.baseUrl })).toThrow(
      expect.objectContaining({ name: 'InvalidArgumentError', parameter }),
    );
  });
});

/** Out-of-range values of each operation's parameters, from the spec's bounds. */
const outOfRange = operations.flatMap((facts) => {
  const rows: Array<[string, string, number | string, string]> = [
    [facts.operationId, 'limit', facts.limit.min - 1, facts.path],
    [facts.operationId, 'limit', facts.limit.max + 1, facts.path],
    [facts.operationId, 'limit', 1.5, facts.path],
    [facts.operationId, 'offset', facts.offset.min - 1, facts.path],
  ];
  if (facts.type) rows.push([facts.operationId, 'type', 'deleted', facts.path]);
  return rows;
});

describe('negative: out-of-range parameters', () => {
  it.each(outOfRange)(
    '%s %s=%s is refused by the client before sending',
    async (operationId, name, value) => {
      const { client, recorder } = target.context();
      const driver = driverFor(client, operationId);
      const error = await driver
        .list({ [name]: value } as ListParams)
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).parameter).toBe(name);
      expect((error as Error).message).toContain(`${operationId}: ${name} must be`);
      expect(recorder.sent).toBe(0);
    },
  );

  it.each(operations.map((f) => [f.operationId, f.limit.max + 1] as const))(
    '%s iterator pageSize=%s is refused when called, before sending',
    (operationId, pageSize) => {
      const { client, recorder } = target.context();
      expect(() => driverFor(client, operationId).iterate({ pageSize })).toThrow(
        InvalidArgumentError,
      );
      expect(recorder.sent).toBe(0);
    },
  );

  // The spec documents 400 for a bad parameter but no 422; Prism answers its own 422 problem
  // body, which is therefore checked here rather than against the spec.
  it.each(outOfRange)(
    '%s %s=%s sent raw is refused by the mock with 422',
    async (_operationId, name, value, path) => {
      const { client, recorder } = target.context();
      const error = await runChecked(
        recorder,
        () => rawGet(client, path, { params: { query: { [name]: value } } }),
        { skipStatuses: [422] },
      ).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(UnprocessableEntityError);
      expect(error).toMatchObject({ status: 422, path });
      const body = (error as UnprocessableEntityError).body as {
        validation?: Array<{ location: string[] }>;
      };
      expect(body.validation?.map((v) => v.location)).toContainEqual(['query', name]);
      expect(recorder.sent).toBe(1);
    },
  );
});
