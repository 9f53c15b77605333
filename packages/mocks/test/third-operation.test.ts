// A new paged operation is a spec edit and nothing else: given a copy of the bundle with a third
// GET (listTopMassMessages, copied from listMassMessages), every mode of the in-process Fetch
// function serves it pages that the spec accepts and that end. (The mock server's side of the
// same promise: packages/mock-server/test/third-operation.test.ts.)
import { SpecValidator } from '@ofauth-mass-messages/spec-validator';
import { describe, expect, it } from 'vitest';
import { MOCK_MODES } from '../src/core/options.js';
import { createMockFetch } from '../src/fetch.js';
import { readSpecData } from '../src/spec/read.js';
import { walk } from './helpers/http.js';
import { expectValid } from './helpers/spec.js';
import { THIRD, THIRD_PATH, withThirdOperation } from './helpers/third-operation.js';

const doc = withThirdOperation();
const validator = new SpecValidator(doc);
const spec = readSpecData(doc);

describe.each(MOCK_MODES)('%s mode, a third operation', (mode) => {
  it('createMockFetch pages it to the end', async () => {
    const fetcher = createMockFetch({ mode, seed: 2, spec });
    const { pages } = await walk(`https://api.test${THIRD_PATH}`, 'list', fetcher);
    for (const page of pages) expectValid(THIRD, 200, page, validator);
    expect(pages.at(-1)?.hasMore).toBe(false);
  });
});
