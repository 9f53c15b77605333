// The checks of every kind of operation against every local target, on the client's fixture
// bundle (the spec plus an operation of each shape: a page without offset and date-time
// parameters, an object with date and boolean parameters, an offset-paged list under a path
// parameter): the mock server and the MSW handlers in every mode, and the proxy in front of the
// mock, each serving that bundle. Only the fixture's own operations: the spec's are the other
// suites'. The recorded upstream and the live API serve the spec only.
import { MOCK_MODES, readSpecData } from '@ofauth-mass-messages/mocks';
import { describe, expect, it } from 'vitest';
import { contractChecks } from '../../src/checks.js';
import { startMockTarget } from '../../src/mock-target.js';
import { startMswTarget } from '../../src/msw-target.js';
import { startProxyTarget } from '../../src/proxy-target.js';
import {
  everyShapeClient as client,
  everyShapeDocumentPath as document,
  everyShapeDocument,
  fixtureOperations,
  everyShapeSpec as spec,
} from '../fixtures/every-shape.js';
import { describeContract } from './describe-contract.js';

const checks = contractChecks(spec, fixtureOperations);

// The suites below are only "every shape" while the fixture holds one operation of each kind the
// client serves; a fixture edit that drops one would leave that kind unchecked without a failure.
describe('the every-shape fixture', () => {
  it('holds an offset page under a path parameter, a page without offset and an object', () => {
    const kinds = fixtureOperations.map((op) =>
      op.kind === 'object'
        ? 'object'
        : `${op.paging} page${op.pathParams.length > 0 ? ' with path parameters' : ''}`,
    );
    expect(new Set(kinds)).toEqual(
      new Set(['offset page with path parameters', 'none page', 'object']),
    );
    // Each of them gets checks against every target.
    for (const op of fixtureOperations) {
      expect(checks.some((check) => check.name.startsWith(`${op.operationId}: `))).toBe(true);
    }
  });
});

for (const mode of MOCK_MODES) {
  describeContract(
    `contract, every shape: mock server (${mode} mode)`,
    () => startMockTarget(mode, { document, client }),
    { spec, checks, errors: 'all' },
  );
}

for (const mode of MOCK_MODES) {
  describeContract(
    `contract, every shape: MSW handlers (${mode} mode)`,
    () => startMswTarget(mode, { spec: readSpecData(everyShapeDocument), client }),
    { spec, checks, errors: 'all' },
  );
}

describeContract(
  'contract, every shape: proxy → mock (dataset mode)',
  () => startProxyTarget({ document, client, operations: spec.operations }),
  // The proxy adds the credentials itself: the negative checks of parameters only.
  { spec, checks, errors: 'parameters' },
);
