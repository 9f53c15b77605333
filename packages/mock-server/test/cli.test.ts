// The CLI as a user runs it: the bin prints where the mock is, serves, and exits cleanly on
// SIGTERM / SIGINT after stopping the server.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { AUTH, LIST } from './helpers.js';

const BIN = fileURLToPath(new URL('../bin/ofauth-mock.js', import.meta.url));
let cli: ChildProcess | undefined;

afterEach(() => {
  // Only if a test failed half-way: its own child, by its own handle.
  if (cli && cli.exitCode === null && cli.signalCode === null) cli.kill('SIGKILL');
  cli = undefined;
});

function run(args: string[]): { output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  cli = child;
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { output: () => output, exited };
}

describe('ofauth-mock', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'prints the URL and routes, serves, and stops on %s',
    async (signal) => {
      const { output, exited } = run(['--port', '0', '--mode', 'dataset', '--seed', '2']);
      await expect
        .poll(output, { timeout: 60_000 })
        .toMatch(/base URL {2}http:\/\/127\.0\.0\.1:\d+/);
      const url = /base URL {2}(\S+)/.exec(output())?.[1] as string;
      expect(output()).toContain(`${url}${LIST.path}`);
      expect(output()).toContain('dataset mode (seed 2)');

      const response = await fetch(`${url}${LIST.path}`, { headers: AUTH });
      expect(response.status).toBe(200);

      cli?.kill(signal);
      expect(await exited).toBe(0);
      expect(output()).toContain('Stopped.');
      await expect(fetch(`${url}${LIST.path}`, { headers: AUTH })).rejects.toThrow();
    },
  );

  it('refuses a bad argument with exit code 2 and the usage', async () => {
    const { output, exited } = run(['--mode', 'live']);
    expect(await exited).toBe(2);
    expect(output()).toMatch(/Invalid mode: "live"[\s\S]*Usage: ofauth-mock/);
  });

  it('exits 1 with the reason when the mock cannot start', async () => {
    const blocker = await import('node:net').then(({ createServer }) => createServer());
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { output, exited } = run(['--port', String(port), '--quiet']);
      expect(await exited).toBe(1);
      expect(output()).toMatch(/EADDRINUSE/);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
