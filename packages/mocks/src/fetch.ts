// The mock as a Fetch function: `createMockFetch()` answers like the mock server, in-process, with
// no port. Hand it to a client as its `fetch` in tests; the MSW handlers call it too.

import { internalError, secretsOf } from './core/errors.js';
import { createMockCore, type MockCore, type MockCoreOptions } from './core/respond.js';
import { bodyOf, type MockResponse } from './core/response.js';
import type { SpecData } from './core/spec-data.js';
import { specData } from './generated/spec-data.js';

export interface MockFetchOptions extends MockCoreOptions {
  /** What to serve (default: the spec this package was built with). */
  spec?: SpecData;
}

/** A `fetch` answered by the mock, with its core (mode, seed) and a reset of `times=` counts. */
export interface MockFetch {
  (input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
  readonly core: MockCore;
  /** Makes every `times=` scenario play again. */
  reset(): void;
}

/**
 * Answers a Fetch `Request` with the core. Rejects only when the request is aborted (as fetch
 * does); any other failure inside, or an answer a `Response` cannot hold, is the spec's 500.
 */
export async function respondTo(core: MockCore, request: Request): Promise<Response> {
  const header = (name: string) => request.headers.get(name);
  const fail = (error: unknown) => internalError(error, secretsOf(core.spec.authHeaders, header));
  let answer: MockResponse;
  try {
    answer = await core.respond({
      method: request.method,
      url: new URL(request.url),
      header,
      signal: request.signal,
    });
  } catch (error) {
    if (request.signal.aborted) throw error;
    answer = fail(error);
  }
  try {
    return new Response(bodyOf(answer), { status: answer.status, headers: answer.headers });
  } catch (error) {
    const failed = fail(error);
    return new Response(failed.body, { status: failed.status, headers: failed.headers });
  }
}

export function createMockFetch(options: MockFetchOptions = {}): MockFetch {
  const { spec = specData, ...rest } = options;
  const core = createMockCore(spec, rest);
  const mockFetch = (input: RequestInfo | URL, init?: RequestInit) =>
    respondTo(core, new Request(input, init));
  return Object.assign(mockFetch, { core, reset: () => core.reset() });
}
