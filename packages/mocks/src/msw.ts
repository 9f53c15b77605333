// `@ofauth-mass-messages/mocks/msw`: Mock Service Worker (2.x) handlers, one per operation of the
// spec's table, answered by the same core as the mock server (same dataset, scenarios, latency,
// sequences, 401 and 400). Browser-safe: nothing here imports Node, and the spec comes as data
// generated at build time.
import { defaultBaseUrl } from '@ofauth-mass-messages/spec/operations';
import { type HttpHandler, http } from 'msw';
import { createMockFetch, type MockFetch, type MockFetchOptions, respondTo } from './fetch.js';

export interface HandlersOptions extends MockFetchOptions {
  /** The base URL the app calls (default: the spec's server, what the client uses by default). */
  baseUrl?: string;
  /** Share a core with a `createMockFetch()` (its options then apply, and its `reset()`). */
  mock?: MockFetch;
}

/** One `http.get` handler per operation of the spec, at `baseUrl` + its path. */
export function createHandlers(options: HandlersOptions = {}): HttpHandler[] {
  const { baseUrl = defaultBaseUrl, mock, ...rest } = options;
  const base = new URL(baseUrl);
  const core = (mock ?? createMockFetch({ ...rest, basePath: base.pathname })).core;
  const root = `${base.origin}${base.pathname.replace(/\/+$/, '')}`;
  return core.spec.operations.map((operation) =>
    http.get(`${root}${operation.path}`, ({ request }) => respondTo(core, request)),
  );
}

export { MOCK_MODES, type MockMode, type MockOptions } from './core/options.js';
export type { SpecData } from './core/spec-data.js';
export { createMockFetch, type MockFetch, type MockFetchOptions } from './fetch.js';
