// A new paged operation is a spec edit and nothing else: given a copy of the bundle with a third
// GET (listTopMassMessages, copied from listMassMessages), every mode serves it pages that the
// spec accepts and that end, from the server and from the in-process Fetch function.
import { SpecValidator } from '@ofauth-mass-messages/spec-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOCK_MODES } from '../src/core/options.js';
import { createMockFetch } from '../src/fetch.js';
import { type MockServer, startMockServer } from '../src/server.js';
import { readSpecData } from '../src/spec/read.js';
import { getJson, walk } from './helpers/http.js';
import { expectValid } from './helpers/spec.js';
import {
  THIRD,
  THIRD_PATH,
  withThirdOperation,
  writeThirdOperationBundle,
} from './helpers/third-operation.js';

const doc = withThirdOperation();
const validator = new SpecValidator(doc);
const spec = readSpecData(doc);

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

  it('createMockFetch pages it to the end too', async () => {
    const fetcher = createMockFetch({ mode, seed: 2, spec });
    const { pages } = await walk(`https://api.test${THIRD_PATH}`, 'list', fetcher);
    for (const page of pages) expectValid(THIRD, 200, page, validator);
    expect(pages.at(-1)?.hasMore).toBe(false);
  });
});
