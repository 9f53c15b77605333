// A stand-in for the real API on 127.0.0.1: it replays recorded items, paged by the request's
// limit and offset (or cut to its limit, for a list without offset), replays a recorded object,
// and can drift every page it serves in one way. It routes with core's router and checks queries
// with core's parseQuery, like the mocks and the proxy. The contract checks run against it as they
// run against the mock and the live API, which is how the suite proves that it passes on
// conforming answers and fails, naming the path, on each kind of drift.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseQuery } from '@ofauth-mass-messages/core';
import type { Operation } from '@ofauth-mass-messages/spec';
import { type DriftKind, driftPage } from './drift.js';
import { exchangesOf, type Recording, recordedItems, recordingFor } from './recordings.js';
import {
  type ContractSpec,
  contractSpec,
  firstOffset,
  isOffsetPaged,
  isPage,
  routerOf,
} from './spec.js';

export interface RecordedUpstreamOptions {
  recordings: Recording[];
  /** Drift every 200 page this way; conforming when absent. */
  drift?: DriftKind;
  /** The spec whose operations it serves; the bundle's by default. */
  spec?: ContractSpec;
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

let served = 0;

/** The vendor's error body (its current revision), with a request id of its own. */
function vendorError(error: string, type: string, extra: Record<string, unknown> = {}) {
  served += 1;
  return {
    error,
    type,
    requestId: `req_recorded${served.toString(16).padStart(6, '0')}`,
    ...extra,
  };
}

function answerOperation(
  operation: Operation,
  recording: Recording,
  params: URLSearchParams,
  pathValues: Record<string, unknown>,
  drift: DriftKind | undefined,
): Answer {
  // The spec's one query check, as the API applies it: 400 with the vendor's error body naming
  // the parameter.
  const parsed = parseQuery(operation.query, params);
  if (parsed.problem) {
    const { message, parameter } = parsed.problem;
    return { status: 400, body: vendorError(message, 'BAD_REQUEST', { details: { parameter } }) };
  }
  const values = { ...parsed.values, ...pathValues };
  if (!isPage(operation)) {
    const [exchange] = exchangesOf(recording, operation, values);
    return exchange
      ? { status: 200, body: exchange.body }
      : { status: 404, body: vendorError('No recording of this request', 'RESOURCE_NOT_FOUND') };
  }
  const items = recordedItems(recording, operation, values);
  const limit = (values.limit as number | undefined) ?? operation.pageSize?.default ?? items.length;
  const offset = isOffsetPaged(operation)
    ? ((values.offset as number | null | undefined) ?? firstOffset(operation))
    : 0;
  const body = {
    [operation.itemsField]: items.slice(offset, offset + limit),
    hasMore: offset + limit < items.length,
  };
  return {
    status: 200,
    body: drift ? driftPage(drift, operation.itemsField, body).body : body,
  };
}

function answer(
  request: IncomingMessage,
  options: RecordedUpstreamOptions,
  router: ReturnType<typeof routerOf>,
): Answer & {
  operationId?: string;
} {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const match = router.match(request.method ?? 'GET', url.pathname);
  if (match.kind === 'method') {
    return {
      status: 405,
      body: vendorError(`${request.method} is not allowed`, 'ROUTE_NOT_FOUND'),
    };
  }
  if (match.kind === 'unknown') {
    return { status: 404, body: vendorError(`No recording of ${url.pathname}`, 'ROUTE_NOT_FOUND') };
  }
  const { operation } = match;
  const recording = recordingFor(options.recordings, operation);
  if (!recording) {
    const what = `${operation.operationId} (${url.pathname})`;
    return { status: 404, body: vendorError(`No recording of ${what}`, 'ROUTE_NOT_FOUND') };
  }
  const { operationId } = operation;
  // Like the API: both credentials must be present (their values are not checked here).
  if (!request.headers.apikey || !request.headers['x-connection-id']) {
    return { operationId, ...recording.unauthorized };
  }
  if (match.kind === 'invalid') {
    const { message, parameter } = match.problem;
    return {
      operationId,
      status: 400,
      body: vendorError(message, 'BAD_REQUEST', { details: { parameter } }),
    };
  }
  return {
    operationId,
    ...answerOperation(operation, recording, url.searchParams, match.pathValues, options.drift),
  };
}

/** Starts the recorded upstream on a free port of 127.0.0.1. Stop it with `stop()`. */
export async function startRecordedUpstream(
  options: RecordedUpstreamOptions,
): Promise<RecordedUpstream> {
  const served: ServedRequest[] = [];
  const router = routerOf(options.spec ?? contractSpec());
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const { operationId, status, body } = answer(request, options, router);
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
