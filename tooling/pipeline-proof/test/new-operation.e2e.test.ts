// The promise for operations, proven on a scratch copy: adding a third paged GET operation (and
// a new enum value) is an edit of openapi.yaml and nothing else. The client gets a typed method
// that a consumer awaits and iterates to the end against the mock in every mode, the contract
// suite checks the new operation and passes, the reference page lists it, and git sees one
// edited file. Removing an operation fails the type check where it is used.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, pnpmCommand, run } from '../src/run.js';
import { ScratchRepo } from '../src/scratch-repo.js';
import {
  addPagedOperation,
  NEW_OPERATION,
  newOperationProbe,
  removePurchasedOperation,
} from '../src/spec-edits.js';

const SPEC = 'packages/spec/openapi.yaml';
// Outside src/ and test/, so the package's own typecheck never sees it; checked on its own.
const PROBE = 'tooling/pipeline-proof/new-operation-probe.mjs';

let repo: ScratchRepo;

beforeAll(async () => {
  repo = await ScratchRepo.create();
  repo.write(SPEC, addPagedOperation(repo.read(SPEC)));
});

afterAll(() => {
  repo?.remove();
});

/** `pnpm exec <command>` inside a package of the scratch copy. */
async function exec(packageDir: string, args: string[]) {
  const pnpm = pnpmCommand();
  return run(pnpm.command, [...pnpm.prefix, 'exec', ...args], {
    cwd: join(repo.dir, packageDir),
    env: cleanEnv(),
    timeoutMs: 600_000,
  });
}

describe(`a spec edit that adds ${NEW_OPERATION.operationId} reaches every package`, () => {
  it('builds, type-checks and passes the contract suite, which checks the new operation', async () => {
    const build = await repo.turbo(['build', 'typecheck', 'docs']);
    expect(build.code, build.output).toBe(0);

    const contract = await repo.turbo([
      'test',
      '--filter=@ofauth-mass-messages/contract-tests',
      '--output-logs=full',
    ]);
    expect(contract.code, contract.output).toBe(0);
    // Verbose reporter lines: `✓ test/contract/x.test.ts > contract: <target> > <op>: <check>`.
    const checks = contract.output
      // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes in the log
      .replace(/\x1b\[[0-9;]*m/g, '')
      .split('\n')
      .filter((line) => line.includes(`> ${NEW_OPERATION.operationId}`) && /✓/.test(line));
    const perSuite = new Map<string, number>();
    for (const line of checks) {
      const suite = line.match(/> ([^>]+) > /)?.[1]?.trim() ?? '?';
      perSuite.set(suite, (perSuite.get(suite) ?? 0) + 1);
    }
    const suites = [...perSuite.keys()];
    for (const target of ['mock server', 'MSW handlers', 'proxy']) {
      expect(
        suites.some((suite) => suite.includes(target)),
        `no ${target} checks`,
      ).toBe(true);
    }
    console.log(`contract checks of ${NEW_OPERATION.operationId} passed: ${checks.length}`);
    console.log([...perSuite].map(([suite, n]) => `  ${n} in ${suite}`).join('\n'));
  });

  it('the reference page lists it', () => {
    const page = repo.read('packages/spec/docs/dist/index.html');
    expect(page).toContain(NEW_OPERATION.summary);
    expect(page).toContain(NEW_OPERATION.path);
    console.log(`reference page lists "${NEW_OPERATION.summary}" (${NEW_OPERATION.path})`);
  });

  it('git sees one edited file: openapi.yaml', () => {
    const status = repo.git(['status', '--porcelain']).trimEnd();
    expect(status.split('\n')).toEqual([` M ${SPEC}`]);
    console.log(`git status --porcelain:\n${status}`);
  });

  it('a consumer calls its typed method and iterates it to the end in every mock mode', async () => {
    writeFileSync(join(repo.dir, PROBE), newOperationProbe);
    const checked = await exec('tooling/pipeline-proof', [
      'tsc',
      '--noEmit',
      '--allowJs',
      '--checkJs',
      '--strict',
      '--skipLibCheck',
      '--target',
      'es2022',
      '--module',
      'nodenext',
      '--moduleResolution',
      'nodenext',
      'new-operation-probe.mjs',
    ]);
    expect(checked.code, checked.output).toBe(0);
    const ran = await run(process.execPath, [PROBE], { cwd: repo.dir, timeoutMs: 300_000 });
    expect(ran.code, ran.output).toBe(0);
    const results = JSON.parse(ran.output.trim().split('\n').pop() as string) as Record<
      string,
      { items: number; requests: number; firstPage: number }
    >;
    expect(Object.keys(results).length).toBeGreaterThanOrEqual(3);
    for (const [mode, result] of Object.entries(results)) {
      expect(result.items, mode).toBeGreaterThan(0);
      expect(result.requests, mode).toBeGreaterThan(0);
    }
    console.log(`probe of ${NEW_OPERATION.operationId}: ${JSON.stringify(results)}`);
  });

  it('removing an operation fails the type check where it is used', async () => {
    repo.write(SPEC, removePurchasedOperation(repo.read(SPEC)));
    const broken = await repo.turbo(['typecheck', '--continue']);
    expect(broken.code).not.toBe(0);
    expect(broken.output).toMatch(/listPurchasedMassMessages/);
    const failed = broken.output.match(/Failed:\s+(.*)/)?.[1] ?? '';
    console.log(`after removing listPurchasedMassMessages, typecheck failed in ${failed}`);
    expect(failed).not.toBe('');
  });
});
