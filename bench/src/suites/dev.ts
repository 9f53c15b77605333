// (6) `pnpm dev`: how long after saving openapi.yaml the client's regenerated types and the mock
// serving the change are there, timed in a scratch copy (pipeline-proof's ScratchRepo) with the
// same dev processes `pnpm dev` runs (`turbo run dev`: the spec's, the client's and the mock
// server's dev scripts), each started by this suite and stopped by its own handle. The save is a real
// edit (a new optional field with a per-run example value), so nothing can be served stale.
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { cleanEnv, pnpmCommand } from '@ofauth-mass-messages/pipeline-proof/src/run.js';
import { ScratchRepo } from '@ofauth-mass-messages/pipeline-proof/src/scratch-repo.js';
import { addOptionalFieldAndEnumValue } from '@ofauth-mass-messages/pipeline-proof/src/spec-edits.js';
import { markdownTable, ms, spread } from '../format.js';
import { repeat, summarise } from '../stats.js';
import { atMost, type Suite, type SuiteResult } from '../suite.js';

const RUNS = 5;
const SPEC = 'packages/spec/openapi.yaml';
const CLIENT_DIST = 'packages/client/dist';
const EXAMPLE_VALUE = 'Black Friday 2026';
const PURCHASED = '/v2/access/analytics/mass-messages/purchased';
const TARGET_MS = 3_000;
const GIVE_UP_MS = 60_000;

/** A dev process of the scratch copy, its output kept, ended by its own handle (its group). */
function startDev(
  repo: ScratchRepo,
  dir: string,
  args: string[],
): { child: ChildProcess; log: () => string } {
  const pnpm = pnpmCommand();
  const child = spawn(pnpm.command, [...pnpm.prefix, ...args], {
    cwd: join(repo.dir, dir),
    env: cleanEnv({ FORCE_COLOR: '0' }),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  return { child, log: () => output };
}

/** A port free on 127.0.0.1 right now (the mock's watch mode restarts on one fixed port). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function stop(child: ChildProcess): void {
  if (child.pid !== undefined && child.exitCode === null) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
}

/** Resolves with the time `check` first holds, polled every 20 ms; rejects after GIVE_UP_MS. */
async function until(what: string, check: () => Promise<boolean> | boolean, logs: () => string) {
  const started = performance.now();
  while (performance.now() - started < GIVE_UP_MS) {
    if (await check()) return performance.now();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(
    `pnpm dev: ${what} did not happen within ${GIVE_UP_MS} ms\n${logs().slice(-3000)}`,
  );
}

/** Every .d.ts under the client's dist, read as one text: what a consumer's editor sees. */
function clientDeclarations(repo: ScratchRepo): string {
  const root = join(repo.dir, CLIENT_DIST);
  const texts: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.d.ts')) texts.push(readFileSync(path, 'utf8'));
    }
  };
  walk(root);
  return texts.join('\n');
}

async function served(url: string, value: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}${PURCHASED}`, {
      headers: {
        apiKey: 'bench-key',
        'x-connection-id': 'conn_bench',
        Prefer: 'example=firstPage',
      },
    });
    return response.ok && (await response.text()).includes(value);
  } catch {
    return false;
  }
}

export const devSuite: Suite = {
  name: 'dev',
  async run(): Promise<SuiteResult> {
    const repo = await ScratchRepo.create();
    const processes: ChildProcess[] = [];
    try {
      const built = await repo.turbo(['build']);
      if (built.code !== 0)
        throw new Error(`build in the scratch copy failed:\n${built.output.slice(-3000)}`);
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      // What each package's `dev` script runs (the mock on a free port instead of 4010).
      const pnpm = pnpmCommand();
      const spec = startDev(repo, 'packages/spec', [pnpm.command, ...pnpm.prefix, 'run', 'dev']);
      const client = startDev(repo, 'packages/client', [
        pnpm.command,
        ...pnpm.prefix,
        'run',
        'dev',
      ]);
      const mock = startDev(repo, 'packages/mock-server', [
        process.execPath,
        'bin/ofauth-mock.js',
        '--watch',
        '--quiet',
        '--port',
        String(port),
      ]);
      processes.push(spec.child, client.child, mock.child);
      const logs = () =>
        `--- spec\n${spec.log()}\n--- client\n${client.log()}\n--- mock-server\n${mock.log()}`;
      await until('the mock answering', () => served(url, ''), logs);
      await until('the spec watcher starting', () => spec.log().includes('watching'), logs);
      // The client's watcher is ready once it has compiled once.
      await until('the client watcher starting', () => clientDeclarations(repo).length > 0, logs);
      await new Promise((resolve) => setTimeout(resolve, 2_000));

      const original = repo.read(SPEC);
      const runs = await repeat(RUNS, async (i) => {
        const value = `Campaign ${i} ${Date.now()}`;
        const edited = addOptionalFieldAndEnumValue(original)
          .replace('The campaign the message belonged to.', `Campaign field, bench save ${value}.`)
          .replace(EXAMPLE_VALUE, value);
        if (!edited.includes(value))
          throw new Error('the bench edit did not change the example value');
        const saved = performance.now();
        repo.write(SPEC, edited);
        const [types, mockServes] = await Promise.all([
          until('the client types', () => clientDeclarations(repo).includes(value), logs),
          until('the mock serving the change', () => served(url, value), logs),
        ]);
        const result = { typesMs: types - saved, mockMs: mockServes - saved };
        // Back to the original, and let every watcher settle before the next save.
        repo.write(SPEC, original);
        await until(
          'the mock serving the original again',
          async () => !(await served(url, value)),
          logs,
        );
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        return result;
      });
      const types = summarise(runs.map((r) => r.typesMs));
      const mockMs = summarise(runs.map((r) => r.mockMs));
      const both = summarise(runs.map((r) => Math.max(r.typesMs, r.mockMs)));
      const table = markdownTable(
        ['figure', 'median (min–max)', 'runs', 'measured as', 'what it means for you'],
        [
          [
            'save → client types',
            spread(types, ms),
            String(types.runs),
            `write \`${SPEC}\`, poll \`${CLIENT_DIST}/**/*.d.ts\` for the edit every 20 ms`,
            'how long after saving the spec your editor sees the new types',
          ],
          [
            'save → mock serves it',
            spread(mockMs, ms),
            String(mockMs.runs),
            `same save; poll \`GET ${PURCHASED}\` (firstPage) for the new example value`,
            'how long after saving the spec the running mock answers with the change',
          ],
          [
            'save → both',
            spread(both, ms),
            String(both.runs),
            'the later of the two, per save',
            'the whole dev loop',
          ],
        ],
      );
      return {
        block: 'dev',
        markdown: table,
        targets: [
          atMost(
            '`pnpm dev`: a spec save reaches the client types and the mock in under 3 s',
            both.median,
            TARGET_MS,
            { show: ms },
          ),
        ],
      };
    } finally {
      for (const child of processes) stop(child);
      repo.remove();
    }
  },
};
