// Cancelling a query reaches the network: a real client (of the client's fixture table, every
// shape of operation) against a server that never answers, so the only way the request can end is
// the query's signal aborting it.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CancelledError, QueryClient } from '@tanstack/query-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { helpersOf } from '../src/helpers.js';
import { entries, fixtureClient, table } from './helpers/fixture.js';

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

// biome-ignore lint/suspicious/noExplicitAny: options of any operation.
type AnyOptions = any;
type Kind = 'queryOptions' | 'infiniteQueryOptions';

describe.each(entries)('$operationId ($shape)', ({ operationId, entry, required }) => {
  const kinds: Kind[] =
    entry.kind === 'page' && entry.paging === 'offset'
      ? ['queryOptions', 'infiniteQueryOptions']
      : ['queryOptions'];
  const path = entry.path.replace(/\{[^}]+\}/g, (name) =>
    encodeURIComponent(String(required[name.slice(1, -1) as keyof typeof required])),
  );

  it.each(kinds)(
    'cancelling the %s query aborts its HTTP request',
    async (kind) => {
      const client = fixtureClient(globalThis.fetch, baseUrl);
      // A loop over the table has no literal id: the helpers of any operation, loosely typed.
      const helpers = (helpersOf(table, client) as unknown as Record<string, AnyOptions>)[
        operationId
      ];
      const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
      const before = requests.length;

      const pending =
        kind === 'queryOptions'
          ? queryClient.fetchQuery(helpers.queryOptions(required))
          : queryClient.fetchInfiniteQuery(helpers.infiniteQueryOptions(required));
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
});
