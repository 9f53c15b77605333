// One Prism child process: spawned with the current Node, its output read line by line (and
// always drained, so a full pipe never stalls it), stopped by its own pid and nothing else.
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { parseListeningPort, redactSecrets } from './output.js';

/** How many of the last output lines are kept to explain a failure. */
const KEEP_LINES = 200;
/** How long a child gets to exit on SIGTERM before it is sent SIGKILL. */
const STOP_GRACE_MS = 5_000;

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface PrismProcess {
  readonly pid: number;
  /** Resolves with the port Prism listens on (reported over IPC, or read from its log); never rejects. */
  readonly listening: Promise<number>;
  /** Resolves when the child has exited, for whatever reason. */
  readonly exited: Promise<ChildExit>;
  /** The last lines Prism printed (stdout and stderr, in arrival order, secrets redacted). */
  recentLines(): string[];
  /** SIGTERM, then SIGKILL after a grace period; resolves once the child is gone. */
  stop(): Promise<void>;
}

export function spawnPrism(args: string[], onLog?: (line: string) => void): PrismProcess {
  const child: ChildProcess = spawn(process.execPath, args, {
    // The IPC channel carries the port (child/report-port.js), whatever Prism's log level.
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    // Plain text: the lines are parsed, and colours would only be noise in a log file.
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  const lines: string[] = [];
  let resolvePort: (port: number) => void = () => {};
  const listening = new Promise<number>((resolve) => {
    resolvePort = resolve;
  });
  const exited = new Promise<ChildExit>((resolve) => {
    // 'close', not 'exit': it comes after stdout and stderr are drained, so the lines that say
    // why a start failed have all been read by then.
    child.once('close', (code, signal) => resolve({ code, signal }));
    // A spawn failure (no Node binary?) is reported as an exit with its message kept.
    child.once('error', (error) => {
      lines.push(`spawn failed: ${error.message}`);
      resolve({ code: null, signal: null });
    });
  });

  const onLine = (raw: string) => {
    const line = redactSecrets(raw);
    lines.push(line);
    if (lines.length > KEEP_LINES) lines.shift();
    onLog?.(line);
    const port = parseListeningPort(line);
    if (port !== undefined) resolvePort(port);
  };
  child.on('message', (message: { type?: string; port?: number }) => {
    if (message?.type === 'listening' && typeof message.port === 'number')
      resolvePort(message.port);
  });
  for (const stream of [child.stdout, child.stderr]) {
    if (stream)
      createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY }).on('line', onLine);
  }

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
        await exited;
        return;
      }
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const forced = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          child.kill('SIGKILL');
          resolve();
        }, STOP_GRACE_MS);
      });
      await Promise.race([exited, forced]);
      clearTimeout(timer);
      await exited;
    })();
    return stopping;
  };

  return {
    pid: child.pid ?? -1,
    listening,
    exited,
    recentLines: () => [...lines],
    stop,
  };
}
