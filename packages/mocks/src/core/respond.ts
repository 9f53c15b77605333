// The mock itself, as one function from a request to a response, with no Node or browser API:
// the Node server (src/server.ts), the Fetch function and the MSW handlers (src/fetch.ts,
// src/msw.ts) are thin adapters around it, so every way of running the mock checks, pages and
// plays scenarios the same way. Everything per operation comes from the spec's operations table.
//
// Order of the checks, as the API has them: security headers (401), then the query (400), then
// a Prefer scenario, then the page; the latency comes last, on whatever the answer is.
import { parseQuery } from '@ofauth-mass-messages/core';
import type { PageOperation as Operation } from '@ofauth-mass-messages/spec/operations';
import { InvalidRecordsError, type RecordCheck } from '../dataset/store.js';
import { failure, internalError, secretsOf, unauthorized } from './errors.js';
import {
  MAX_LATENCY_MS,
  type MockMode,
  type MockOptions,
  type ResolvedMockOptions,
  resolveMockOptions,
} from './options.js';
import { createPager } from './pages.js';
import { type Preferences, parsePrefer } from './prefer.js';
import { type MockRequest, type MockResponse, wait } from './response.js';
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
    // An empty value is as good as none: the API would refuse it too.
    const missing = spec.authHeaders.filter((name) => !request.header(name));
    if (missing.length > 0) return unauthorized(spec.authHeaders, missing);
    const query = parseQuery(operation.query, request.url.searchParams);
    if (query.problem) {
      const { message, parameter, allowed } = query.problem;
      return failure(400, message, 'VALIDATION_ERROR', { parameter, allowed });
    }
    return (
      scenarios.play(operation, prefer, request) ?? pager.page(operation, query.values, prefer)
    );
  }

  function route(method: string, request: MockRequest, prefer: Preferences): MockResponse {
    const operation = routes.get(request.url.pathname);
    if (!operation) {
      return failure(
        404,
        `No operation at ${request.url.pathname}; the mock serves ${[...routes.keys()].join(', ')}`,
        'NOT_FOUND',
      );
    }
    if (method !== 'GET' && method !== 'HEAD') {
      return failure(405, `${operation.operationId} is a GET`, 'METHOD_NOT_ALLOWED', undefined, {
        allow: 'GET, HEAD',
      });
    }
    return { ...answer(operation, request, prefer), operationId: operation.operationId };
  }

  /** The answer and how long to wait before it; throws what the code did not foresee. */
  function respondNow(request: MockRequest): { response: MockResponse; delay: number } {
    // CORS: a page on another origin (a Vite dev server) may call the mock with its headers.
    const cors: Record<string, string> = {
      'access-control-allow-origin': request.header('origin') ?? '*',
      'access-control-expose-headers': 'retry-after',
      vary: 'origin',
    };
    const method = request.method.toUpperCase();
    if (method === 'OPTIONS') {
      const headers = {
        ...cors,
        'access-control-allow-methods': 'GET, HEAD, OPTIONS',
        'access-control-allow-headers':
          request.header('access-control-request-headers') ??
          [...spec.authHeaders, 'prefer'].join(', '),
        'access-control-max-age': '600',
      };
      return { response: { status: 204, headers, body: null }, delay: 0 };
    }
    const prefer = parsePrefer(request.header('prefer'));
    const response = route(method, request, prefer);
    return {
      response: {
        ...response,
        headers: { ...cors, ...response.headers },
        body: method === 'HEAD' ? null : response.body,
      },
      delay: Math.min(prefer.delay ?? resolved.latency, MAX_LATENCY_MS),
    };
  }

  return {
    mode: resolved.mode,
    seed: resolved.seed,
    options: resolved,
    spec,
    reset: () => scenarios.reset(),
    warm: () => pager.warm(),
    async respond(request) {
      let answered: { response: MockResponse; delay: number };
      try {
        answered = respondNow(request);
      } catch (error) {
        // Whatever fails inside is a 500 in the spec's Error shape, never a rejected promise an
        // adapter might not catch (a crashed server), and never the end of the mock.
        const response =
          error instanceof InvalidRecordsError
            ? failure(500, error.message, 'MOCK_INVALID_DATA')
            : internalError(
                error,
                secretsOf(spec.authHeaders, (name) => request.header(name)),
              );
        // `*`, not the request's Origin: reading that may be what failed.
        response.headers['access-control-allow-origin'] = '*';
        answered = { response, delay: resolved.latency };
      }
      // Rejects when the request is aborted during the wait, as fetch does.
      await wait(answered.delay, request.signal);
      return answered.response;
    },
  };
}
