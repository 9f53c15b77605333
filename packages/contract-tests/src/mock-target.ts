// The mock server of packages/mock-server (the mocks' shared core behind node:http, every answer
// checked against the spec by Prism's gate), started on a free port of 127.0.0.1 and stopped by
// its own handle, in any of its modes.
import { startMockServer } from '@ofauth-mass-messages/mock-server';
import type { MockMode } from '@ofauth-mass-messages/mocks';
import { localTarget, type Target } from './target.js';

/**
 * A small dataset: every filter has several pages at page size 4, and a paging check stays well
 * inside its request budget. `generated` sizes every operation without hand-made records (a new
 * one in the spec) and every operation in dynamic mode.
 */
export const MOCK_DATASET = {
  seed: 7,
  dataset: { massMessages: 23, purchased: 31, generated: 13 },
} as const;

/** Pages of 4 over at most a few dozen records: several pages, an odd last one, a finite end. */
export const MOCK_PAGING = { pageSize: 4, maxItems: 200, reachesEnd: true } as const;

export async function startMockTarget(mode: MockMode): Promise<Target> {
  const mock = await startMockServer({
    port: 0,
    mode,
    ...MOCK_DATASET,
    // CI runs every package's tests at once on two cores: give it time (below hookTimeout).
    startTimeoutMs: 75_000,
  });
  return localTarget(`mock server (${mode})`, mock.url, MOCK_PAGING, () => mock.stop());
}
