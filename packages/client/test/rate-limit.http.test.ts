// The limiter against a server that holds a bucket the way the vendor does (one per connection
// id, X-RateLimit-* on every response, 429 when empty; scripts/rate-limit-server.mjs), over real
// sockets, with a bucket small and fast enough for a unit test: a loop that trips 429s without
// the limiter trips none with it. The vendor's own numbers are measured by
// scripts/rate-limit-loop.mjs (minutes, not a test).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBucketServer } from '../scripts/rate-limit-server.mjs';
import { createClient } from '../src/client.js';
import { RateLimitError } from '../src/errors.js';
import type { ClientOptions } from '../src/types.js';

// 10 of burst, 20 a second: 30 calls need one second of refill.
const BUCKET = { capacity: 10, refillPerMinute: 1200 };
const CALLS = 30;

let server: Awaited<ReturnType<typeof startBucketServer>>;
beforeAll(async () => {
  server = await startBucketServer(BUCKET);
});
afterAll(() => server.close());

/** Runs CALLS calls at once for `connectionId`; what each ended with. */
async function loop(connectionId: string, options: Partial<ClientOptions>) {
  const client = createClient({
    apiKey: 'sk_http_rate_limit_key',
    connectionId,
    baseUrl: server.url,
    maxRetries: 0,
    ...options,
  } as ClientOptions);
  return Promise.all(
    Array.from({ length: CALLS }, () =>
      client.listMassMessages().then(
        () => 'ok',
        (error: unknown) => (error instanceof RateLimitError ? '429' : String(error)),
      ),
    ),
  );
}

describe('a loop against a server with the vendor’s kind of bucket', () => {
  it('trips 429s without the limiter', async () => {
    const outcomes = await loop('conn_without', {});
    expect(outcomes.filter((o) => o === 'ok').length).toBeLessThan(CALLS);
    expect(outcomes.filter((o) => o !== 'ok').every((o) => o === '429')).toBe(true);
  });

  it('trips none with it, every call answered', async () => {
    const limited = server.counts.limited;
    const outcomes = await loop('conn_with', { rateLimit: BUCKET });
    expect(outcomes).toEqual(Array.from({ length: CALLS }, () => 'ok'));
    expect(server.counts.limited).toBe(limited);
  });

  it('trips none either when it starts from the vendor’s numbers and adapts to the headers', async () => {
    // The client's bucket assumes 90 of burst; this server's holds 5, refilled at one a second
    // (a refill the server's whole-second X-RateLimit-Reset states exactly).
    const small = await startBucketServer({ capacity: 5, refillPerMinute: 60 });
    try {
      const client = createClient({
        apiKey: 'sk_http_rate_limit_key',
        connectionId: 'conn_adapting',
        baseUrl: small.url,
        maxRetries: 0,
        rateLimit: true,
      });
      // One call first: the limiter learns the server's numbers from its answer.
      await client.listMassMessages();
      const outcomes = await Promise.all(
        Array.from({ length: 6 }, () => client.listMassMessages().then(() => 'ok')),
      );
      expect(outcomes).toHaveLength(6);
      expect(small.counts).toEqual({ ok: 7, limited: 0 });
    } finally {
      await small.close();
    }
  });
});
