// startMockServer: the mock on a port, for apps, the CLI, the contract tests, the browser example
// and the benchmarks. Two layers: the core (src/core/respond.ts, the same one the Fetch function
// and the MSW handlers run) behind a plain node:http server, and Prism in front of it
// (src/prism/front.ts), in-process, routing every request and checking every answer against the
// spec. The behaviour a frontend needs (pages that end in every mode, latency, sequenced
// outcomes, the spec's 400 naming the parameter) lives in the core, once, because the MSW
// handlers run in browsers where Prism cannot; Prism is the gate that keeps what the server
// answers true to the spec. `prism: false` serves the core alone (faster, unchecked).
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OpenApiDocument } from '@ofauth-mass-messages/spec';
import { readDocument as readBundle } from '@ofauth-mass-messages/spec/node';
import { failure, internalError, secretsOf } from './core/errors.js';
import { type MockMode, type MockOptions, resolveMockOptions } from './core/options.js';
import { createMockCore, type MockCore } from './core/respond.js';
import { bodyOf, type MockResponse } from './core/response.js';
import { resolveServerOptions, type ServerOptions } from './options.js';
import { startPrismFront } from './prism/front.js';
import { specCheck } from './spec/check.js';
import { readSpecData } from './spec/read.js';

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

function handler(core: MockCore, onLog: ((line: string) => void) | undefined) {
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
      .then(finish, (error) => {
        // The client left during a delay: nobody to answer.
        if (closed.signal.aborted) res.destroy();
        else finish(internalError(error, secrets()));
      })
      // Last resort (an onLog that throws): end this socket, never the process.
      .catch(() => res.destroy());
  };
}

/** Starts the mock on `host:port` and resolves once it listens. */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  // Bad options throw a TypeError naming the option, before anything starts.
  const server = resolveServerOptions(options);
  resolveMockOptions(options);
  const doc = server.document ? await readDocument(server.document) : readBundle();
  let core: MockCore;
  try {
    core = createMockCore(readSpecData(doc), { ...options, check: await specCheck(doc) });
    // A dataset the spec would reject fails the start with one clear error, not 500s later.
    core.warm();
  } catch (error) {
    throw new MockStartError((error as Error).message);
  }
  const http = createServer(handler(core, server.onLog));
  http.keepAliveTimeout = 60_000;
  let timer: NodeJS.Timeout | undefined;
  let front: Awaited<ReturnType<typeof startPrismFront>> | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      timer = setTimeout(
        () => reject(new Error(`not listening after ${server.startTimeoutMs} ms`)),
        server.startTimeoutMs,
      );
      // Behind Prism the core listens on a free loopback port of its own.
      if (server.prism) http.listen(0, '127.0.0.1', () => resolve());
      else http.listen(server.port, server.host, () => resolve());
    });
    if (server.prism) {
      const inner = http.address() as AddressInfo;
      front = await startPrismFront({
        // A copy: Prism dereferences the document it is given in place.
        document: structuredClone(doc),
        upstream: `http://127.0.0.1:${inner.port}`,
        host: server.host,
        port: server.port,
        onLog: server.onLog,
      });
    }
  } catch (error) {
    http.close();
    // Prism's listen rejects with the error's message alone (a string), node's with the error.
    const reason = error instanceof Error ? error.message : String(error);
    throw new MockStartError(`The mock server did not start: ${reason}`);
  } finally {
    clearTimeout(timer);
  }
  const port = front ? Number(new URL(front.url).port) : (http.address() as AddressInfo).port;
  let stopping: Promise<void> | undefined;
  return {
    url: `http://${urlHost(server.host)}:${port}`,
    mode: core.mode,
    seed: core.seed,
    core,
    reset: () => core.reset(),
    stop: () => {
      stopping ??= (async () => {
        await front?.close();
        await new Promise<void>((resolve, reject) => {
          http.closeAllConnections();
          http.close((error) => (error ? reject(error) : resolve()));
        });
      })();
      return stopping;
    },
  };
}
