// How much memory the mock keeps for `times=` scenarios: starts the mock server in a child
// process, sends it N requests that each come from another client (a distinct x-connection-id)
// and ask for `Prefer: code=429, times=1`, and prints the server process's RSS and heap before
// and after, each measured after a garbage collection. The server runs apart from the load so
// that the figures are the server's alone. Not part of `test`: reported, never asserted.
//
//   node scripts/scenario-memory.mjs [--clients 50000] [--concurrency 20] [--no-prism]
//   (from the root: npx -y pnpm@10.34.9 --filter @ofauth-mass-messages/mock-server memory)
//
// Needs the package built (dist/). Loopback only, a free port, bounded in count; the child is
// stopped through its own handle.
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { Agent, get } from 'node:http';
import { parseArgs } from 'node:util';
import { operations } from '@ofauth-mass-messages/spec/operations';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '50000' },
    concurrency: { type: 'string', default: '20' },
    'no-prism': { type: 'boolean', default: false },
    serve: { type: 'boolean', default: false },
  },
});
const prism = !values['no-prism'];

/** RSS and heap of this process in MB, after a collection (the child runs with --expose-gc). */
function memory() {
  globalThis.gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss: Math.round(rss / 2 ** 20), heap: Math.round(heapUsed / 2 ** 20) };
}

if (values.serve) {
  // The child: the mock server, answering "memory" with its figures and "stop" by stopping.
  const built = new URL('../dist/index.js', import.meta.url).href;
  /** @type {typeof import('../src/index.js')} */
  const { startMockServer } = await import(built);
  const mock = await startMockServer({ port: 0, prism });
  process.on('message', async (message) => {
    if (message === 'memory') process.send?.({ memory: memory() });
    if (message === 'stop') {
      await mock.stop();
      process.disconnect();
    }
  });
  process.send?.({ url: mock.url });
} else {
  const clients = Number(values.clients);
  const concurrency = Number(values.concurrency);
  const child = fork(new URL(import.meta.url), ['--serve', ...(prism ? [] : ['--no-prism'])], {
    execArgv: ['--expose-gc'],
  });
  /** The child's next message that has `key`. */
  const reply = async (/** @type {string} */ key) => {
    for (;;) {
      const [message] = await once(child, 'message');
      if (key in message) return message[key];
    }
  };
  const url = await reply('url');
  const measure = async () => {
    child.send('memory');
    return reply('memory');
  };

  const path = operations[0]?.path ?? '/';
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  /** @type {Record<string, number>} */
  const statuses = {};
  /** @param {string} connection */
  const one = (connection) =>
    new Promise((resolve, reject) => {
      const headers = {
        apiKey: 'measure',
        'x-connection-id': connection,
        prefer: 'code=429, times=1',
      };
      get(`${url}${path}`, { agent, headers }, (res) => {
        const status = String(res.statusCode);
        statuses[status] = (statuses[status] ?? 0) + 1;
        res.resume();
        res.on('end', resolve);
      }).on('error', reject);
    });

  try {
    // A first round, so that code, sockets and caches are warm before "before".
    for (let i = 0; i < 200; i++) await one(`warm_${i}`);
    const before = await measure();
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < clients) await one(`conn_${next++}`);
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const after = await measure();
    const change = (/** @type {number} */ a, /** @type {number} */ b) =>
      `${b - a >= 0 ? '+' : ''}${b - a} MB`;
    console.log(
      `Node ${process.version}, prism: ${prism}, ${clients} distinct clients ` +
        `(Prefer: code=429, times=1), ${concurrency} concurrent, ${seconds.toFixed(1)} s`,
    );
    console.log(`statuses: ${JSON.stringify(statuses)}`);
    console.log(
      `server RSS  before ${before.rss} MB, after ${after.rss} MB (${change(before.rss, after.rss)})`,
    );
    console.log(
      `server heap before ${before.heap} MB, after ${after.heap} MB (${change(before.heap, after.heap)})`,
    );
  } finally {
    agent.destroy();
    child.send('stop');
    await once(child, 'exit');
  }
}
