// Prism, in-process, as the mock server's front door. Every request goes through Prism's router
// and every answer through Prism's check against the spec: with `errors: true` an answer that
// breaks the spec becomes a 500 whose `validation` list names the violation, so what the mock
// serves always matches the spec, whatever the core (src/core/) or a dataset did. Prism forwards
// to the core on an internal loopback port (proxy mode), so the behaviour (paging that ends,
// scenarios, latency, the spec's 400s and 401s) is the one the MSW handlers and
// createMockFetch run too: one core, Prism as the gate. Started the way Prism's own CLI starts
// a single-process server (prism-http-server), without the CLI's child process and log parsing.
import { Writable } from 'node:stream';
import { createLogger } from '@stoplight/prism-core';
import { getHttpOperationsFromSpec } from '@stoplight/prism-http';
import { createServer } from '@stoplight/prism-http-server';

/** How long stop() waits for Prism's connections to end by themselves. */
const CLOSE_GRACE_MS = 500;

export interface PrismFront {
  /** Where Prism listens, such as `http://127.0.0.1:4010`. */
  readonly url: string;
  close(): Promise<void>;
}

export interface PrismFrontOptions {
  /** The bundled OpenAPI document (parsed) Prism routes and validates against. */
  document: object;
  /** The core's internal server, where Prism forwards every request. */
  upstream: string;
  host: string;
  port: number;
  /** Prism's own warnings and errors, one line each, headers (the API key) left out. */
  onLog?: ((line: string) => void) | undefined;
}

/** Prism's log lines (pino JSON) as `prism: <message>`, never with the request's headers. */
function logStream(onLog: ((line: string) => void) | undefined): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (onLog) {
        for (const line of chunk.toString().split('\n')) {
          if (!line.trim()) continue;
          try {
            const entry = JSON.parse(line) as { msg?: unknown };
            onLog(`prism: ${String(entry.msg)}`);
          } catch {
            onLog(`prism: ${line}`);
          }
        }
      }
      done();
    },
  });
}

export async function startPrismFront(options: PrismFrontOptions): Promise<PrismFront> {
  const operations = await getHttpOperationsFromSpec(options.document);
  // `redact` as well as the stream's own filter: no line Prism writes carries a header value.
  const logger = createLogger(
    'mock',
    { level: 'warn', redact: { paths: ['input.headers'], remove: true } },
    logStream(options.onLog),
  );
  const server = createServer(operations, {
    // Prism answers CORS preflights itself (the core's CORS headers pass through on answers).
    cors: true,
    config: {
      isProxy: true,
      upstream: new URL(options.upstream),
      upstreamProxy: undefined,
      // The core answers 401 and the spec's 400 itself, as the API does; Prism checks answers.
      checkSecurity: false,
      validateRequest: false,
      validateResponse: true,
      errors: true,
      mock: { dynamic: false },
    },
    components: { logger },
  });
  const url = await server.listen(options.port, options.host);
  return {
    url,
    // Prism's close stops listening at once (the port is free), then waits for every open
    // connection to end, which a keep-alive client that keeps asking never lets happen, and
    // Prism exposes no way to end them. So: wait a moment for a clean close, then go on; what
    // lingers idles out after node's keep-alive timeout (5 s), answering nothing new.
    close: () =>
      Promise.race([
        server.close(),
        new Promise<void>((resolve) => setTimeout(resolve, CLOSE_GRACE_MS).unref()),
      ]),
  };
}
