// The contract checks through the proxy to the mock (dataset mode): the client calls the proxy
// with no key, the proxy adds the credentials and checks the query with the spec. The negative
// checks of parameters run too (the proxy answers the spec's 400 itself); those of credentials
// do not apply, since the proxy sends its own.
import { startProxyTarget } from '../../src/proxy-target.js';
import { describeContract } from './describe-contract.js';

describeContract('contract: proxy → mock (dataset mode)', () => startProxyTarget(), {
  errors: 'parameters',
});
