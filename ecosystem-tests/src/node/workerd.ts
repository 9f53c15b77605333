// workerd: the matrix app bundled as a Worker module (esbuild, as wrangler would) and served by the
// workerd binary of the npm package, on a free loopback port that workerd reports on its control
// descriptor. Outbound fetch may reach loopback only (the relay, and the Worker's own socket).
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { AppConfig } from '../app.ts';
import { type Served, stopProcess } from './spawn.ts';

const require = createRequire(import.meta.url);
const workerd = require('workerd') as { default: string; compatibilityDate: string };

/** The newest compatibility date this workerd knows: Request.signal is on by default from 2026-11-17. */
export const COMPATIBILITY_DATE = workerd.compatibilityDate;

const entry = fileURLToPath(new URL('../runtimes/worker.ts', import.meta.url));

/** Cap'n Proto text: a string literal (the config is ASCII JSON: quotes and backslashes only). */
const literal = (text: string) => JSON.stringify(text);

export async function serveInWorkerd(config: AppConfig): Promise<Served> {
  const dir = await mkdtemp(join(tmpdir(), 'matrix-workerd-'));
  await build({
    entryPoints: [entry],
    outfile: join(dir, 'worker.js'),
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['module', 'main'],
    logLevel: 'error',
  });
  await writeFile(
    join(dir, 'config.capnp'),
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "loopback", network = (allow = ["local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.js")],
  compatibilityDate = ${literal(COMPATIBILITY_DATE)},
  bindings = [(name = "MATRIX_CONFIG", text = ${literal(JSON.stringify(config))})],
  globalOutbound = "loopback",
);
`,
  );
  const child = spawn(workerd.default, ['serve', join(dir, 'config.capnp'), '--control-fd', '3'], {
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const stop = async () => {
    await stopProcess(child);
    await rm(dir, { recursive: true, force: true });
  };
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`workerd did not listen:\n${output}`)), 30_000);
    let control = '';
    child.stdio[3]?.on('data', (chunk) => {
      const lines = `${control}${chunk}`.split('\n');
      control = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.trim()) continue;
        const event = JSON.parse(line) as { event?: string; socket?: string; port?: number };
        if (event.event === 'listen' && event.socket === 'http' && event.port) {
          clearTimeout(timer);
          resolve(event.port);
        }
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`workerd exited (${code}):\n${output}`));
    });
  }).catch(async (error) => {
    await stop();
    throw error;
  });
  const version = `workerd ${COMPATIBILITY_DATE} (npm workerd ${require('workerd/package.json').version})`;
  return { url: `http://127.0.0.1:${port}`, version, stop };
}
