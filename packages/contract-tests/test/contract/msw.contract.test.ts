// The contract checks against the MSW handlers (`@ofauth-mass-messages/mocks/msw`) in Node, in
// every mode: what a frontend's unit and component tests run on must answer as the spec says,
// like the mock server does (the same checks, negative ones included).
import { MOCK_MODES } from '@ofauth-mass-messages/mocks';
import { startMswTarget } from '../../src/msw-target.js';
import { describeContract } from './describe-contract.js';

for (const mode of MOCK_MODES) {
  describeContract(`contract: MSW handlers (${mode} mode)`, () => startMswTarget(mode), {
    errors: 'all',
  });
}
