// The MSW handlers of packages/mocks (`@ofauth-mass-messages/mocks/msw`), in Node: `setupServer`
// from msw/node intercepts the process's fetch, and the client calls a base URL no server
// listens on, so every answer comes from the handlers (an unhandled request is an error).
import type { MockMode, SpecData } from '@ofauth-mass-messages/mocks';
import { createHandlers } from '@ofauth-mass-messages/mocks/msw';
import { setupServer } from 'msw/node';
import { MOCK_DATASET, MOCK_PAGING } from './mock-target.js';
import { type ClientFactory, localTarget, type Target } from './target.js';

/** Reserved for documentation and tests (RFC 2606): nothing answers it but the handlers. */
export const MSW_BASE_URL = 'http://mass-messages.example.test';

export interface MswTargetOptions {
  /** Another spec to serve than the built one (a fixture with every shape: `readSpecData(doc)`). */
  spec?: SpecData;
  /** The client of that spec's table. */
  client?: ClientFactory;
}

export async function startMswTarget(
  mode: MockMode,
  options: MswTargetOptions = {},
): Promise<Target> {
  const server = setupServer(
    ...createHandlers({
      baseUrl: MSW_BASE_URL,
      mode,
      ...MOCK_DATASET,
      ...(options.spec ? { spec: options.spec } : {}),
    }),
  );
  server.listen({ onUnhandledRequest: 'error' });
  return localTarget(
    `MSW handlers (${mode})`,
    MSW_BASE_URL,
    MOCK_PAGING,
    async () => {
      server.close();
    },
    options.client ? { client: options.client } : {},
  );
}
