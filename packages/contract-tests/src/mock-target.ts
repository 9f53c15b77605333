// The mock server of packages/mock-server (the mocks' shared core behind node:http, every answer
// checked against the spec by Prism's gate), started on a free port of 127.0.0.1 and stopped by
// its own handle, in any of its modes.
import { startMockServer } from '@ofauth-mass-messages/mock-server';
import type { MockMode } from '@ofauth-mass-messages/mocks';
import type { PagingBound } from './checks.js';
import { type ClientFactory, localTarget, type Target } from './target.js';

/**
 * A small dataset: every filter has several pages at page size 4, and a paging check stays well
 * inside its request budget. `generated` sizes every operation without hand-made records (a new
 * one in the spec) and every operation in dynamic mode.
 */
export const MOCK_DATASET = {
  seed: 7,
  dataset: { massMessages: 23, purchased: 31, generated: 13 },
} as const;

/**
 * Two pages of 4: the page API against the mocks' answers. Not to the end: the mocks' own tests
 * page every operation to the end in every mode (packages/mocks), the proxy target does it here.
 */
export const MOCK_PAGING: PagingBound = { pageSize: 4, maxItems: 8, reachesEnd: false };

/** Pages of 4 to the end, over at most a few dozen records: several pages, an odd last one. */
export const MOCK_PAGING_TO_THE_END: PagingBound = { pageSize: 4, maxItems: 200, reachesEnd: true };

export interface MockTargetOptions {
  /** Another bundled document (JSON) to serve than the spec's: a fixture with every shape. */
  document?: string;
  /** The client of that document's table. */
  client?: ClientFactory;
  paging?: PagingBound;
}

export async function startMockTarget(
  mode: MockMode,
  options: MockTargetOptions = {},
): Promise<Target> {
  const mock = await startMockServer({
    port: 0,
    mode,
    ...MOCK_DATASET,
    ...(options.document ? { document: options.document } : {}),
    // CI runs every package's tests at once on two cores: give it time (below hookTimeout).
    startTimeoutMs: 75_000,
  });
  return localTarget(
    `mock server (${mode})`,
    mock.url,
    options.paging ?? MOCK_PAGING,
    () => mock.stop(),
    options.client ? { client: options.client } : {},
  );
}
