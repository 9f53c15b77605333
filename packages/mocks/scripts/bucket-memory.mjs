// How much memory the emulated rate limit keeps: N requests, each from another connection (a
// distinct x-connection-id), to an in-process mock core with `rateLimit: 'vendor'`, and the heap
// before and after (each after a garbage collection); beside it the same load with the limit off,
// and core's bucket map without the mock's bound (what keeping every connection would cost). The
// buckets live in the core, the same in the server, createMockFetch and the MSW handlers. Not part
// of `test`: reported, never asserted (the bound itself is tested in test/core/limits.test.ts).
//
//   node --expose-gc scripts/bucket-memory.mjs [--clients 100000]
//   (from the root: pnpm --filter @ofauth-mass-messages/mocks exec node --expose-gc scripts/bucket-memory.mjs)
//
// Needs the package built (dist/).
import { parseArgs } from 'node:util';
import { createBuckets, VENDOR_RATE_LIMIT } from '@ofauth-mass-messages/core';

const { values } = parseArgs({ options: { clients: { type: 'string', default: '100000' } } });
const clients = Number(values.clients);
if (!globalThis.gc) throw new Error('Run with node --expose-gc');

/** @type {typeof import('../src/index.js')} */
const { createMockCore, MAX_TRACKED_CONNECTIONS } = await import(
  new URL('../dist/index.js', import.meta.url).href
);
const { specData } = await import(new URL('../dist/generated/spec-data.js', import.meta.url).href);

const heap = () => {
  globalThis.gc?.();
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

/**
 * Heap growth (MB) of `clients` requests, one per connection, to a core with these options.
 * @param {import('../src/index.js').MockOptions} options
 */
async function load(options) {
  const core = createMockCore(specData, { mode: 'examples', ...options });
  const path = specData.operations[0].path;
  const request = (/** @type {string} */ connection) =>
    core.respond({
      method: 'GET',
      url: new URL(`http://mock.test${path}?limit=1`),
      header: (name) => ({ apikey: 'measure', 'x-connection-id': connection })[name.toLowerCase()],
    });
  for (let i = 0; i < 200; i++) await request(`warm_${i}`);
  const before = heap();
  /** @type {Record<number, number>} */
  const statuses = {};
  for (let i = 0; i < clients; i++) {
    const { status } = await request(`conn_${i}`);
    statuses[status] = (statuses[status] ?? 0) + 1;
  }
  const after = heap();
  return { growth: after - before, statuses, keep: core };
}

/** The same connections in core's bucket map with no bound: every one kept. */
function unbounded() {
  const buckets = createBuckets(VENDOR_RATE_LIMIT, Number.POSITIVE_INFINITY);
  const before = heap();
  for (let i = 0; i < clients; i++) buckets.get(`conn_${i}`).take(0);
  const after = heap();
  return { growth: after - before, size: buckets.size, keep: buckets };
}

const mb = (/** @type {number} */ value) => `${value >= 0 ? '+' : ''}${value.toFixed(1)} MB`;
const off = await load({});
const on = await load({ rateLimit: 'vendor' });
const all = unbounded();
console.log(`Node ${process.version}, ${clients} requests, each from another connection`);
console.log(
  `limit off:             heap ${mb(off.growth)}, statuses ${JSON.stringify(off.statuses)}`,
);
console.log(
  `rateLimit: 'vendor':   heap ${mb(on.growth)}, statuses ${JSON.stringify(on.statuses)} (at most ${MAX_TRACKED_CONNECTIONS} buckets)`,
);
console.log(
  `every bucket kept:     heap ${mb(all.growth)} (${all.size} buckets, core's map unbounded)`,
);
// Kept alive until here, so that nothing measured was collected early.
void [off.keep, on.keep, all.keep];
