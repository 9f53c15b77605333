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

/** MSW's spelling of a path template: `/x/{id}/buyers` → `/x/:id/buyers`. */
function mswPath(path: string): string {
  return path.replace(/\{([^}]*)\}/g, ':$1');
}

/**
 * One `http.get` handler per operation of the spec, at `baseUrl` + its path (path parameters as
 * MSW's `:name`). MSW only picks the handler: the core routes and checks the request itself, as
 * the server does. Throws, naming what, for a bad option or a spec the mock cannot serve.
 */
export function createHandlers(options: HandlersOptions = {}): HttpHandler[] {
  const { baseUrl = defaultBaseUrl, mock, ...rest } = options;
  const base = new URL(baseUrl);
  const core = (mock ?? createMockFetch({ ...rest, basePath: base.pathname })).core;
  const root = `${base.origin}${base.pathname.replace(/\/+$/, '')}`;
  return core.spec.operations.map((operation) =>
    http.get(`${root}${mswPath(operation.path)}`, ({ request }) => respondTo(core, request)),
  );
}

export {
  MOCK_MODES,
  type MockMode,
  type MockOptions,
  type RateLimitOption,
} from './core/options.js';
export type { SpecData } from './core/spec-data.js';
export { UnservableSpecError } from './dataset/support.js';
export { createMockFetch, type MockFetch, type MockFetchOptions } from './fetch.js';
