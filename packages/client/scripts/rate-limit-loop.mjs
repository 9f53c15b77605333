// @ts-check
// A loop of `--requests` calls (default 300, one after the other, as a loop over pages or
// creators runs) against a server with the vendor's rate limit, first without the client's
// limiter, then with it (`rateLimit: true`, the vendor's numbers): how many 429s the server
// answered, how many calls failed, and the wall time of each. Each run uses a connection id of
// its own, so the second starts from a full bucket too.
//
// The server: `--base-url <url>` (a mock emulating the vendor's bucket), or by default a local
// stand-in on 127.0.0.1 (scripts/rate-limit-server.mjs: core's token bucket per connection id,
// the vendor's 429 body and X-RateLimit-* headers) with `--capacity` (default 90) and `--refill`
// per minute (default 60), the vendor's numbers for its standard plans. Run after a build:
//
//   node scripts/rate-limit-loop.mjs                        # vendor numbers: about 3.5 minutes
//   node scripts/rate-limit-loop.mjs --capacity 10 --refill 600 --requests 40   # seconds
//   node scripts/rate-limit-loop.mjs --base-url http://127.0.0.1:4010 --only with
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { VENDOR_RATE_LIMIT } from '@ofauth-mass-messages/core';
import { startBucketServer } from './rate-limit-server.mjs';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '300' },
    capacity: { type: 'string', default: String(VENDOR_RATE_LIMIT.capacity) },
    refill: { type: 'string', default: String(VENDOR_RATE_LIMIT.refillPerMinute) },
    'base-url': { type: 'string' },
    'api-key': { type: 'string', default: 'sk_rate_limit_loop' },
    only: { type: 'string' },
    dist: { type: 'string' },
  },
});
const requests = Number(values.requests);
const capacity = Number(values.capacity);
const refillPerMinute = Number(values.refill);
for (const [name, value] of Object.entries({ requests, capacity, refill: refillPerMinute })) {
  if (!(value > 0)) throw new Error(`--${name} must be a number > 0, got ${value}`);
}
if (values.only !== undefined && !['with', 'without'].includes(values.only)) {
  throw new Error(`--only must be "with" or "without", got ${values.only}`);
}
const dist = values.dist
  ? resolve(values.dist)
  : fileURLToPath(new URL('../dist/', import.meta.url));
const { createClient } = await import(pathToFileURL(resolve(dist, 'index.js')).href);

const local = values['base-url']
  ? undefined
  : await startBucketServer({ capacity, refillPerMinute });
const baseUrl = values['base-url'] ?? local?.url ?? '';

/**
 * One run of the loop: every call awaited before the next; 429s counted from the debug lines
 * (one per attempt, retries included), so the count is the server's answers, not the failures.
 * @param {boolean} limited
 */
async function run(limited) {
  let tooMany = 0;
  const logger = {
    debug: (/** @type {string} */ line) => {
      if (line.includes(' → 429 ')) tooMany++;
    },
    info() {},
    warn() {},
    error() {},
  };
  const client = createClient({
    apiKey: values['api-key'],
    connectionId: `conn_loop_${limited ? 'with' : 'without'}_${Date.now()}`,
    baseUrl,
    logger,
    logLevel: 'debug',
    // The client's own numbers are the vendor's; it adopts the server's from its headers.
    rateLimit: limited,
  });
  let ok = 0;
  let failed = 0;
  const started = performance.now();
  for (let i = 0; i < requests; i++) {
    await client.listMassMessages({ limit: 1 }).then(
      () => ok++,
      () => failed++,
    );
  }
  return { ok, failed, tooMany, seconds: (performance.now() - started) / 1000 };
}

try {
  const target = local
    ? `a local stand-in (${capacity} of burst, ${refillPerMinute} a minute)`
    : baseUrl;
  console.log(`${requests} requests, one after the other, against ${target}\n`);
  console.log('| client | calls answered | 429 answers | calls failed | wall time |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const limited of [false, true]) {
    if (values.only && values.only !== (limited ? 'with' : 'without')) continue;
    const { ok, failed, tooMany, seconds } = await run(limited);
    console.log(
      `| ${limited ? 'with `rateLimit: true`' : 'without the limiter'} | ${ok} | ${tooMany} | ${failed} | ${seconds.toFixed(1)} s |`,
    );
  }
  const refill = (Math.max(0, requests - capacity) / refillPerMinute) * 60;
  console.log(
    `\nThe bucket's own refill time for ${requests} requests: (${requests} − ${capacity}) / ${refillPerMinute} a minute = ${refill.toFixed(1)} s.`,
  );
} finally {
  await local?.close();
}
