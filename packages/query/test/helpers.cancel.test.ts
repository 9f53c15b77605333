// Cancelling a query reaches the network: a real client against a server that never answers, so
// the only way the request can end is the query's signal aborting it.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from '@ofauth-mass-messages/client';
import { operations } from '@ofauth-mass-messages/spec/operations';
import { CancelledError, QueryClient } from '@tanstack/query-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createQueryHelpers } from '../src/helpers.js';
import type { QueryHelpers } from '../src/types.js';

let server: Server;
let baseUrl: string;
const requests: Array<{ url: string; closed: boolean }> = [];

beforeAll(async () => {
  server = createServer((req: IncomingMessage) => {
    const seen = { url: req.url ?? '', closed: false };
    requests.push(seen);
    // Never answered: the request ends only when the client aborts it.
    req.socket.once('close', () => {
      seen.closed = true;
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await once(server, 'close');
});

describe.each(operations.map((operation) => ({ id: operation.operationId, path: operation.path })))(
  '$id',
  ({ id, path }) => {
    it.each(['queryOptions', 'infiniteQueryOptions'] as const)(
      'cancelling the %s query aborts its HTTP request',
      async (kind) => {
        const client = createClient({ apiKey: 'test-key', connectionId: 'conn_test', baseUrl });
        // A loop over the table has no literal id: one operation's helpers stand for any.
        const helpers = createQueryHelpers(client)[id] as QueryHelpers['listMassMessages'];
        const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
        const before = requests.length;

        const pending =
          kind === 'queryOptions'
            ? queryClient.fetchQuery(helpers.queryOptions())
            : queryClient.fetchInfiniteQuery(helpers.infiniteQueryOptions());
        await vi.waitFor(() => expect(requests.length).toBe(before + 1), { timeout: 10_000 });
        const request = requests[before];
        expect(request?.url.startsWith(path)).toBe(true);
        expect(request?.closed).toBe(false);

        await queryClient.cancelQueries({ queryKey: helpers.key() });

        await expect(pending).rejects.toBeInstanceOf(CancelledError);
        await vi.waitFor(() => expect(request?.closed).toBe(true), { timeout: 10_000 });
        // Aborted, not retried: the client sent nothing more.
        expect(requests.length).toBe(before + 1);
        queryClient.clear();
      },
      30_000,
    );
  },
);
