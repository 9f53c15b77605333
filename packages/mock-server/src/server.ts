// startMockServer: the mock on a port, for apps, the CLI, the contract tests, the browser example
// and the benchmarks. The core of `@ofauth-mass-messages/mocks` (the same one createMockFetch and
// the MSW handlers run) answers every request: it routes, checks the query, answers CORS, plays
// the Prefer scenarios and pages, each job once. This file adapts it to node:http; Prism's part
// (src/prism/) is the gate each answer to an operation passes, checked against the spec by
// Prism's validator, each distinct answer once. `prism: false` leaves the gate out (unchecked).
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  bodyOf,
  createMockCore,
  failure,
  internalError,
  type MockCore,
  type MockMode,
  type MockOptions,
  type MockResponse,
  readSpecData,
  resolveMockOptions,
  secretsOf,
} from '@ofauth-mass-messages/mocks';
import type { OpenApiDocument } from '@ofauth-mass-messages/spec';
import { readDocument as readBundle } from '@ofauth-mass-messages/spec/node';
import { resolveServerOptions, type ServerOptions } from './options.js';
import { createGate, type Gate } from './prism/gate.js';
import { recordCheck } from './prism/records.js';
import { createPrismValidator } from './prism/validator.js';

export type MockServerOptions = MockOptions & ServerOptions;

export interface MockServer {
  /** Base URL, such as `http://127.0.0.1:4010`. */
  readonly url: string;
  readonly mode: MockMode;
  /** The seed in effect (dataset: default 1; dynamic: given or picked at start; examples: none). */
  readonly seed: number | undefined;
  /** The core answering requests (also usable directly). */
  readonly core: MockCore;
  /** Makes every `Prefer: …, times=N` scenario play again. */
  reset(): void;
  /** Closes the server and its connections; safe to call twice. */
  stop(): Promise<void>;
}

export class MockStartError extends Error {
  override name = 'MockStartError';
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

async function readDocument(path: string): Promise<OpenApiDocument> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as OpenApiDocument;
  } catch (error) {
    throw new MockStartError(
      `Cannot read the OpenAPI document ${path}: ${(error as Error).message}`,
    );
  }
}

/** Writes an answer; one that node refuses (a bad status, header or body) becomes the 500. */
function send(res: ServerResponse, answer: MockResponse, secrets: () => string[]): number {
  try {
    const body = bodyOf(answer);
    const headers: Record<string, string | number> = { ...answer.headers };
    if (body !== null) headers['content-length'] = Buffer.byteLength(body);
    res.writeHead(answer.status, headers);
    res.end(body ?? undefined);
    return answer.status;
  } catch (error) {
    if (res.headersSent) {
      res.destroy();
      return answer.status;
    }
    // writeHead may have stored some of the refused answer's headers before it threw.
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    const failed = internalError(error, secrets());
    const body = failed.body ?? '';
    res.writeHead(failed.status, { ...failed.headers, 'content-length': Buffer.byteLength(body) });
    res.end(body);
    return failed.status;
  }
}

function handler(
  core: MockCore,
  gate: Gate | undefined,
  onLog: ((line: string) => void) | undefined,
) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    const closed = new AbortController();
    res.once('close', () => closed.abort());
    const header = (name: string) => {
      const value = req.headers[name.toLowerCase()];
      return Array.isArray(value) ? value.join(', ') : value;
    };
    const secrets = () => secretsOf(core.spec.authHeaders, header);
    let target = req.url ?? '/';
    const finish = (answer: MockResponse) => {
      const status = send(res, answer, secrets);
      // Paths and statuses only: headers (the API key) are never logged.
      onLog?.(`${req.method} ${target} ${status} ${Math.round(performance.now() - started)} ms`);
    };
    let url: URL;
    try {
      url = new URL(target, 'http://mock.invalid');
    } catch {
      // Node accepts request targets WHATWG URL cannot parse (`//[`): the client's mistake.
      finish(failure(400, `Malformed request target ${JSON.stringify(target)}`, 'BAD_REQUEST'));
      return;
    }
    target = `${url.pathname}${url.search}`;
    let answering: Promise<MockResponse>;
    try {
      answering = core.respond({ method: req.method ?? 'GET', url, header, signal: closed.signal });
    } catch (error) {
      answering = Promise.reject(error);
    }
    answering
      .then(
        (answer) => finish(gate ? gate.pass(answer) : answer),
        (error) => {
          // The client left during a delay: nobody to answer.
          if (closed.signal.aborted) res.destroy();
          else finish(internalError(error, secrets()));
        },
      )
      // What the gate or an onLog threw: the 500 if nothing was sent yet, else end this socket;
      // never the process.
      .catch((error) => {
        if (res.headersSent) res.destroy();
        else finish(internalError(error, secrets()));
      })
      .catch(() => res.destroy());
  };
}

/** The core for `doc`, its records checked by Prism when built; a start failure names why. */
async function coreFor(doc: OpenApiDocument, options: MockOptions, prism: boolean) {
  const validator = await createPrismValidator(doc);
  const spec = readSpecData(doc);
  const unknown = spec.operations.filter((op) => !validator.has(op.operationId));
  if (unknown.length > 0) {
    throw new Error(
      `Prism does not read ${unknown.map((op) => op.operationId).join(', ')} from the document: the gate could not check them`,
    );
  }
  const core = createMockCore(spec, { ...options, check: recordCheck(validator) });
  // A dataset the spec would reject fails the start with one clear error, not 500s later.
  core.warm();
  return { core, validator: prism ? validator : undefined };
}

/** Starts the mock on `host:port` and resolves once it listens. */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  // Bad options throw a TypeError naming the option, before anything starts.
  const server = resolveServerOptions(options);
  resolveMockOptions(options);
  const doc = server.document ? await readDocument(server.document) : readBundle();
  let core: MockCore;
  let gate: Gate | undefined;
  try {
    const made = await coreFor(doc, options, server.prism);
    core = made.core;
    gate = made.validator && createGate(made.validator, { onLog: server.onLog });
  } catch (error) {
    throw new MockStartError((error as Error).message);
  }
  const http = createServer(handler(core, gate, server.onLog));
  http.keepAliveTimeout = 60_000;
  let timer: NodeJS.Timeout | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      timer = setTimeout(
        () => reject(new Error(`not listening after ${server.startTimeoutMs} ms`)),
        server.startTimeoutMs,
      );
      http.listen(server.port, server.host, () => resolve());
    });
  } catch (error) {
    http.close();
    throw new MockStartError(`The mock server did not start: ${(error as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
  const { port } = http.address() as AddressInfo;
  let stopping: Promise<void> | undefined;
  return {
    url: `http://${urlHost(server.host)}:${port}`,
    mode: core.mode,
    seed: core.seed,
    core,
    reset: () => core.reset(),
    stop: () => {
      stopping ??= new Promise<void>((resolve, reject) => {
        http.closeAllConnections();
        http.close((error) => (error ? reject(error) : resolve()));
      });
      return stopping;
    },
  };
}
