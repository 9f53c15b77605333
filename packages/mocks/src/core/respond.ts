// The mock itself, as one function from a request to a response, with no Node or browser API:
// the Node server (src/node/), the Fetch function and the MSW handlers (src/fetch.ts, src/msw.ts)
// are thin adapters around it, so every way of running the mock checks, pages and plays
// scenarios the same way. Everything per operation comes from the spec's operations table.
import { type Operation, parseQuery } from '@ofauth-mass-messages/spec/operations';
import {
  createRecordStore,
  filtersOf,
  type RecordCheck,
  type RecordStore,
} from '../dataset/store.js';
import { type ExamplePages, examplePages } from './examples.js';
import {
  MAX_LATENCY_MS,
  type MockMode,
  type MockOptions,
  type ResolvedMockOptions,
  resolveMockOptions,
} from './options.js';
import { type Preferences, parsePrefer } from './prefer.js';
import type { SpecData } from './spec-data.js';

/** What the core reads of a request (a Fetch `Request` or a Node `IncomingMessage` adapts to it). */
export interface MockRequest {
  method: string;
  url: URL;
  /** A request header's value, or null/undefined when it was not sent. */
  header(name: string): string | null | undefined;
  /** Aborts a pending delay (the Fetch adapter passes the request's signal). */
  signal?: AbortSignal | undefined;
}

export interface MockResponse {
  status: number;
  headers: Record<string, string>;
  /** JSON text, or null (a preflight, a HEAD). */
  body: string | null;
}

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

const JSON_TYPE = { 'content-type': 'application/json' };

function json(status: number, body: unknown, headers: Record<string, string> = {}): MockResponse {
  return { status, headers: { ...JSON_TYPE, ...headers }, body: JSON.stringify(body) };
}

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', abort, { once: true });
  });
}

/** The mock's own complaint about a scenario it cannot play (not the API's 400). */
function unknownScenario(message: string): MockResponse {
  return json(400, { message, code: 'UNKNOWN_SCENARIO' });
}

export function createMockCore(spec: SpecData, options: MockCoreOptions = {}): MockCore {
  const resolved = resolveMockOptions(options);
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const routes = new Map(spec.operations.map((op) => [`${basePath}${op.path}`, op]));
  const store: RecordStore | undefined =
    resolved.mode === 'examples'
      ? undefined
      : createRecordStore(spec, resolved.mode, resolved.dataset, options.check);
  const examples = new Map<string, ExamplePages>();
  /** How often each `times=` scenario has played, by client, route and Prefer header. */
  const played = new Map<string, number>();

  function unauthorized(operation: Operation, missing: string[]): MockResponse | undefined {
    if (missing.length === 0) return undefined;
    const example = Object.values(
      spec.responses[operation.operationId]?.['401']?.examples ?? {},
    )[0];
    return json(
      401,
      example ?? { message: `Missing header ${missing.join(', ')}`, code: 'UNAUTHORIZED' },
    );
  }

  /** The scenario a Prefer header asks for, undefined for a normal page. */
  function scenario(
    operation: Operation,
    prefer: Preferences,
    request: MockRequest,
  ): MockResponse | undefined {
    const documented = spec.responses[operation.operationId] ?? {};
    const { code, example } = prefer;
    if (example === undefined && (code === undefined || code === 200)) return undefined;
    // `example=` alone: the status whose examples include that name.
    const status =
      code ??
      Number(
        Object.keys(documented).find(
          (key) => example !== undefined && example in (documented[key]?.examples ?? {}),
        ),
      );
    const response = documented[status];
    if (!response) {
      return unknownScenario(
        prefer.code === undefined
          ? `${operation.operationId} has no example named "${prefer.example}"`
          : `${operation.operationId} documents no ${status} response; Prefer code= one of ${Object.keys(documented).join(', ')}`,
      );
    }
    const names = Object.keys(response.examples);
    const name = prefer.example ?? names[0];
    if (name === undefined || !(name in response.examples)) {
      return unknownScenario(
        `${operation.operationId} has no example "${prefer.example}" for ${status}; it has: ${names.join(', ') || 'none'}`,
      );
    }
    if (prefer.times !== undefined) {
      // Keyed by client (its connection), route and the whole Prefer header: parallel tests with
      // their own connection ids, or different scenarios, never use up each other's count.
      const key = `${request.header('x-connection-id') ?? ''}\n${operation.operationId}\n${request.header('prefer')}`;
      const count = played.get(key) ?? 0;
      if (count >= prefer.times) return undefined;
      played.set(key, count + 1);
    }
    const headers: Record<string, string> = {};
    if (response.headers.includes('retry-after')) {
      headers['retry-after'] = String(prefer.retryAfter ?? resolved.retryAfter);
    }
    return json(status, response.examples[name], headers);
  }

  function page(operation: Operation, values: Record<string, unknown>, prefer: Preferences) {
    const limit = (values.limit as number | undefined) ?? operation.pageSize.default;
    const offset = (values.offset as number | null | undefined) ?? 0;
    if (!store) {
      let pages = examples.get(operation.operationId);
      if (!pages) {
        pages = examplePages(spec, operation);
        examples.set(operation.operationId, pages);
      }
      return json(200, pages.page(offset, limit));
    }
    const records = store.records(
      operation,
      filtersOf(operation, values),
      prefer.seed ?? resolved.seed ?? 0,
    );
    const items = records.slice(offset, offset + limit);
    return json(200, {
      [operation.itemsField]: items,
      hasMore: offset + items.length < records.length,
    });
  }

  function answer(operation: Operation, request: MockRequest, prefer: Preferences): MockResponse {
    const missing = spec.authHeaders.filter((name) => !request.header(name));
    const denied = unauthorized(operation, missing);
    if (denied) return denied;
    const query = parseQuery(operation.query, request.url.searchParams);
    if (query.problem) {
      const { message, parameter, allowed } = query.problem;
      return json(400, { message, code: 'VALIDATION_ERROR', details: { parameter, allowed } });
    }
    return scenario(operation, prefer, request) ?? page(operation, query.values, prefer);
  }

  return {
    mode: resolved.mode,
    seed: resolved.seed,
    options: resolved,
    spec,
    reset: () => played.clear(),
    warm: () => store?.warm(resolved.seed ?? 0),
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
      const operation = routes.get(request.url.pathname);
      let response: MockResponse;
      const prefer = parsePrefer(request.header('prefer'));
      if (!operation) {
        response = json(404, {
          message: `No operation at ${request.url.pathname}; the mock serves ${[...routes.keys()].join(', ')}`,
          code: 'NOT_FOUND',
        });
      } else if (method !== 'GET' && method !== 'HEAD') {
        response = json(
          405,
          { message: `${operation.operationId} is a GET`, code: 'METHOD_NOT_ALLOWED' },
          { allow: 'GET, HEAD' },
        );
      } else {
        try {
          response = answer(operation, request, prefer);
        } catch (error) {
          // A record set the spec rejects (the check above): say so instead of serving it.
          response = json(500, { message: (error as Error).message, code: 'MOCK_INVALID_DATA' });
        }
      }
      await wait(Math.min(prefer.delay ?? resolved.latency, MAX_LATENCY_MS), request.signal);
      return {
        ...response,
        headers: { ...cors, ...response.headers },
        body: method === 'HEAD' ? null : response.body,
      };
    },
  };
}
