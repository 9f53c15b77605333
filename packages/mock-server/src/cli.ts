// `ofauth-mock` (and `pnpm mock` at the root): starts the mock server, prints where it is and how
// to use it, and stops it cleanly on Ctrl-C or SIGTERM.

import { createRequire } from 'node:module';
import { parseCliArguments, USAGE } from './cli/args.js';
import { banner } from './cli/banner.js';
import { supervise } from './cli/supervise.js';
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
  if (args.watch) {
    supervise(
      argv,
      createRequire(import.meta.url).resolve('@ofauth-mass-messages/spec/openapi.json'),
    );
    return;
  }
  const options = {
    ...args.options,
    ...(args.quiet ? {} : { onLog: (line: string) => console.log(`  ${line}`) }),
  };

  let server: MockServer | undefined;
  let signalled = false;
  // Handlers first: a signal during the start waits for it, then stops what it started.
  let starting: Promise<void> = Promise.resolve();
  const shutdown = (signal: NodeJS.Signals) => {
    if (signalled) {
      console.error(`ofauth-mock: ${signal} again, exiting without waiting`);
      process.exit(1);
    }
    signalled = true;
    console.log(`\n${signal}: stopping the mock server…`);
    void starting
      .catch(() => {})
      .then(() => server?.stop())
      .then(() => {
        console.log('Stopped.');
        process.exit(0);
      });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  starting = (async () => {
    server = await startMockServer(options);
    console.log(
      banner(server.url, server.mode, server.seed, server.core.spec, server.core.options.latency),
    );
  })();
  try {
    await starting;
  } catch (error) {
    console.error(`ofauth-mock: ${(error as Error).message}`);
    process.exit(1);
  }
}

await main(process.argv.slice(2));
