// (2) The mock: launch to first 200 and a bounded autocannon load for each mode, each beside a
// plain node:http server answering the very same body (the upper bound on this machine).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MockMode, MockServer } from '@ofauth-mass-messages/mocks';
import { bytes, count, markdownTable, ms, spread, wholeMs } from '../format.js';
import { LOAD_HEADERS, LOAD_PATH, type LoadResult, launchMock, loadTest } from '../mock-load.mjs';
import { type PlainServer, startPlainServer } from '../servers/plain.js';
import { repeat, summarise } from '../stats.js';
import { atLeast, atMost, type Suite, type SuiteResult, type TargetCheck } from '../suite.js';

const RUNS = 3;
// Bounded: the whole of `pnpm bench` must fit in 5 minutes. The plain server needs less time to
// give a steady figure: it answers tens of thousands of requests a second.
const MOCK_LOAD = { connections: 10, seconds: 3 };
const PLAIN_LOAD = { connections: 10, seconds: 1 };
/** Discarded first second of load: Prism's first requests run cold code. */
const WARM_UP = { connections: 10, seconds: 1 };
const MODES: MockMode[] = ['examples', 'dynamic', 'dataset'];
/** The planning figure for Prism's unbounded dynamic mode, the base of its 3x target. */
const UNBOUNDED_DYNAMIC_RPS = 35;

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
async function measureMode(mode: MockMode): Promise<{ row: Row; body: string }> {
  const startup: number[] = [];
  let server: MockServer | undefined;
  try {
    for (let run = 0; run < RUNS; run++) {
      await server?.stop();
      const launched = await launchMock(mode);
      server = launched.server;
      startup.push(launched.startupMs);
    }
    const { url } = server as MockServer;
    const body = await firstBody(url);
    await loadTest(url, WARM_UP);
    const loads = await repeat(RUNS, () => loadTest(url, MOCK_LOAD));
    return {
      row: { server: `mock, ${mode} mode`, startup, loads, bodyBytes: Buffer.byteLength(body) },
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
    const targets: TargetCheck[] = [];
    try {
      for (const mode of MODES) {
        const { row, body } = await measureMode(mode);
        rows.push(row, await measurePlain(mode, body, dir));
        const rps = summarise(row.loads.map((l) => l.rps)).median;
        const p99 = summarise(row.loads.map((l) => l.p99)).median;
        const startup = summarise(row.startup).median;
        if (mode === 'dynamic') {
          targets.push(
            atLeast(
              `dynamic mode at least 3x the unbounded ${UNBOUNDED_DYNAMIC_RPS} req/s`,
              rps,
              3 * UNBOUNDED_DYNAMIC_RPS,
              { show: reqs },
            ),
          );
        } else {
          targets.push(atLeast(`${mode} mode at least 1,000 req/s`, rps, 1000, { show: reqs }));
          targets.push(atMost(`${mode} mode p99 under 50 ms`, p99, 50, { show: wholeMs }));
        }
        targets.push(atMost(`${mode} mode starts in under 3 s`, startup, 3000, { show: ms }));
      }
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
      'Measured with `startMockServer({ mode, seed: 1, port: 0 })` (it resolves on the first 200 of a real route) ' +
        'and `autocannon`; the plain server is `bench/src/servers/plain-server.mjs` serving the bytes the mock sent first.',
    ].join(' ');
    return { block: 'mock', markdown: `${table}\n\n${how}`, targets };
  },
};
