// The proxy in front of the mock: the same checks through `@ofauth-mass-messages/proxy`, as a
// browser app would call it. The proxy runs on node:http (its `./node` adapter) on a free port
// of 127.0.0.1 and forwards to the mock server in dataset mode; the client has the proxy's URL as
// its baseUrl and no key (the proxy adds the server's credentials).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProxyHandler } from '@ofauth-mass-messages/proxy';
import { toNodeHandler } from '@ofauth-mass-messages/proxy/node';
import type { Operation } from '@ofauth-mass-messages/spec';
import { MOCK_PAGING_TO_THE_END, type MockTargetOptions, startMockTarget } from './mock-target.js';
import { LOCAL_CREDENTIALS, localTarget, type Target } from './target.js';

export interface ProxyTargetOptions extends Pick<MockTargetOptions, 'document' | 'client'> {
  /** The table the proxy serves (that document's); the spec's by default. */
  operations?: readonly Operation[];
}

/**
 * The proxy pages to the end: nothing else pages the mock through the proxy (the mocks' own tests
 * page the mock directly).
 */
export async function startProxyTarget(options: ProxyTargetOptions = {}): Promise<Target> {
  const mock = await startMockTarget('dataset', {
    ...(options.document ? { document: options.document } : {}),
  });
  const handler = createProxyHandler({
    apiKey: LOCAL_CREDENTIALS.apiKey,
    authorize: () => LOCAL_CREDENTIALS.connectionId,
    upstream: mock.baseUrl,
    ...(options.operations ? { operations: options.operations } : {}),
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
    MOCK_PAGING_TO_THE_END,
    async () => {
      await stopProxy();
      await mock.stop();
    },
    { keyless: true, ...(options.client ? { client: options.client } : {}) },
  );
}
