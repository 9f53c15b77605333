// The upstream of dataset mode: a plain Node HTTP server on 127.0.0.1 serving a dataset's pages.
// Prism runs in front of it (`prism proxy --errors`), so requests are checked against the spec
// before they get here and every response is checked on its way out.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  formatIssues,
  getOperation,
  listOperations,
  validateResponse,
} from '@ofauth-mass-messages/spec';
import { pageOf } from './paging.js';
import { readQuery } from './query.js';
import type { Dataset, MassMessageType } from './records.js';
import { parsePrefer, scenarioResponse } from './scenarios.js';

export interface DatasetServer {
  url: string;
  close(): Promise<void>;
}

const LIST = 'listMassMessages';
const PURCHASED = 'listPurchasedMassMessages';

/** The body of each operation's page, keyed the way the spec names its array. */
function pageBody(operationId: string, dataset: Dataset, query: Record<string, unknown>): unknown {
  const limit = query.limit as number;
  const offset = query.offset as number;
  if (operationId === LIST) {
    const { items, hasMore } = pageOf(
      dataset.massMessages[query.type as MassMessageType],
      limit,
      offset,
    );
    return { list: items, hasMore };
  }
  const { items, hasMore } = pageOf(dataset.purchased, limit, offset);
  return { items, hasMore };
}

/** Refuses to serve a dataset the spec would reject: one clear error at start, not 500s later. */
export function assertDatasetMatchesSpec(dataset: Dataset): void {
  const bodies: Array<[string, unknown]> = [
    ...Object.values(dataset.massMessages).map((list): [string, unknown] => [
      LIST,
      { list, hasMore: false },
    ]),
    [PURCHASED, { items: dataset.purchased, hasMore: false }],
  ];
  for (const [operationId, body] of bodies) {
    const result = validateResponse(operationId, 200, body);
    if (!result.valid) {
      throw new Error(
        `The dataset (seed ${dataset.seed}) does not match the spec:\n${formatIssues(operationId, result)}`,
      );
    }
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

function handle(dataset: Dataset, routes: Map<string, string>) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://dataset.invalid');
    const operationId = routes.get(url.pathname);
    if (req.method !== 'GET' || operationId === undefined) {
      send(res, 404, { message: `No route ${req.method} ${url.pathname}`, code: 'NOT_FOUND' });
      return;
    }
    const prefer = parsePrefer(req.headers.prefer as string | undefined);
    if (prefer.code !== undefined && prefer.code !== 200) {
      const scenario = scenarioResponse(operationId, prefer.code, prefer.example);
      if ('error' in scenario) {
        send(res, 400, { message: scenario.error, code: 'UNKNOWN_SCENARIO' });
      } else {
        send(res, scenario.status, scenario.body, scenario.headers);
      }
      return;
    }
    // Prism checks the query first; this only matters when the server is called directly, and
    // then it answers as the spec documents: 400 naming the parameter.
    const query = readQuery(operationId, url.searchParams);
    if (!query.ok) {
      send(res, 400, {
        message: query.message,
        code: 'VALIDATION_ERROR',
        details: { parameter: query.parameter },
      });
      return;
    }
    send(res, 200, pageBody(operationId, dataset, query.values));
  };
}

/** Starts the dataset's upstream on 127.0.0.1 and a free port. */
export async function startDatasetServer(dataset: Dataset): Promise<DatasetServer> {
  assertDatasetMatchesSpec(dataset);
  const routes = new Map(listOperations().map((op) => [op.path, op.operationId]));
  // Both operations must exist, or the page bodies above would be built for the wrong shape.
  getOperation(LIST);
  getOperation(PURCHASED);
  const server = createServer(handle(dataset, routes));
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
