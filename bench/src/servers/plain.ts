// Starts src/servers/plain-server.mjs as a child and hands back its URL and a stop() that ends
// that child (by its own handle, never by name).
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface PlainServerConfig {
  /** Answer every GET with this file's bytes. */
  bodyFile?: string;
  /** Delay before each answer, in milliseconds (a stand-in for the network and the API). */
  latencyMs?: number;
  /** Serve pages of this seeded dataset (the mocks' createDataset) instead of a fixed body. */
  dataset?: { seed: number; massMessages: number; purchased: number };
}

export interface PlainServer {
  url: string;
  /** The child's pid, for the record. */
  pid: number;
  stop(): Promise<void>;
}

const script = fileURLToPath(new URL('./plain-server.mjs', import.meta.url));

export async function startPlainServer(config: PlainServerConfig): Promise<PlainServer> {
  // Plain `node`, without the TypeScript loader this process runs under: its startup is measured.
  const child = fork(script, [JSON.stringify(config)], {
    execArgv: [],
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  });
  // Kept for the error message of a child that dies before listening (a missing body file…).
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { port: number }).port));
    child.once('error', reject);
    child.once('exit', (code) =>
      reject(new Error(`the plain server exited (code ${code}) before listening:\n${stderr}`)),
    );
  });
  let stopping: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid ?? 0,
    stop: () => {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        await exited;
      })();
      return stopping;
    },
  };
}
