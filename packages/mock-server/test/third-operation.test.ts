// A new paged operation is a spec edit and nothing else: started on a copy of the bundle with a
// third GET (listTopMassMessages, copied from listMassMessages), the server serves it in every
// mode, Prism's gate included, with pages the spec accepts and that end, its query checked and
// its scenarios played.
import { MOCK_MODES } from '@ofauth-mass-messages/mocks';
import { SpecValidator } from '@ofauth-mass-messages/spec-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockServer, startMockServer } from '../src/server.js';
import {
  expectValid,
  getJson,
  THIRD,
  THIRD_PATH,
  walk,
  withThirdOperation,
  writeThirdOperationBundle,
} from './helpers.js';

const validator = new SpecValidator(withThirdOperation());

describe.each(MOCK_MODES)('%s mode, a third operation', (mode) => {
  let bundle: Awaited<ReturnType<typeof writeThirdOperationBundle>>;
  let mock: MockServer;
  beforeAll(async () => {
    bundle = await writeThirdOperationBundle();
    mock = await startMockServer({ port: 0, mode, seed: 2, document: bundle.path });
  });
  afterAll(async () => {
    await mock?.stop();
    await bundle?.dispose();
  });

  it.each(['sent', 'scheduled'])('the server pages it (type=%s) to the end', async (type) => {
    const { pages, items, requests } = await walk(`${mock.url}${THIRD_PATH}?type=${type}`, 'list');
    for (const page of pages) expectValid(THIRD, 200, page, validator);
    expect(items.length).toBeGreaterThan(0);
    expect(requests).toBe(pages.length);
  });

  it('the server checks its query and plays its scenarios', async () => {
    const bad = await getJson(`${mock.url}${THIRD_PATH}?type=top`);
    expect(bad.body).toMatchObject({ type: 'BAD_REQUEST', details: { parameter: 'type' } });
    const limited = await getJson(`${mock.url}${THIRD_PATH}`, {
      apiKey: 'k',
      'x-connection-id': 'c',
      prefer: 'code=429',
    });
    expect(limited.status).toBe(429);
  });
});
