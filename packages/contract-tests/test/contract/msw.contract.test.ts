// The contract checks against the MSW handlers (`@ofauth-mass-messages/mocks/msw`) in Node, in
// every mode: what a frontend's unit and component tests run on must answer as the spec says,
// like the mock server does (the same checks, negative ones included).
import { MOCK_MODES } from '@ofauth-mass-messages/mocks';
import { expect } from 'vitest';
import { contractChecks } from '../../src/checks.js';
import { startMswTarget } from '../../src/msw-target.js';
import { describeContract } from './describe-contract.js';

for (const mode of MOCK_MODES) {
  describeContract(`contract: MSW handlers (${mode} mode)`, () => startMswTarget(mode), {
    errors: 'all',
    targetTests: {
      // A reserved name (RFC 2606) that no network answers: a 200 there came from the handlers.
      'answers in-process, at an address no server answers': async (target) => {
        expect(new URL(target.baseUrl).hostname).toMatch(/\.(test|invalid)$/);
        const [first] = contractChecks();
        if (!first) throw new Error('the operations table has no check');
        const outcome = await first.run(target.context());
        expect(outcome.statuses).toEqual(outcome.statuses.map(() => 200));
      },
    },
  });
}
