// The default target: the mock server of packages/mocks, started on a free port of 127.0.0.1
// and stopped by its own handle.
import { type MockMode, startMockServer } from '@ofauth-mass-messages/mocks';
import { localTarget, type Target } from './target.js';

/**
 * A small dataset (23 mass messages over the three types, 31 purchased): every filter has
 * several pages at page size 4, and a paging check stays well inside its request budget.
 */
export const MOCK_DATASET = { seed: 7, massMessages: 23, purchased: 31 } as const;

export async function startMockTarget(mode: MockMode): Promise<Target> {
  const mock = await startMockServer({
    port: 0,
    mode,
    seed: MOCK_DATASET.seed,
    dataset: { massMessages: MOCK_DATASET.massMessages, purchased: MOCK_DATASET.purchased },
    // CI runs every package's tests at once on two cores: give Prism time (below hookTimeout).
    startTimeoutMs: 75_000,
  });
  return localTarget(
    `mock (${mode})`,
    mock.url,
    { pageSize: 4, maxItems: 200, reachesEnd: true },
    () => mock.stop(),
  );
}
