// @ts-check
// What one call holds in memory when the server sends a huge body (issue 18): a node:http server
// on 127.0.0.1 (a free port) streams a valid page padded to `--mb` megabytes, as fast as the
// client reads it, and the client built in dist/ (or `--dist <dir>`, another build) reads it
// with its defaults. Prints the peak resident memory over the baseline, sampled every 5 ms, and
// how the call ended. Run: `node scripts/memory.mjs [--mb 200] [--dist <dir>]` after a build.
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { mb: { type: 'string', default: '200' }, dist: { type: 'string' } },
});
const megabytes = Number(values.mb);
// This package's build unless told otherwise (from wherever the script is run).
const dist = values.dist
  ? resolve(values.dist)
  : fileURLToPath(new URL('../dist/', import.meta.url));
const { createClient } = await import(pathToFileURL(resolve(dist, 'index.js')).href);

const CHUNK = Buffer.alloc(64 * 1024, 0x20);
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.write('{"hasMore":false,"list":[');
  let left = megabytes * 1024 * 1024;
  const pump = () => {
    while (left > 0 && !res.destroyed) {
      left -= CHUNK.length;
      if (!res.write(CHUNK)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end(']}');
  };
  pump();
});
await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
const address = /** @type {import('node:net').AddressInfo} */ (server.address());

const client = createClient({
  apiKey: 'sk_memory_probe',
  connectionId: 'conn_memory',
  baseUrl: `http://127.0.0.1:${address.port}`,
  maxRetries: 0,
});
const baseline = process.memoryUsage().rss;
let peak = baseline;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 5);
const started = Date.now();
const outcome = await client.listMassMessages().then(
  (/** @type {{ list: unknown[] }} */ page) => `a page of ${page.list.length} items`,
  (/** @type {Error} */ error) => `${error.name}: ${error.message}`,
);
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
server.closeAllConnections();
server.close();
const mib = (/** @type {number} */ bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
console.log(
  `${megabytes} MB body: peak RSS +${mib(peak - baseline)} over ${mib(baseline)}, ${Date.now() - started} ms, ${outcome}`,
);
