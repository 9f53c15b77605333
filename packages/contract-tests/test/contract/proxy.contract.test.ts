// The contract checks through the proxy to the mock (dataset mode): the client calls the proxy
// with no key, the proxy adds the credentials and checks the query with the spec. The negative
// checks of parameters run too (the proxy answers the spec's 400 itself, in the vendor's shape);
// those of credentials do not apply, since the proxy sends its own.
import { expect } from 'vitest';
import { contractChecks } from '../../src/checks.js';
import { startProxyTarget } from '../../src/proxy-target.js';
import { describeContract } from './describe-contract.js';

const CREDENTIAL_HEADERS = ['apikey', 'x-connection-id', 'authorization'];

describeContract('contract: proxy → mock (dataset mode)', () => startProxyTarget(), {
  // The proxy answers a bad parameter itself, in the vendor's shape: the negative checks hold its
  // 400s to it on their way to the user, as they hold the mock's.
  errors: 'parameters',
  targetTests: {
    // The point of the proxy: the browser's client holds and sends no credential, and still
    // gets the mock's pages, because the proxy adds them on the server.
    'the client sends no credential and gets 200s': async (target) => {
      const sent: string[] = [];
      const [first] = contractChecks();
      if (!first) throw new Error('the operations table has no check');
      const outcome = await first.run(
        target.context((request) => {
          sent.push(...CREDENTIAL_HEADERS.filter((name) => request.headers.has(name)));
          return request;
        }),
      );
      expect(outcome.requests.length).toBeGreaterThan(0);
      expect(sent).toEqual([]);
      expect(outcome.statuses).toEqual(outcome.statuses.map(() => 200));
    },
  },
});
