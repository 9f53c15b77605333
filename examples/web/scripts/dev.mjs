// `pnpm dev`: starts the mock server and the Vite dev server, whose /api proxy forwards to the
// mock with the server-side key; stops both on Ctrl+C.
//   OFAUTH_BASE_URL set: no mock is started, the proxy forwards there (the real API, say) with
//     OFAUTH_API_KEY and OFAUTH_CONNECTION_ID, which must then be set too.
//   MOCK_MODE=dataset|examples|dynamic (default: the mock's own default), MOCK_PORT (default: a
//     free port, so it never clashes with `pnpm mock`).
//   --msw: no mock server and no proxy; the page answers /api itself (MSW service worker).
import { startMockServer } from '@ofauth-mass-messages/mock-server';
import { createServer } from 'vite';

const root = new URL('..', import.meta.url).pathname;
const inPageMock = process.argv.includes('--msw');

let mock;
if (inPageMock) {
  // vite.config.ts reads it to serve the worker script and leave the proxy out; the page reads
  // it at build time to start the worker.
  process.env.VITE_OFAUTH_MOCK = 'msw';
  console.log('in-page mock: /api is answered by MSW in the page (no mock server, no proxy)');
} else if (!process.env.OFAUTH_BASE_URL) {
  mock = await startMockServer({
    port: Number(process.env.MOCK_PORT ?? 0),
    ...(process.env.MOCK_MODE ? { mode: process.env.MOCK_MODE } : {}),
  });
  process.env.OFAUTH_BASE_URL = mock.url;
  // The mock accepts any key: these demo values are not secrets. A real key is set in the
  // environment of this process only (never in a VITE_* variable, which Vite puts in the page).
  process.env.OFAUTH_API_KEY ??= 'demo-api-key';
  process.env.OFAUTH_CONNECTION_ID ??= 'demo-connection';
  console.log(`mock server (${mock.mode} mode): ${mock.url}`);
}

const vite = await createServer({ root, server: { host: '127.0.0.1' } });
await vite.listen();
vite.printUrls();
if (!inPageMock) console.log(`  ➜  API proxy: /api → ${process.env.OFAUTH_BASE_URL}`);

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
