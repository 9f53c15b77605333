// `--watch`: runs the mock in a child process and replaces it whenever the spec bundle is rebuilt.
// A fresh process, not a restart in place: the bundle is read anew by every start, but modules
// imported once hold the spec as it was built (the operations table the dataset's records read
// their filter values from), and only a new process imports them again.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { watchBundle } from './watch.js';

const BIN = fileURLToPath(new URL('../../bin/ofauth-mock.js', import.meta.url));
const EXIT_WITH_PARENT = new URL('../../child/exit-with-parent.js', import.meta.url).href;

export function supervise(argv: readonly string[], bundle: string): void {
  const childArgs = argv.filter((arg) => arg !== '--watch');
  let child: ChildProcess | undefined;
  let exiting = false;

  const launch = () => {
    // Its own process group, so that Ctrl-C reaches the supervisor only, which stops the child
    // once; and it exits by itself should the supervisor die.
    const current = spawn(process.execPath, ['--import', EXIT_WITH_PARENT, BIN, ...childArgs], {
      stdio: 'inherit',
      detached: true,
    });
    child = current;
    current.once('exit', (code) => {
      if (child === current) child = undefined;
      if (exiting) process.exit(0);
      // A start failure (say, the port is taken) is reported by the child; wait for a fix.
      if (code !== 0)
        console.error('ofauth-mock: the server stopped; waiting for the next spec rebuild');
    });
  };
  /** Stops the current child by its own handle and resolves once it has exited. */
  const stopChild = () =>
    new Promise<void>((resolve) => {
      const current = child;
      if (!current || current.exitCode !== null || current.signalCode !== null) return resolve();
      current.once('exit', () => resolve());
      current.kill('SIGTERM');
    });

  console.log(`Watching ${bundle}: the server restarts when the spec is rebuilt.`);
  let restarting: Promise<void> = Promise.resolve();
  const unwatch = watchBundle(bundle, () => {
    restarting = restarting.then(async () => {
      if (exiting) return;
      console.log('The spec bundle changed: restarting…');
      await stopChild();
      if (!exiting) launch();
    });
  });

  const shutdown = () => {
    if (exiting) return;
    exiting = true;
    unwatch();
    void stopChild().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  launch();
}
