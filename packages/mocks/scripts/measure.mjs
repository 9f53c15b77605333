// Measures each mode on this machine: startup (launch to first 200) and requests per second.
// Not part of `test`: figures are reported, never asserted.
//
//   node scripts/measure.mjs [--runs 3] [--requests 2000] [--concurrency 20] [--modes dataset,examples,dynamic] [--no-prism]
//   (from the root: pnpm --filter @ofauth-mass-messages/mocks measure)
//
// Needs the package built (dist/). Loopback only, bounded in count. Self-contained on purpose:
// the mock package does not depend on the benchmarks (bench/ depends on it).
import { once } from 'node:events';
import { Agent, get } from 'node:http';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { operations } from '@ofauth-mass-messages/spec/operations';

/**
 * Requests per second and latency percentiles of one run (`latencies` in ms, sorted here).
 * @param {number[]} latencies
 * @param {number} total
 * @param {number} startedAt performance.now() when the run began
 */
function summarise(latencies, total, startedAt) {
  const seconds = (performance.now() - startedAt) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    rps: total / seconds,
    p50: latencies[Math.floor(latencies.length * 0.5)] ?? Number.NaN,
    p99: latencies[Math.floor(latencies.length * 0.99)] ?? Number.NaN,
  };
}

/**
 * `total` GETs over keep-alive connections, `concurrency` at a time, alternating the routes.
 * @param {string} url
 * @param {number} total
 * @param {number} concurrency
 */
async function load(url, total, concurrency) {
  const headers = { apiKey: 'measure', 'x-connection-id': 'measure' };
  const paths = operations.map((operation) => operation.path);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  /** @type {number[]} */
  const latencies = [];
  let next = 0;
  let errors = 0;
  /** @type {Record<string, number>} what went wrong, by status or error code */
  const kinds = {};
  /** @param {string} kind */
  const fail = (kind) => {
    errors++;
    kinds[kind] = (kinds[kind] ?? 0) + 1;
  };
  /**
   * @param {string} path
   * @returns {Promise<void>}
   */
  const one = (path) =>
    new Promise((resolve) => {
      const started = performance.now();
      get(`${url}${path}`, { agent, headers }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode !== 200) fail(`status ${res.statusCode}`);
          latencies.push(performance.now() - started);
          resolve(undefined);
        });
      }).on('error', (/** @type {NodeJS.ErrnoException} */ error) => {
        fail(error.code ?? error.message);
        resolve(undefined);
      });
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await one(paths[next++ % paths.length] ?? '/');
    }),
  );
  const figures = summarise(latencies, total, started);
  agent.destroy();
  return { ...figures, errors, kinds };
}

// The load runs in a worker thread: the mock server lives in this process, and a client on the
// same event loop would slow it down and skew the figure.
if (!isMainThread) {
  const { url, total, concurrency } = workerData;
  parentPort?.postMessage(await load(url, total, concurrency));
  process.exit(0);
}
// The built package is what gets measured; a computed specifier keeps type-checking (which reads
// the types from src/) independent of a build.
const built = new URL('../dist/index.js', import.meta.url).href;
/** @type {typeof import('../src/index.js')} */
const { startMockServer, MOCK_MODES } = await import(built);

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    requests: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '20' },
    modes: { type: 'string' },
    'no-prism': { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const concurrency = Number(values.concurrency);
/** @type {import('../src/index.js').MockMode[]} */
const modes = /** @type {any} */ (values.modes?.split(',') ?? MOCK_MODES);
/** @param {string} _mode */
const requestsFor = (_mode) => Number(values.requests);

/** @param {number[]} numbers */
const median = (numbers) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

const rows = [];
for (const mode of modes) {
  const startups = [];
  const loads = [];
  for (let run = 0; run < runs; run++) {
    const launched = performance.now();
    // Launch to first 200: the start, then one real request answered.
    const mock = await startMockServer({ port: 0, mode, seed: 1, prism: !values['no-prism'] });
    const first = await fetch(`${mock.url}${operations[0]?.path}`, {
      headers: { apiKey: 'measure', 'x-connection-id': 'measure' },
    });
    await first.arrayBuffer();
    if (first.status !== 200) throw new Error(`first request: status ${first.status}`);
    startups.push(performance.now() - launched);
    try {
      const worker = new Worker(new URL(import.meta.url), {
        workerData: { url: mock.url, total: requestsFor(mode), concurrency },
      });
      const [result] = await once(worker, 'message');
      loads.push(result);
    } finally {
      await mock.stop();
    }
  }
  rows.push({
    mode,
    startupMs: median(startups),
    rps: median(loads.map((l) => l.rps)),
    p50: median(loads.map((l) => l.p50)),
    p99: median(loads.map((l) => l.p99)),
    errors: loads.reduce((sum, l) => sum + l.errors, 0),
    kinds: loads.map((l) => l.kinds).filter((k) => Object.keys(k).length > 0),
    requests: requestsFor(mode),
  });
}

console.log(
  `Node ${process.version}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB; ` +
    `median of ${runs} runs; ${concurrency} concurrent keep-alive connections, the routes alternating`,
);
console.log(
  '| mode | startup (launch to first 200) | requests/s | p50 | p99 | requests per run | errors |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  console.log(
    `| ${r.mode} | ${Math.round(r.startupMs)} ms | ${Math.round(r.rps)} | ${r.p50.toFixed(1)} ms | ${r.p99.toFixed(1)} ms | ${r.requests} | ${r.errors} |`,
  );
}
for (const r of rows) {
  if (r.errors > 0) console.log(`${r.mode} errors: ${JSON.stringify(r.kinds)}`);
}

// In-process, dataset mode: the same core as a `fetch` (createMockFetch) and behind MSW's
// interception of the platform fetch (createHandlers + msw/node), `concurrency` requests in flight.
const { createHandlers, createMockFetch } = await import(
  new URL('../dist/msw.js', import.meta.url).href
);
const { setupServer } = await import('msw/node');
const { defaultBaseUrl } = await import('@ofauth-mass-messages/spec/operations');

/**
 * @param {(url: string, init: RequestInit) => Promise<Response>} fetcher
 * @param {number} total
 */
async function inProcess(fetcher, total) {
  const headers = { apiKey: 'measure', 'x-connection-id': 'measure' };
  /** @type {number[]} */
  const latencies = [];
  let next = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const path = operations[next++ % operations.length]?.path;
        const began = performance.now();
        const response = await fetcher(`${defaultBaseUrl}${path}`, { headers });
        await response.arrayBuffer();
        if (response.status !== 200) errors++;
        latencies.push(performance.now() - began);
      }
    }),
  );
  return { ...summarise(latencies, total, started), errors };
}

const total = Number(values.requests);
const mockFetch = createMockFetch({ mode: 'dataset', seed: 1 });
await inProcess(mockFetch, 200); // warm: record sets built, code compiled
const direct = await inProcess(mockFetch, total);
const msw = setupServer(...createHandlers({ mode: 'dataset', seed: 1 }));
msw.listen({ onUnhandledRequest: 'error' });
await inProcess((url, init) => fetch(url, init), 200);
const intercepted = await inProcess((url, init) => fetch(url, init), total);
msw.close();
console.log('');
console.log('| in-process, dataset mode | requests/s | p50 | p99 | requests | errors |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const { label, r } of [
  { label: 'createMockFetch', r: direct },
  { label: 'MSW handlers (msw/node, platform fetch)', r: intercepted },
]) {
  console.log(
    `| ${label} | ${Math.round(r.rps)} | ${r.p50.toFixed(2)} ms | ${r.p99.toFixed(2)} ms | ${total} | ${r.errors} |`,
  );
}
