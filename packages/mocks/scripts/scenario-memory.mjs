// How much memory the mock keeps for `times=` scenarios: starts the server, sends N requests
// that each come from another client (a distinct x-connection-id) and ask for
// `Prefer: code=429, times=1`, and prints the process's RSS and heap before and after, each
// after a garbage collection. Not part of `test`: figures are reported, never asserted.
//
//   node --expose-gc scripts/scenario-memory.mjs [--clients 50000] [--concurrency 20] [--no-prism]
//
// Needs the package built (dist/). Loopback only, bounded in count. The requests go out from
// this process too; what they allocate is garbage by the second measurement.
import { Agent, get } from 'node:http';
import { parseArgs } from 'node:util';
import { operations } from '@ofauth-mass-messages/spec/operations';

const built = new URL('../dist/index.js', import.meta.url).href;
/** @type {typeof import('../src/index.js')} */
const { startMockServer } = await import(built);

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '50000' },
    concurrency: { type: 'string', default: '20' },
    'no-prism': { type: 'boolean', default: false },
  },
});
const clients = Number(values.clients);
const concurrency = Number(values.concurrency);
const prism = !values['no-prism'];

/** RSS and heap in MB, after a collection when node runs with --expose-gc. */
function memory() {
  globalThis.gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss: Math.round(rss / 2 ** 20), heap: Math.round(heapUsed / 2 ** 20) };
}

const mock = await startMockServer({ port: 0, prism });
const path = operations[0]?.path ?? '/';
const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
const statuses = /** @type {Record<string, number>} */ ({});

/** @param {number} client */
const one = (client) =>
  new Promise((resolve, reject) => {
    const headers = {
      apiKey: 'measure',
      'x-connection-id': `conn_${client}`,
      prefer: 'code=429, times=1',
    };
    get(`${mock.url}${path}`, { agent, headers }, (res) => {
      statuses[String(res.statusCode)] = (statuses[String(res.statusCode)] ?? 0) + 1;
      res.resume();
      res.on('end', resolve);
    }).on('error', reject);
  });

// A first round of requests so that code, sockets and Prism's caches are warm before "before".
for (let i = 0; i < 200; i++) await one(-1 - i);
const before = memory();
let next = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < clients) await one(next++);
  }),
);
const seconds = (performance.now() - started) / 1000;
const after = memory();
agent.destroy();
await mock.stop();

console.log(
  `Node ${process.version}, prism: ${prism}, ${clients} distinct clients (Prefer: code=429, times=1), ` +
    `${concurrency} concurrent, ${seconds.toFixed(1)} s; gc: ${globalThis.gc ? 'yes' : 'no (run with --expose-gc)'}`,
);
console.log(`statuses: ${JSON.stringify(statuses)}`);
console.log(
  `RSS   before ${before.rss} MB, after ${after.rss} MB (${after.rss - before.rss >= 0 ? '+' : ''}${after.rss - before.rss} MB)`,
);
console.log(
  `heap  before ${before.heap} MB, after ${after.heap} MB (${after.heap - before.heap >= 0 ? '+' : ''}${after.heap - before.heap} MB)`,
);
