// startMockServer: the mock on a port, for apps, the CLI, the contract tests, the browser example
// and the benchmarks. A plain node:http server around the same core as the Fetch function and the
// MSW handlers (src/core/respond.ts).
//
// Why no Prism any more: the mock used to be Prism (a child process), with a dataset server behind
// `prism proxy` for dataset mode. Every behaviour the frontend needs that Prism lacks (pages that
// end in every mode, latency, sequenced outcomes, the spec's 400 naming the parameter) had to be
// built in front of or behind it, and the MSW handlers, which run in browsers, cannot use Prism at
// all. One core serving every mode keeps the server and the in-process mocks identical. What
// Prism still earned was its check of each response against the spec (`--errors`): here the
// spec's own validator checks every record set when it is built (`check`), examples are the
// spec's own bodies, and the contract tests check the served pages.
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OpenApiDocument } from '@ofauth-mass-messages/spec';
import { type MockMode, type MockOptions, resolveMockOptions } from './core/options.js';
import { createMockCore, type MockCore } from './core/respond.js';
import { resolveServerOptions, type ServerOptions } from './options.js';
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

function handler(core: MockCore, onLog: ((line: string) => void) | undefined) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://mock.invalid');
    const closed = new AbortController();
    res.once('close', () => closed.abort());
    core
      .respond({
        method: req.method ?? 'GET',
        url,
        header: (name) => {
          const value = req.headers[name.toLowerCase()];
          return Array.isArray(value) ? value.join(', ') : value;
        },
        signal: closed.signal,
      })
      .then(
        (answer) => {
          const headers: Record<string, string | number> = { ...answer.headers };
          if (answer.body !== null) headers['content-length'] = Buffer.byteLength(answer.body);
          res.writeHead(answer.status, headers);
          res.end(answer.body ?? undefined);
          // Paths and statuses only: headers (the API key) are never logged.
          onLog?.(
            `${req.method} ${url.pathname}${url.search} ${answer.status} ${Math.round(performance.now() - started)} ms`,
          );
        },
        () => res.destroy(), // the client left during a delay
      );
  };
}

/** Starts the mock on `host:port` and resolves once it listens. */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  // Bad options throw a TypeError naming the option, before anything starts.
  const server = resolveServerOptions(options);
  resolveMockOptions(options);
  const doc = server.document ? await readDocument(server.document) : undefined;
  let core: MockCore;
  try {
    core = createMockCore(readSpecData(doc), { ...options, check: specCheck(doc) });
    // A dataset the spec would reject fails the start with one clear error, not 500s later.
    core.warm();
  } catch (error) {
    throw new MockStartError((error as Error).message);
  }
  const http = createServer(handler(core, server.onLog));
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
