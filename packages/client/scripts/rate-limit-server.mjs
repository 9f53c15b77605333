// @ts-check
// A stand-in for the vendor's rate limit, on 127.0.0.1: one token bucket per `x-connection-id`
// (core's, the one the mocks and the proxy use too), answering every GET with an empty page while
// the bucket has a token and with the vendor's 429 (`{ error, type: RATE_LIMIT_EXCEEDED,
// requestId }`) when it has none, each with `X-RateLimit-Limit`, `-Remaining` and `-Reset` (whole
// seconds until the bucket is full again, rounded up). For the limiter's tests and the 300-request
// measurement (rate-limit-loop.mjs); the mock server can emulate the same bucket.
import { createServer } from 'node:http';
import { createBuckets, VENDOR_RATE_LIMIT } from '@ofauth-mass-messages/core';

/**
 * Starts the server on a free port (or `port`). `counts` tallies what it answered.
 * @param {{ capacity?: number, refillPerMinute?: number, port?: number }} [options]
 */
export async function startBucketServer(options = {}) {
  const { capacity, refillPerMinute } = { ...VENDOR_RATE_LIMIT, ...options };
  const buckets = createBuckets({ capacity, refillPerMinute }, 1000);
  const counts = { ok: 0, limited: 0 };
  let served = 0;
  const server = createServer((req, res) => {
    const bucket = buckets.get(String(req.headers['x-connection-id'] ?? ''));
    const now = Date.now();
    // Only a token that is there is taken: a refused request books nothing.
    const ok = bucket.tokens(now) >= 1;
    if (ok) bucket.take(now);
    const left = bucket.tokens(now);
    const headers = {
      'content-type': 'application/json',
      'x-ratelimit-limit': String(capacity),
      'x-ratelimit-remaining': String(Math.floor(left)),
      'x-ratelimit-reset': String(Math.ceil((capacity - left) / bucket.rate / 1000)),
    };
    const requestId = `req_${++served}`;
    if (ok) counts.ok++;
    else counts.limited++;
    res.writeHead(ok ? 200 : 429, headers);
    res.end(
      JSON.stringify(
        ok
          ? { list: [], hasMore: false }
          : { error: 'Rate limit exceeded', type: 'RATE_LIMIT_EXCEEDED', requestId },
      ),
    );
  });
  await new Promise((resolve) => server.listen(options.port ?? 0, '127.0.0.1', () => resolve(0)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    /** Stops the server (its open connections too). */
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  };
}
