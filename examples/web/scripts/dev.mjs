// `pnpm dev`: starts the mock server and the Vite dev server pointed at it, and stops both on
// Ctrl+C. With VITE_OFAUTH_BASE_URL already set, no mock is started: the app uses that server.
//   MOCK_MODE=examples|dynamic|dataset (default dataset: enough rows for "Load more")
//   MOCK_PORT=4010 (default: a free port, so it never clashes with `pnpm mock`)
import { startMockServer } from '@ofauth-mass-messages/mocks';
import { createServer } from 'vite';

const root = new URL('..', import.meta.url).pathname;

let mock;
if (!process.env.VITE_OFAUTH_BASE_URL) {
  mock = await startMockServer({
    port: Number(process.env.MOCK_PORT ?? 0),
    mode: process.env.MOCK_MODE ?? 'dataset',
  });
  // Vite reads VITE_* variables from the environment when it resolves its config.
  process.env.VITE_OFAUTH_BASE_URL = mock.url;
  console.log(`mock server (${process.env.MOCK_MODE ?? 'dataset'} mode): ${mock.url}`);
}

const vite = await createServer({ root, server: { host: '127.0.0.1' } });
await vite.listen();
vite.printUrls();

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await vite.close();
  await mock?.stop();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
