// Starts a runtime's process and waits for the line where it says it listens:
// `{"listening": <port>, "version": "<its version>"}`. Stopped by its own handle.
import { type ChildProcess, spawn } from 'node:child_process';

export interface Served {
  /** `http://127.0.0.1:<port>` */
  url: string;
  version: string;
  stop(): Promise<void>;
}

export function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
  });
}

export function spawnListening(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<Served> {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: 'pipe' });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stopProcess(child);
      reject(new Error(`${command} did not listen in time:\n${output}`));
    }, options.timeoutMs ?? 30_000);
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      // Complete lines only: a chunk may end mid-line.
      for (const line of output.split('\n').slice(0, -1)) {
        const said = line.trim().startsWith('{"listening"') ? JSON.parse(line) : undefined;
        if (said) {
          clearTimeout(timer);
          resolve({
            url: `http://127.0.0.1:${said.listening}`,
            version: said.version,
            stop: () => stopProcess(child),
          });
          return;
        }
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited (${code}) before listening:\n${output}`));
    });
  });
}
