// (2) The mock: launch to first 200 and a bounded autocannon load for each mode, with Prism's gate
// (the default: every answer checked, each distinct one once) and without (`--no-prism`), each
// beside a plain node:http server answering the very same body (the upper bound on this machine);
// then the per-request cost of every way to mock (MSW handlers and createMockFetch in-process, the
// server, the plain server).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MockServer } from '@ofauth-mass-messages/mock-server';
import { MOCK_MODES, type MockMode } from '@ofauth-mass-messages/mocks';
import { bytes, count, markdownTable, ms, spread, wholeMs } from '../format.js';
import { LOAD_HEADERS, LOAD_PATH, type LoadResult, launchMock, loadTest } from '../mock-load.mjs';
import { type PlainServer, startPlainServer } from '../servers/plain.js';
import { repeat, summarise } from '../stats.js';
import { atLeast, atMost, type Suite, type SuiteResult, type TargetCheck } from '../suite.js';
import { measurePerRequest, plainPerRequest } from './per-request.js';

const RUNS = 3;
// Bounded: the whole of `pnpm bench` must fit in 5 minutes. The plain server needs less time to
// give a steady figure: it answers tens of thousands of requests a second.
const MOCK_LOAD = { connections: 10, seconds: 3 };
const PLAIN_LOAD = { connections: 10, seconds: 1 };
/** Discarded first second of load: the first requests run cold code. */
const WARM_UP = { connections: 10, seconds: 1 };
/** Issue 14: dataset mode served 672 req/s (p99 29 ms) before; keep it at least there. */
const DATASET_FLOOR_RPS = 672;
/** Issue 21: with Prism in its role, dataset mode serves at least this. */
const DATASET_PRISM_RPS = 2000;
/** Issue 14: every mode started in about 1.2 s before; no worse than that. */
const STARTUP_BEFORE_MS = 1200;

const reqs = (n: number) => `${count(n)} req/s`;

interface Row {
  server: string;
  startup: number[];
  loads: LoadResult[];
  bodyBytes: number;
}

async function firstBody(url: string): Promise<string> {
  const response = await fetch(`${url}${LOAD_PATH}`, { headers: LOAD_HEADERS });
  const body = await response.text();
  if (response.status !== 200)
    throw new Error(`GET ${LOAD_PATH} answered ${response.status}: ${body.slice(0, 300)}`);
  return body;
}

/** RUNS launches timed to their first 200; the last one stays up and takes RUNS loads. */
async function measureMode(mode: MockMode, prism: boolean): Promise<{ row: Row; body: string }> {
  const startup: number[] = [];
  let server: MockServer | undefined;
  try {
    for (let run = 0; run < RUNS; run++) {
      await server?.stop();
      const launched = await launchMock(mode, { prism });
      server = launched.server;
      startup.push(launched.startupMs);
    }
    const { url } = server as MockServer;
    const body = await firstBody(url);
    await loadTest(url, WARM_UP);
    const loads = await repeat(RUNS, () => loadTest(url, MOCK_LOAD));
    return {
      row: {
        server: `mock, ${mode} mode, ${prism ? 'Prism’s gate' : '`--no-prism`'}`,
        startup,
        loads,
        bodyBytes: Buffer.byteLength(body),
      },
      body,
    };
  } finally {
    await server?.stop();
  }
}

/** The same for a plain server answering `body`: its launch includes a first GET. */
async function measurePlain(mode: MockMode, body: string, dir: string): Promise<Row> {
  const bodyFile = join(dir, `${mode}.json`);
  writeFileSync(bodyFile, body);
  const startup: number[] = [];
  let server: PlainServer | undefined;
  try {
    for (let run = 0; run < RUNS; run++) {
      await server?.stop();
      const started = performance.now();
      server = await startPlainServer({ bodyFile });
      await firstBody(server.url);
      startup.push(performance.now() - started);
    }
    const { url } = server as PlainServer;
    await loadTest(url, WARM_UP);
    const loads = await repeat(RUNS, () => loadTest(url, PLAIN_LOAD));
    return {
      server: `plain node:http, ${mode}’s body`,
      startup,
      loads,
      bodyBytes: Buffer.byteLength(body),
    };
  } finally {
    await server?.stop();
  }
}

function failures(row: Row): string {
  const total = row.loads.reduce((sum, load) => sum + load.failures, 0);
  const requests = row.loads.reduce((sum, load) => sum + load.requests, 0);
  return `${count(total)} of ${count(requests)}`;
}

export const mockSuite: Suite = {
  name: 'mock',
  async run(): Promise<SuiteResult> {
    const dir = mkdtempSync(join(tmpdir(), 'bench-mock-'));
    const rows: Row[] = [];
    const perRequestRows: Awaited<ReturnType<typeof plainPerRequest>>[] = [];
    const targets: TargetCheck[] = [];
    try {
      for (const mode of MOCK_MODES) {
        const { row, body } = await measureMode(mode, true);
        const { row: bare } = await measureMode(mode, false);
        rows.push(row, bare, await measurePlain(mode, body, dir));
        const startup = summarise(row.startup).median;
        targets.push(
          atMost(`${mode} mode starts no slower than before (1.2 s)`, startup, STARTUP_BEFORE_MS, {
            show: ms,
          }),
        );
        if (mode === 'dataset') {
          targets.push(
            atLeast(
              `dataset mode at least ${count(DATASET_PRISM_RPS)} req/s with Prism’s gate (issue 21)`,
              summarise(row.loads.map((l) => l.rps)).median,
              DATASET_PRISM_RPS,
              { show: reqs },
            ),
            atLeast(
              `dataset mode at least ${DATASET_FLOOR_RPS} req/s (\`--no-prism\`)`,
              summarise(bare.loads.map((l) => l.rps)).median,
              DATASET_FLOOR_RPS,
              { show: reqs },
            ),
          );
        }
      }
      const perRequest = await measurePerRequest();
      const bodyFile = join(dir, 'per-request.json');
      writeFileSync(bodyFile, perRequest.body);
      perRequestRows.push(...perRequest.rows, await plainPerRequest(bodyFile));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const table = markdownTable(
      ['server', 'launch → first 200', 'req/s', 'p50', 'p99', 'body', 'non-2xx/errors'],
      rows.map((row) => [
        row.server,
        spread(summarise(row.startup), ms),
        spread(summarise(row.loads.map((l) => l.rps)), count),
        spread(summarise(row.loads.map((l) => l.p50)), wholeMs),
        spread(summarise(row.loads.map((l) => l.p99)), wholeMs),
        bytes(row.bodyBytes),
        failures(row),
      ]),
    );
    const how = [
      `Each figure: median (min–max) of ${RUNS} runs. Start-up: ${RUNS} launches, each timed to its first 200. ` +
        `Load: on the last launch, ${WARM_UP.seconds} s to warm up (discarded), then ${RUNS} autocannon runs of ` +
        `${MOCK_LOAD.seconds} s (plain server: ${PLAIN_LOAD.seconds} s) at ${MOCK_LOAD.connections} connections on 127.0.0.1: ` +
        `\`GET ${LOAD_PATH}\` with both security headers. Latencies are autocannon’s, in whole milliseconds.`,
      'Measured with `startMockServer({ mode, seed: 1, prism, port: 0 })` (timed to the first 200 of a real route) ' +
        'and `autocannon`; the plain server is `bench/src/servers/plain-server.mjs` serving the bytes the mock sent first.',
    ].join(' ');
    const perRequestTable = markdownTable(
      [`way to mock (dataset mode, \`GET ${LOAD_PATH}\`)`, 'per request', 'what it means for you'],
      perRequestRows.map((row) => [
        row.way,
        spread(row.ms, ms),
        row.way.startsWith('MSW')
          ? 'a component or browser test on MSW: what each mocked call costs'
          : row.way.startsWith('`createMockFetch`')
            ? 'the client in a unit test, handed the mock as its fetch'
            : row.way.startsWith('plain')
              ? 'the floor: any HTTP mock on this machine pays at least this'
              : 'an app or test talking to `pnpm mock` over HTTP',
      ]),
    );
    const perRequestHow =
      'One request at a time, 50 untimed, then three batches of 200 timed (median and range of the batch means). ' +
      'In-process rows call `createMockFetch(...)` and the platform `fetch` under msw/node `setupServer(...createHandlers())`.';
    return {
      block: 'mock',
      markdown: `${table}\n\n${how}\n\n${perRequestTable}\n\n${perRequestHow}`,
      targets,
    };
  },
};
