// @ts-check
// A plain node:http server, run as a child process so that it has a core of its own and the
// process measuring it does not share its event loop. Two uses:
// - the upper bound beside the mock: every GET answers 200 with the bytes of one file;
// - the API stand-in of the client benchmarks: pages of a seeded dataset (the mocks' own dataset
//   and paging), each answered after a fixed latency.
// Config is one JSON argument; the port goes back to the parent over IPC. Loopback only, port 0,
// and it exits when its parent goes away, so a crashed benchmark leaves no server behind.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createDataset, pageOf } from '@ofauth-mass-messages/mocks';

/**
 * @typedef {{ bodyFile?: string, latencyMs?: number, dataset?: { seed: number, massMessages: number, purchased: number } }} PlainServerConfig
 */

/** @type {PlainServerConfig} */
const config = JSON.parse(process.argv[2] ?? '{}');
const latencyMs = config.latencyMs ?? 0;
const fixed = config.bodyFile ? readFileSync(config.bodyFile) : undefined;
const dataset = config.dataset ? createDataset(config.dataset) : undefined;

/**
 * The body of one GET, or undefined for a 404.
 * @param {URL} url
 * @returns {string | Buffer | undefined}
 */
function bodyFor(url) {
  if (fixed) return fixed;
  if (!dataset) return undefined;
  const limit = Number(url.searchParams.get('limit') ?? 10);
  const offset = Number(url.searchParams.get('offset') ?? 0);
  if (url.pathname === '/v2/access/analytics/mass-messages/purchased') {
    const { items, hasMore } = pageOf(dataset.purchased, limit, offset);
    return JSON.stringify({ items, hasMore });
  }
  if (url.pathname === '/v2/access/mass-messages') {
    const type = /** @type {'sent' | 'unsent' | 'scheduled'} */ (
      url.searchParams.get('type') ?? 'sent'
    );
    const { items, hasMore } = pageOf(dataset.massMessages[type] ?? [], limit, offset);
    return JSON.stringify({ list: items, hasMore });
  }
  return undefined;
}

const server = createServer((req, res) => {
  const body = bodyFor(new URL(req.url ?? '/', 'http://127.0.0.1'));
  const answer = () => {
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"not found"}');
      return;
    }
    res
      .writeHead(200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      })
      .end(body);
  };
  if (latencyMs > 0) setTimeout(answer, latencyMs);
  else answer();
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
});
process.on('disconnect', () => process.exit(0));
