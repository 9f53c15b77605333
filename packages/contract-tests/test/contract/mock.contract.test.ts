// The contract checks against the mock server (what CI runs), in every mode it has: dataset (a
// seeded, finite set of records paged honestly), examples (the spec's named examples as an
// honest page sequence) and dynamic (records generated from the schemas, seeded and bounded).
// In each, paging must end, limits must hold and every response must conform; and the negative
// checks: 401 without credentials, the spec's 400 naming a bad parameter.
import { MOCK_MODES } from '@ofauth-mass-messages/mocks';
import { expect } from 'vitest';
import { startMockTarget } from '../../src/mock-target.js';
import { describeContract } from './describe-contract.js';

for (const mode of MOCK_MODES) {
  describeContract(`contract: mock server (${mode} mode)`, () => startMockTarget(mode), {
    errors: 'all',
    targetTests: {
      // The house rule for servers a test starts: loopback only, on a port the system picked.
      'listens on 127.0.0.1 on a free port': async (target) => {
        const { hostname, port } = new URL(target.baseUrl);
        expect(hostname).toBe('127.0.0.1');
        expect(Number(port)).toBeGreaterThan(0);
      },
    },
  });
}
