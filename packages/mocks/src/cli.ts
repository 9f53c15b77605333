// `ofauth-mock` (and `pnpm mock` at the root): starts the mock server, prints where it is and how
// to use it, and stops it cleanly on Ctrl-C or SIGTERM.

import { parseCliArguments, USAGE } from './cli/args.js';
import { banner } from './cli/banner.js';
import { watchBundle } from './cli/watch.js';
import { specBundlePath } from './document.js';
import { type MockServer, startMockServer } from './server.js';

async function main(argv: readonly string[]): Promise<void> {
  let args: ReturnType<typeof parseCliArguments>;
  try {
    args = parseCliArguments(argv);
  } catch (error) {
    console.error(`ofauth-mock: ${(error as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  // Prism's lines are printed from the banner on: what it says while starting (and the readiness
  // probe) only matters when the start fails, and then the error carries it.
  let printing = false;
  const options = {
    ...args.options,
    ...(args.quiet
      ? {}
      : { onLog: (line: string) => printing && console.log(`  prism | ${line}`) }),
  };

  let server: MockServer | undefined;
  // Starts, restarts and the final stop run one after another, never interleaved.
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (step: () => Promise<void>) => {
    queue = queue.then(step, step);
    return queue;
  };
  const start = async () => {
    printing = false;
    server = await startMockServer(options);
    console.log(banner(server.url, server.mode, server.seed));
    printing = true;
  };

  try {
    await enqueue(start);
  } catch (error) {
    console.error(`ofauth-mock: ${(error as Error).message}`);
    process.exitCode = 1;
    return;
  }

  let unwatch = () => {};
  if (args.watch) {
    const bundle = specBundlePath();
    console.log(`Watching ${bundle}: the server restarts when the spec is rebuilt.`);
    unwatch = watchBundle(bundle, () => {
      void enqueue(async () => {
        console.log('The spec bundle changed: restarting…');
        await server?.stop();
        server = undefined;
        try {
          await start();
        } catch (error) {
          // Keep watching: the next rebuild (a fixed spec) gets another try.
          console.error(`ofauth-mock: restart failed: ${(error as Error).message}`);
        }
      });
    });
  }

  let signalled = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (signalled) {
      console.error(`ofauth-mock: ${signal} again, exiting without waiting`);
      process.exit(1);
    }
    signalled = true;
    unwatch();
    console.log(`\n${signal}: stopping the mock server…`);
    void enqueue(async () => {
      await server?.stop();
      server = undefined;
    }).then(() => {
      console.log('Stopped.');
      process.exit(0);
    });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

await main(process.argv.slice(2));
