// A stand-in for the real API on 127.0.0.1: it replays recorded items, paged by the request's
// limit and offset, and can drift every page it serves in one way. The contract checks run
// against it as they run against the mock and the live API, which is how the suite proves that
// it passes on conforming answers and fails, naming the path, on each kind of drift.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type DriftKind, driftPage } from './drift.js';
import { type Recording, recordedItems } from './recordings.js';
import { type OperationFacts, operationFacts } from './spec-facts.js';

export interface RecordedUpstreamOptions {
  recordings: Recording[];
  /** Drift every 200 page this way; conforming when absent. */
  drift?: DriftKind;
}

export interface ServedRequest {
  operationId: string | undefined;
  /** The query string as received; headers are not kept (they hold the API key). */
  query: string;
  status: number;
}

export interface RecordedUpstream {
  /** Base URL: `http://127.0.0.1:<port>`. */
  url: string;
  /** Every request served, in order. */
  served: ServedRequest[];
  stop(): Promise<void>;
}

type Answer = { status: number; body: unknown };

const badParameter = (parameter: string, rule: string): Answer => ({
  status: 400,
  body: { message: `${parameter} ${rule}`, code: 'VALIDATION_ERROR', details: { parameter } },
});

/** Reads an integer query parameter; undefined means "use the default". */
function integerParam(params: URLSearchParams, name: string): number | undefined | 'invalid' {
  const raw = params.get(name);
  if (raw === null || raw === '' || raw === 'null') return undefined;
  return /^-?\d+$/.test(raw) ? Number(raw) : 'invalid';
}

function answerPage(
  facts: OperationFacts,
  recording: Recording,
  params: URLSearchParams,
  drift: DriftKind | undefined,
): Answer {
  const limit = integerParam(params, 'limit') ?? facts.limit.default;
  if (limit === 'invalid' || limit < facts.limit.min || limit > facts.limit.max) {
    return badParameter('limit', `must be between ${facts.limit.min} and ${facts.limit.max}`);
  }
  const offset = integerParam(params, 'offset') ?? facts.offset.default;
  if (offset === 'invalid' || offset < facts.offset.min) {
    return badParameter('offset', `must be an integer >= ${facts.offset.min}`);
  }
  let type: string | undefined;
  if (facts.type) {
    type = params.get('type') ?? facts.type.default;
    if (!facts.type.values.includes(type)) {
      return badParameter('type', `must be one of ${facts.type.values.join(', ')}`);
    }
  }
  const items = recordedItems(recording, type);
  const body = {
    [facts.itemsKey]: items.slice(offset, offset + limit),
    hasMore: offset + limit < items.length,
  };
  return { status: 200, body: drift ? driftPage(drift, facts.operationId, body).body : body };
}

function answer(
  request: IncomingMessage,
  options: RecordedUpstreamOptions,
): Answer & {
  operationId?: string;
} {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const recording = options.recordings.find(
    (r) => operationFacts(r.operationId).path === url.pathname,
  );
  if (!recording) {
    return {
      status: 404,
      body: { message: `No recording for ${url.pathname}`, code: 'NOT_FOUND' },
    };
  }
  const { operationId } = recording;
  if (request.method !== 'GET') {
    return { operationId, status: 405, body: { message: `${request.method} is not allowed` } };
  }
  // Like the API: both credentials must be present (their values are not checked here).
  if (!request.headers.apikey || !request.headers['x-connection-id']) {
    return { operationId, ...recording.unauthorized };
  }
  const page = answerPage(operationFacts(operationId), recording, url.searchParams, options.drift);
  return { operationId, ...page };
}

/** Starts the recorded upstream on a free port of 127.0.0.1. Stop it with `stop()`. */
export async function startRecordedUpstream(
  options: RecordedUpstreamOptions,
): Promise<RecordedUpstream> {
  const served: ServedRequest[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const { operationId, status, body } = answer(request, options);
    served.push({ operationId, query: new URL(request.url ?? '/', 'http://x').search, status });
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets of the client would hold close() open.
        server.closeAllConnections();
      }),
  };
}
