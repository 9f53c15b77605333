// The mock itself, as one function from a request to a response, with no Node or browser API:
// the Node server (src/server.ts), the Fetch function and the MSW handlers (src/fetch.ts,
// src/msw.ts) are thin adapters around it, so every way of running the mock checks, pages and
// plays scenarios the same way. Everything per operation comes from the spec's operations table.
//
// Order of the checks, as the API has them: security headers (401), then the query (400), then
// a Prefer scenario, then the page; the latency comes last, on whatever the answer is.
import { type Operation, parseQuery } from '@ofauth-mass-messages/spec/operations';
import type { RecordCheck } from '../dataset/store.js';
import {
  MAX_LATENCY_MS,
  type MockMode,
  type MockOptions,
  type ResolvedMockOptions,
  resolveMockOptions,
} from './options.js';
import { createPager } from './pages.js';
import { type Preferences, parsePrefer } from './prefer.js';
import { json, type MockRequest, type MockResponse, wait } from './response.js';
import { createScenarios } from './scenarios.js';
import type { SpecData } from './spec-data.js';

export type { MockRequest, MockResponse } from './response.js';

export interface MockCoreOptions extends MockOptions {
  /** Where the operations' paths start: the path of the base URL (`/api` for `https://x/api`). */
  basePath?: string;
  /** Checks each generated record set once (the Node server validates it against the spec). */
  check?: RecordCheck;
}

export interface MockCore {
  readonly mode: MockMode;
  /** The seed in effect (dataset and dynamic modes). */
  readonly seed: number | undefined;
  readonly options: ResolvedMockOptions;
  readonly spec: SpecData;
  respond(request: MockRequest): Promise<MockResponse>;
  /** Builds (and checks) the records of every operation and filter value now, not on first use. */
  warm(): void;
  /** Forgets how often each `times=` scenario has played, so they play again. */
  reset(): void;
}

export function createMockCore(spec: SpecData, options: MockCoreOptions = {}): MockCore {
  const resolved = resolveMockOptions(options);
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const routes = new Map(spec.operations.map((op) => [`${basePath}${op.path}`, op]));
  const scenarios = createScenarios(spec, resolved.retryAfter);
  const pager = createPager(spec, resolved, options.check);

  function answer(operation: Operation, request: MockRequest, prefer: Preferences): MockResponse {
    const missing = spec.authHeaders.filter((name) => !request.header(name));
    if (missing.length > 0) {
      const documented = spec.responses[operation.operationId]?.['401']?.examples ?? {};
      const example = Object.values(documented)[0];
      return json(
        401,
        example ?? { message: `Missing header ${missing.join(', ')}`, code: 'UNAUTHORIZED' },
      );
    }
    const query = parseQuery(operation.query, request.url.searchParams);
    if (query.problem) {
      const { message, parameter, allowed } = query.problem;
      return json(400, { message, code: 'VALIDATION_ERROR', details: { parameter, allowed } });
    }
    return (
      scenarios.play(operation, prefer, request) ?? pager.page(operation, query.values, prefer)
    );
  }

  function route(method: string, request: MockRequest, prefer: Preferences): MockResponse {
    const operation = routes.get(request.url.pathname);
    if (!operation) {
      return json(404, {
        message: `No operation at ${request.url.pathname}; the mock serves ${[...routes.keys()].join(', ')}`,
        code: 'NOT_FOUND',
      });
    }
    if (method !== 'GET' && method !== 'HEAD') {
      return json(
        405,
        { message: `${operation.operationId} is a GET`, code: 'METHOD_NOT_ALLOWED' },
        { allow: 'GET, HEAD' },
      );
    }
    try {
      return answer(operation, request, prefer);
    } catch (error) {
      // A record set the spec rejects (the check): say so instead of serving it.
      return json(500, { message: (error as Error).message, code: 'MOCK_INVALID_DATA' });
    }
  }

  return {
    mode: resolved.mode,
    seed: resolved.seed,
    options: resolved,
    spec,
    reset: () => scenarios.reset(),
    warm: () => pager.warm(),
    async respond(request) {
      // CORS: a page on another origin (a Vite dev server) may call the mock with its headers.
      const cors: Record<string, string> = {
        'access-control-allow-origin': request.header('origin') ?? '*',
        'access-control-expose-headers': 'retry-after',
        vary: 'origin',
      };
      const method = request.method.toUpperCase();
      if (method === 'OPTIONS') {
        return {
          status: 204,
          headers: {
            ...cors,
            'access-control-allow-methods': 'GET, HEAD, OPTIONS',
            'access-control-allow-headers':
              request.header('access-control-request-headers') ??
              [...spec.authHeaders, 'prefer'].join(', '),
            'access-control-max-age': '600',
          },
          body: null,
        };
      }
      const prefer = parsePrefer(request.header('prefer'));
      const response = route(method, request, prefer);
      await wait(Math.min(prefer.delay ?? resolved.latency, MAX_LATENCY_MS), request.signal);
      return {
        ...response,
        headers: { ...cors, ...response.headers },
        body: method === 'HEAD' ? null : response.body,
      };
    },
  };
}
