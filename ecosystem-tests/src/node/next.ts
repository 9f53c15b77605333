// Next.js: the matrix's app (next-app/, one route handler) built for production and started on a
// free loopback port. The build is the slow step (about half a minute here), so it runs once.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { AppConfig } from '../app.ts';
import { type Served, stopProcess } from './spawn.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const next = `${root}node_modules/.bin/next`;
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

export async function buildNextApp(): Promise<void> {
  const child = spawn(next, ['build', 'next-app'], { cwd: root, env, stdio: 'pipe' });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`next build failed (${code}):\n${output}`);
}

/** A port nothing listens on now (`next start` takes a port, not 0). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function serveInNext(config: Omit<AppConfig, 'totals'>): Promise<Served> {
  const port = await freePort();
  const child = spawn(next, ['start', 'next-app', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: root,
    env: {
      ...env,
      MATRIX_API_KEY: config.apiKey,
      MATRIX_CONNECTION_ID: config.connectionId,
      MATRIX_UPSTREAM: config.upstream,
      MATRIX_TIMEOUT_MS: String(config.timeoutMs),
    },
    stdio: 'pipe',
  });
  const version = (await import('next/package.json', { with: { type: 'json' } })).default.version;
  return new Promise<Served>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      void stopProcess(child);
      reject(new Error(`next start did not get ready:\n${output}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (/Ready in/.test(output)) {
        clearTimeout(timer);
        resolve({
          url: `http://127.0.0.1:${port}`,
          version: `Next.js ${version}`,
          stop: () => stopProcess(child),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`next start exited (${code}):\n${output}`));
    });
  });
}
