// The contract checks against the real API, only when OFAUTH_API_KEY and OFAUTH_CONNECTION_ID
// are set: read-only GETs, at most 4 requests per check (2 pages and a retry of each). Without
// them the suite is skipped and one line says which variables run it. The key is never printed.
import { describe, it } from 'vitest';
import { contractChecks } from '../../src/checks.js';
import { LIVE_SKIP_LINE, readSettings } from '../../src/settings.js';
import { liveTarget } from '../../src/target.js';
import { expectOutcome } from './describe-contract.js';

const { live } = readSettings();
if (!live) console.log(LIVE_SKIP_LINE);

const title = live
  ? `contract: live API at ${live.baseUrl}`
  : 'contract: live API (skipped: OFAUTH_API_KEY and OFAUTH_CONNECTION_ID are not set)';

describe.skipIf(!live)(title, () => {
  // Built lazily: without credentials this body only names the tests it skips.
  const target = live ? liveTarget(live) : undefined;

  it.each(contractChecks().map((check) => [check.name, check] as const))(
    '%s',
    async (_name, check) => {
      if (!target) throw new Error('unreachable: the suite is skipped without credentials');
      // A check throws a ContractViolations error naming the operation, JSON path and rule.
      expectOutcome(await check.run(target.context()), check, 200);
    },
  );
});
