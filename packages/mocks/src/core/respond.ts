// The mock itself, as one function from a request to a response, with no Node or browser API:
// the Node server (src/server.ts), the Fetch function and the MSW handlers (src/fetch.ts,
// src/msw.ts) are thin adapters around it, so every way of running the mock checks, pages and
// plays scenarios the same way. Everything per operation comes from the spec's operations table,
// and a request reaches its operation through core's one router (path templates, encoded
// segments, path values checked).
//
// Order of the checks, as the API has them: the route (404, 405), security headers (401), the
// rate limit when emulated (429), path and query values (400), then a Prefer scenario, then the
// page or object; the latency comes last, on whatever the answer is.
import { createRouter, type Match, parseQuery } from '@ofauth-mass-messages/core';
import type { Operation } from '@ofauth-mass-messages/spec/operations';
import { InvalidRecordsError, type RecordCheck } from '../dataset/store.js';
import { assertServable } from '../dataset/support.js';
import { failure, internalError, secretsOf, unauthorized } from './errors.js';
import { createLimits } from './limits.js';
import {
  MAX_LATENCY_MS,
  type MockMode,
  type MockOptions,
  type ResolvedMockOptions,
  resolveMockOptions,
} from './options.js';
import { createPager } from './pages.js';
import { type Preferences, parsePrefer } from './prefer.js';
import { newRequestId, requestIdOf } from './request-id.js';
import { type MockRequest, type MockResponse, wait } from './response.js';
import { createScenarios } from './scenarios.js';
import type { SpecData } from './spec-data.js';

export type { MockRequest, MockResponse } from './response.js';

export interface MockCoreOptions extends MockOptions {
  /** Where the operations' paths start: the path of the base URL (`/api` for `https://x/api`). */
  basePath?: string;
  /** Checks each generated record set once (the Node server validates it against the spec). */
  check?: RecordCheck;
  /** The time in epoch milliseconds, for the rate limit's buckets (tests pass their own). */
  clock?: () => number;
}

/** Response headers a page on another origin may read (CORS hides the others). */
const EXPOSED_HEADERS = [
  'retry-after',
  'x-request-id',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
].join(', ');

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

/**
 * The mock of `spec`. Throws a TypeError naming the option for a bad option, and an
 * UnservableSpecError naming each operation and schema construct it cannot generate data for.
 */
export function createMockCore(spec: SpecData, options: MockCoreOptions = {}): MockCore {
  const resolved = resolveMockOptions(options);
  assertServable(spec);
  const router = createRouter(spec.operations, options.basePath ?? '');
  const scenarios = createScenarios(spec, resolved.retryAfter);
  const pager = createPager(spec, resolved, options.check);
  const limits = createLimits(resolved.rateLimit);
  const clock = options.clock ?? Date.now;

  /** Whose bucket a request draws on: its connection id (every security header's, without one). */
  const clientOf = (request: MockRequest) =>
    spec.connectionHeader
      ? String(request.header(spec.connectionHeader))
      : spec.authHeaders.map((name) => request.header(name) ?? '').join('\n');

  function answer(
    match: Extract<Match<Operation>, { operation: Operation }>,
    request: MockRequest,
    prefer: Preferences,
    rate: { headers: Record<string, string> },
  ): MockResponse {
    // An empty value is as good as none: the API would refuse it too.
    const missing = spec.authHeaders.filter((name) => !request.header(name));
    if (missing.length > 0) return unauthorized(spec.authHeaders, missing, spec.connectionHeader);
    // The bucket comes before everything the API checks of the request itself.
    const admission = limits.admit(clientOf(request), prefer.rateLimit, clock());
    rate.headers = admission.headers;
    if (admission.refused) {
      return failure(
        429,
        `Rate limit exceeded: this connection's bucket of ${admission.headers['x-ratelimit-limit']} requests is empty; X-RateLimit-Reset says in how many seconds it is full again.`,
        'RATE_LIMIT_EXCEEDED',
      );
    }
    const { operation } = match;
    // A path value its rule refuses, then the query: core's one check, naming the parameter.
    const query =
      match.kind === 'invalid' ? match : parseQuery(operation.query, request.url.searchParams);
    if (query.problem) {
      const { message, parameter, allowed } = query.problem;
      return failure(400, message, 'BAD_REQUEST', { details: { parameter, allowed } });
    }
    const pathValues = match.kind === 'operation' ? match.pathValues : {};
    return (
      scenarios.play(operation, prefer, request) ??
      pager.answer(operation, query.values, pathValues, prefer)
    );
  }

  function route(
    method: string,
    request: MockRequest,
    prefer: Preferences,
    rate: { headers: Record<string, string> },
  ): MockResponse {
    const { pathname } = request.url;
    // A HEAD is a GET without its body.
    const match = router.match(method === 'HEAD' ? 'GET' : method, pathname);
    if (match.kind === 'unknown') {
      return failure(
        404,
        `No operation at ${pathname}; the mock serves ${router.summary}`,
        'ROUTE_NOT_FOUND',
      );
    }
    if (match.kind === 'method') {
      const allow = [...match.allow, ...(match.allow.includes('GET') ? ['HEAD'] : [])].join(', ');
      return failure(
        405,
        `${method} ${pathname}: the operation there is a GET (allowed: ${allow})`,
        'ROUTE_NOT_FOUND',
        { code: 'METHOD_NOT_ALLOWED' },
        { allow },
      );
    }
    return { ...answer(match, request, prefer, rate), operationId: match.operation.operationId };
  }

  /** The answer with the headers every answer carries: CORS, the rate limit, the request id. */
  function finished(
    response: MockResponse,
    cors: Record<string, string>,
    rate: Record<string, string>,
  ): MockResponse {
    const headers = { ...cors, ...rate, ...response.headers };
    headers['x-request-id'] ??=
      (response.status >= 400 ? requestIdOf(response.body) : undefined) ?? newRequestId();
    return { ...response, headers };
  }

  /** The answer and how long to wait before it; throws what the code did not foresee. */
  function respondNow(request: MockRequest): { response: MockResponse; delay: number } {
    // CORS: a page on another origin (a Vite dev server) may call the mock with its headers.
    const cors: Record<string, string> = {
      'access-control-allow-origin': request.header('origin') ?? '*',
      'access-control-expose-headers': EXPOSED_HEADERS,
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
      const preflight = { status: 204, headers, body: null };
      return { response: finished(preflight, {}, limits.idle), delay: 0 };
    }
    const prefer = parsePrefer(request.header('prefer'));
    const rate = { headers: limits.idle };
    const response = finished(route(method, request, prefer, rate), cors, rate.headers);
    return {
      response: { ...response, body: method === 'HEAD' ? null : response.body },
      delay: Math.min(prefer.delay ?? resolved.latency, MAX_LATENCY_MS),
    };
  }

  return {
    mode: resolved.mode,
    seed: resolved.seed,
    options: resolved,
    spec,
    reset: () => {
      scenarios.reset();
      limits.reset();
    },
    warm: () => pager.warm(),
    async respond(request) {
      let answered: { response: MockResponse; delay: number };
      try {
        answered = respondNow(request);
      } catch (error) {
        // Whatever fails inside is a 500 in the spec's Error shape, never a rejected promise an
        // adapter might not catch (a crashed server), and never the end of the mock.
        const failed =
          error instanceof InvalidRecordsError
            ? failure(500, error.message, undefined, { code: 'MOCK_INVALID_DATA' })
            : internalError(
                error,
                secretsOf(spec.authHeaders, (name) => request.header(name)),
              );
        // `*`, not the request's Origin: reading that may be what failed.
        const cors = {
          'access-control-allow-origin': '*',
          'access-control-expose-headers': EXPOSED_HEADERS,
        };
        answered = { response: finished(failed, cors, limits.idle), delay: resolved.latency };
      }
      // Rejects when the request is aborted during the wait, as fetch does.
      await wait(answered.delay, request.signal);
      return answered.response;
    },
  };
}
