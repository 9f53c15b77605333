// The proxy in front of the mock: the same checks through `@ofauth-mass-messages/proxy`, as a
// browser app would call it. The proxy runs on node:http (its `./node` adapter) on a free port
// of 127.0.0.1 and forwards to the mock server in dataset mode; the client has the proxy's URL as
// its baseUrl and no key (the proxy adds the server's credentials).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProxyHandler } from '@ofauth-mass-messages/proxy';
import { toNodeHandler } from '@ofauth-mass-messages/proxy/node';
import { startMockTarget } from './mock-target.js';
import { LOCAL_CREDENTIALS, localTarget, type Target } from './target.js';

export async function startProxyTarget(): Promise<Target> {
  const mock = await startMockTarget('dataset');
  const handler = createProxyHandler({
    apiKey: LOCAL_CREDENTIALS.apiKey,
    authorize: () => LOCAL_CREDENTIALS.connectionId,
    upstream: mock.baseUrl,
  });
  const server = createServer(toNodeHandler(handler));
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
  } catch (error) {
    await mock.stop();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const stopProxy = () =>
    new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      // Keep-alive sockets of the client would hold close() open.
      server.closeAllConnections();
    });
  return localTarget(
    'proxy → mock (dataset)',
    `http://127.0.0.1:${port}`,
    mock.paging,
    async () => {
      await stopProxy();
      await mock.stop();
    },
    { keyless: true },
  );
}
