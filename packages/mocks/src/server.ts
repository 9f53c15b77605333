// startMockServer: the one way to run the mock (the CLI, the tests, the contract tests, the
// browser example and the benchmarks all go through it).
import { listOperations } from '@ofauth-mass-messages/spec';
import { createDataset } from './dataset/generate.js';
import { startDatasetServer } from './dataset/server.js';
import { specBundlePath, writeMockDocument } from './document.js';
import {
  DEFAULT_DATASET_SEED,
  type MockMode,
  type MockServerOptions,
  resolveOptions,
} from './options.js';
import { prismArguments } from './prism/command.js';
import { extractStartError } from './prism/output.js';
import { spawnPrism } from './prism/process.js';
import { waitUntilAnswering } from './prism/readiness.js';

export interface MockServer {
  /** Base URL, such as `http://127.0.0.1:4010`. */
  readonly url: string;
  readonly mode: MockMode;
  /** The seed in effect (dataset: always set; dynamic: when given; examples: none). */
  readonly seed: number | undefined;
  /** The pid of the Prism child this server started. */
  readonly pid: number;
  /** Ends the Prism child (and the dataset server) this call started; safe to call twice. */
  stop(): Promise<void>;
}

export class MockStartError extends Error {
  override name = 'MockStartError';
  /** The Prism child that failed; it has exited (or been killed) by the time this is thrown. */
  readonly pid: number | undefined;
  constructor(message: string, pid?: number) {
    super(message);
    this.pid = pid;
  }
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** Starts Prism in the given mode and resolves once a route answers 200. */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const resolved = resolveOptions(options);
  const { mode, host, port, seed, startTimeoutMs } = resolved;
  const deadline = Date.now() + startTimeoutMs;
  const source = resolved.document ?? specBundlePath();
  const cleanups: Array<() => Promise<void>> = [];
  const cleanUp = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  };

  try {
    let document: string;
    let upstream: string | undefined;
    if (mode === 'dataset') {
      const dataset = createDataset({ seed: seed ?? DEFAULT_DATASET_SEED, ...resolved.dataset });
      const datasetServer = await startDatasetServer(dataset);
      cleanups.push(() => datasetServer.close());
      upstream = datasetServer.url;
      document = source;
    } else {
      const file = await writeMockDocument(source);
      cleanups.push(() => file.dispose());
      document = file.path;
    }

    const child = spawnPrism(
      prismArguments({
        mode,
        document,
        host,
        port,
        seed,
        verbose: resolved.onLog !== undefined,
        ...(upstream ? { upstream } : {}),
      }),
      resolved.onLog,
    );
    cleanups.push(() => child.stop());
    let hasExited = false;
    void child.exited.then(() => {
      hasExited = true;
    });

    // Wait for this child's own word that it listens before polling: with a fixed port, another
    // server already there would otherwise answer the poll and pass for this one.
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), Math.max(0, deadline - Date.now()));
    });
    const first = await Promise.race([
      child.listening,
      child.exited.then(() => 'exited' as const),
      timedOut,
    ]);
    clearTimeout(timer);
    if (first === 'exited') {
      throw new MockStartError(
        `Prism failed to start: ${extractStartError(child.recentLines())}`,
        child.pid,
      );
    }
    if (first === 'timeout') {
      throw new MockStartError(
        `Prism did not start listening within ${startTimeoutMs} ms; last output:\n${child.recentLines().slice(-10).join('\n')}`,
        child.pid,
      );
    }
    const url = `http://${urlHost(host)}:${first}`;
    const probe = listOperations()[0]?.path ?? '/';
    try {
      await waitUntilAnswering(`${url}${probe}`, deadline, child.exited);
    } catch (error) {
      const reason = hasExited
        ? `Prism exited: ${extractStartError(child.recentLines())}`
        : (error as Error).message;
      throw new MockStartError(`The mock server did not become ready: ${reason}`, child.pid);
    }

    let stopping: Promise<void> | undefined;
    return {
      url,
      mode,
      seed,
      pid: child.pid,
      stop: () => {
        stopping ??= cleanUp();
        return stopping;
      },
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
