// The runtime matrix: the proxy and the client in Deno, Bun, workerd, a Next.js route handler and
// a Hono app, each through the proxy to the mock (behind a relay that records what reached "the
// API"). Each runtime runs the same cases (src/cases.ts); then a browser leaves mid-call, by a
// close and by a reset. The run prints the results table and writes it into README.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createClient } from '@ofauth-mass-messages/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppConfig, STALL_CONNECTION } from '../src/app.ts';
import {
  BROWSER_CONNECTION,
  BROWSER_KEY,
  CASES,
  type CaseResult,
  type CasesConfig,
  runCases,
} from '../src/cases.ts';
import { type Leave, leaveMidCall } from '../src/node/disconnect.ts';
import { type MockServer, startMockServer } from '../src/node/mock.ts';
import { buildNextApp, serveInNext } from '../src/node/next.ts';
import { type Relay, startRelay } from '../src/node/relay.ts';
import { type Served, spawnListening } from '../src/node/spawn.ts';
import { serveInWorkerd } from '../src/node/workerd.ts';
import { matrixHonoApp } from '../src/runtimes/hono.ts';
import { formatTable, type Row, replaceSection } from '../src/table.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const require = createRequire(import.meta.url);
const SERVER_KEY = 'sk_matrix_SERVER-ONLY-KEY';
/** The proxy's deadline: a call the browser left is held at most this long. */
const TIMEOUT_MS = 3_000;
/** Past this, a call the browser left was not cancelled but timed out. */
const CANCELLED_WITHIN_MS = 1_500;

const LEAVES: { name: string; leave: Leave }[] = [
  { name: 'browser leaves (close)', leave: 'close' },
  { name: 'browser leaves (reset)', leave: 'reset' },
];
const COLUMNS = [...CASES, ...LEAVES.map(({ name }) => name)];

interface Runtime {
  name: string;
  /** Serves the proxy; `inRuntime`: it also runs the cases itself, at `/__matrix`. */
  start(config: AppConfig): Promise<Served>;
  inRuntime: boolean;
  /** How it is expected to see a browser leave (workerd cannot see a close: README). */
  cancels: Record<Leave, boolean>;
}

const denoBinary = () => (require('deno/install_api.cjs') as { runInstall(): string }).runInstall();
const bunBinary = () => join(dirname(require.resolve('bun/package.json')), 'bin', 'bun.exe');
const processEnv = (config: AppConfig) => ({
  ...process.env,
  MATRIX_CONFIG: JSON.stringify(config),
  NO_COLOR: '1',
  DENO_NO_UPDATE_CHECK: '1',
  DO_NOT_TRACK: '1',
});

const RUNTIMES: Runtime[] = [
  {
    name: 'Deno',
    inRuntime: true,
    cancels: { close: true, reset: true },
    start: (config) =>
      spawnListening(
        denoBinary(),
        [
          'run',
          '--no-lock',
          '--no-prompt',
          '--allow-net=127.0.0.1',
          '--allow-env',
          '--allow-read',
          'src/runtimes/deno.ts',
        ],
        { cwd: root, env: processEnv(config) },
      ).then((served) => ({ ...served, version: `Deno ${served.version}` })),
  },
  {
    name: 'Bun',
    inRuntime: true,
    cancels: { close: true, reset: true },
    start: (config) =>
      spawnListening(bunBinary(), ['run', 'src/runtimes/bun.ts'], {
        cwd: root,
        env: processEnv(config),
      }).then((served) => ({ ...served, version: `Bun ${served.version}` })),
  },
  {
    name: 'workerd',
    inRuntime: true,
    cancels: { close: false, reset: true },
    start: serveInWorkerd,
  },
  {
    name: 'Next.js route handler',
    inRuntime: false,
    cancels: { close: true, reset: true },
    start: async (config) => {
      const served = await serveInNext(config);
      return {
        ...served,
        version: `${served.version} on Node ${process.versions.node.split('.')[0]}`,
      };
    },
  },
  {
    name: 'Hono app',
    inRuntime: false,
    cancels: { close: true, reset: true },
    start: async (config) => {
      const app = matrixHonoApp(config);
      const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
        const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () =>
          resolve(started),
        );
      });
      const { port } = server.address() as AddressInfo;
      // hono's exports do not list its package.json: read from its folder.
      const hono = JSON.parse(readFileSync(join(root, 'node_modules/hono/package.json'), 'utf8'))
        .version as string;
      return {
        url: `http://127.0.0.1:${port}`,
        version: `Hono ${hono} on Node ${process.versions.node.split('.')[0]} (@hono/node-server)`,
        stop: () =>
          new Promise<void>((resolve) => {
            if ('closeAllConnections' in server) server.closeAllConnections();
            server.close(() => resolve());
          }),
      };
    },
  },
];

let mock: MockServer;
let relay: Relay;
let totals: CasesConfig['totals'];
const rows: Row[] = [];
const started = Date.now();

beforeAll(async () => {
  // The Next.js build is the slow step: it runs while the mock starts.
  const building = buildNextApp();
  mock = await startMockServer({ port: 0, mode: 'dataset' });
  relay = await startRelay(mock.url, STALL_CONNECTION);
  // What paging must reach: each list read to its end straight from the mock.
  const direct = createClient({
    apiKey: SERVER_KEY,
    connectionId: 'conn_truth',
    baseUrl: mock.url,
  });
  let sent = 0;
  for await (const _ of direct.listMassMessages({ type: 'sent' })) sent++;
  let purchased = 0;
  for await (const _ of direct.listPurchasedMassMessages()) purchased++;
  totals = { listMassMessages: sent, listPurchasedMassMessages: purchased };
  await building;
});

afterAll(async () => {
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(
    `\nRuntime matrix (${seconds} s), through the proxy to the mock:\n\n${formatTable(rows, COLUMNS, true)}`,
  );
  if (rows.length === RUNTIMES.length) {
    const readme = join(root, 'README.md');
    writeFileSync(
      readme,
      replaceSection(readFileSync(readme, 'utf8'), 'matrix:results', formatTable(rows, COLUMNS)),
    );
  }
  await relay?.close();
  await mock?.stop();
});

describe.each(RUNTIMES.map((runtime) => [runtime.name, runtime] as const))(
  '%s',
  (name, runtime) => {
    const connectionId = `conn_${name.toLowerCase().replace(/\W+/g, '_')}`;
    let served: Served | undefined;
    const row: Row = { runtime: name, version: '', results: [] };

    beforeAll(async () => {
      served = await runtime.start({
        upstream: relay.url,
        apiKey: SERVER_KEY,
        connectionId,
        timeoutMs: TIMEOUT_MS,
        totals,
      });
      row.version = served.version;
      rows.push(row);
    });
    afterAll(() => served?.stop());

    it('runs every case through the proxy to the mock', async () => {
      const url = served?.url ?? '';
      const results: CaseResult[] = runtime.inRuntime
        ? ((await (await fetch(`${url}/__matrix`)).json()) as CaseResult[])
        : await runCases({ proxyUrl: `${url}/api`, totals });
      // What reached "the API" from this runtime: the server's key and this runtime's creator
      // only, never what a browser sent.
      const reached = relay.seen.filter((seen) => seen.connectionId === connectionId);
      const leaked = relay.seen.filter(
        (seen) => seen.apiKey === BROWSER_KEY || seen.connectionId === BROWSER_CONNECTION,
      );
      const key = results.find((result) => result.name === 'refused key header');
      if (key && (leaked.length > 0 || reached.some((seen) => seen.apiKey !== SERVER_KEY))) {
        key.ok = false;
        key.detail = `the API saw ${JSON.stringify(leaked[0] ?? reached[0])}`;
      }
      row.results.push(...results);

      expect(reached.length).toBeGreaterThan(0);
      expect(results.map((result) => result.name)).toEqual([...CASES]);
      expect(results.filter((result) => !result.ok)).toEqual([]);
    });

    it.each(LEAVES)(
      '$name: the upstream call ends with it, or as documented',
      async ({ name: column, leave }) => {
        const { cancelledAfterMs } = await leaveMidCall(
          served?.url ?? '',
          relay,
          leave,
          TIMEOUT_MS + 2_000,
        );
        const cancelled = cancelledAfterMs !== undefined && cancelledAfterMs < CANCELLED_WITHIN_MS;
        const detail =
          cancelledAfterMs === undefined
            ? 'still open'
            : cancelled
              ? `upstream call cancelled after ${cancelledAfterMs} ms`
              : `upstream call held ${cancelledAfterMs} ms, until timeoutMs`;
        const expected = runtime.cancels[leave];
        row.results.push({
          name: column,
          ok: cancelled === expected,
          detail,
          note: cancelled ? 'cancelled' : 'held to timeoutMs',
          ms: cancelledAfterMs ?? -1,
        });

        expect(cancelledAfterMs, detail).toBeDefined();
        expect(cancelled, detail).toBe(expected);
      },
    );
  },
);
