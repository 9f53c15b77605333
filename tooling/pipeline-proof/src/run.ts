// Runs a command to completion and returns its output; never throws on a non-zero exit, so a
// test can assert on failures as well as successes.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface RunResult {
  code: number;
  output: string;
}

/** The environment of a nested pnpm/turbo run, without the outer turbo task's variables. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (
      key.startsWith('TURBO_') ||
      key.startsWith('npm_') ||
      key === 'VITEST' ||
      key === 'NODE_ENV'
    ) {
      continue;
    }
    env[key] = value;
  }
  return { ...env, TURBO_TELEMETRY_DISABLED: '1', REDOCLY_TELEMETRY: 'off', CI: 'true', ...extra };
}

export function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? cleanEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(
        new Error(
          `${command} ${args.join(' ')} timed out after ${options.timeoutMs} ms\n${output}`,
        ),
      );
    }, options.timeoutMs ?? 300_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, output });
    });
  });
}

/** The pnpm that runs this process (pnpm sets npm_execpath), so nested runs use the same one. */
export function pnpmCommand(): { command: string; prefix: string[] } {
  const execPath = process.env.npm_execpath;
  if (execPath && /pnpm/.test(execPath)) return { command: process.execPath, prefix: [execPath] };
  // Outside pnpm: the version pinned in the root package.json's packageManager, its one place.
  const root = new URL('../../../package.json', import.meta.url);
  const { packageManager } = JSON.parse(readFileSync(root, 'utf8')) as { packageManager: string };
  return { command: 'npx', prefix: ['-y', packageManager] };
}
