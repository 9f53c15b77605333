// The contract checks against the Prism mock (what CI runs): in dataset mode a seeded, finite
// set of records paged honestly, so paging must end, limits must hold and every response must
// conform; the negative checks (401 without credentials, the spec's 400 naming a bad
// parameter). Examples mode answers the spec's named examples: the same checks.

import { startMockTarget } from '../../src/mock-target.js';
import { describeContract } from './describe-contract.js';

describeContract('contract: mock (dataset mode)', () => startMockTarget('dataset'), {
  errors: 'all',
});

describeContract('contract: mock (examples mode)', () => startMockTarget('examples'), {
  errors: 'all',
});
