// The promise, proven on a scratch copy of the workspace: a build is cached, a README edit
// rebuilds nothing, a spec edit re-runs every dependent task and shows up in the generated types,
// the client's exported types and the mock's responses, and a breaking spec edit fails the
// build, naming the operation. Cache statuses are read from turbo's run summaries, not inferred.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_DIR } from '../src/probes.js';
import { ScratchRepo, tasksWith } from '../src/scratch-repo.js';
import {
  addOptionalFieldAndEnumValue,
  clientTypesProbe,
  retypeHasMore,
} from '../src/spec-edits.js';

const SPEC = 'packages/spec/openapi.yaml';
const PROBE = 'tooling/pipeline-proof/src/probe.ts';
const TASKS = ['build', 'typecheck'];
// Every task downstream of the spec that must re-run when it changes.
const DOWNSTREAM = [
  '@ofauth-mass-messages/spec#build',
  '@ofauth-mass-messages/client#generate',
  '@ofauth-mass-messages/client#build',
  '@ofauth-mass-messages/client#typecheck',
  '@ofauth-mass-messages/mocks#build',
  '@ofauth-mass-messages/mocks#typecheck',
  '@ofauth-mass-messages/mock-server#build',
  '@ofauth-mass-messages/mock-server#typecheck',
  '@ofauth-mass-messages/contract-tests#typecheck',
];

let repo: ScratchRepo;

beforeAll(async () => {
  repo = await ScratchRepo.create();
});

afterAll(() => {
  repo?.remove();
});

describe('the turbo pipeline regenerates everything from the spec', () => {
  it('(1) a cold build runs every task', async () => {
    const cold = await repo.turbo(TASKS);
    expect(cold.code, cold.output).toBe(0);
    expect(tasksWith(cold, 'HIT')).toEqual([]);
    expect(tasksWith(cold, 'MISS')).toEqual(expect.arrayContaining(DOWNSTREAM));
    console.log(`cold build: ${cold.tasks.length} tasks run, 0 cached`);
  });

  it('(2) the same build again is all cache hits', async () => {
    const warm = await repo.turbo(TASKS);
    expect(warm.code, warm.output).toBe(0);
    expect(tasksWith(warm, 'MISS')).toEqual([]);
    console.log(`second build: ${tasksWith(warm, 'HIT').length} of ${warm.tasks.length} cached`);
  });

  it('editing only a package README re-runs nothing', async () => {
    repo.write(
      'packages/client/README.md',
      `${repo.read('packages/client/README.md')}\nA new line.\n`,
    );
    repo.commit('README only');
    const after = await repo.turbo(TASKS);
    expect(after.code, after.output).toBe(0);
    expect(tasksWith(after, 'MISS')).toEqual([]);
  });

  it('(3) a spec edit re-runs every dependent task and reaches types, client and mock', async () => {
    // Before the edit, a consumer of the new field does not compile: the probe can fail.
    repo.write(PROBE, clientTypesProbe);
    const before = await repo.turbo(['typecheck', '--filter=@ofauth-mass-messages/pipeline-proof']);
    expect(before.code).not.toBe(0);
    expect(before.output).toMatch(/campaignName|sticker/);

    repo.write(SPEC, addOptionalFieldAndEnumValue(repo.read(SPEC)));
    repo.commit('spec: campaignName and sticker');
    const changed = await repo.turbo(TASKS);
    expect(changed.code, changed.output).toBe(0);
    expect(tasksWith(changed, 'MISS')).toEqual(expect.arrayContaining(DOWNSTREAM));
    expect(tasksWith(changed, 'MISS')).toContain('@ofauth-mass-messages/pipeline-proof#typecheck');
    console.log(`after the spec edit re-ran: ${tasksWith(changed, 'MISS').join(', ')}`);
    console.log(`still cached: ${tasksWith(changed, 'HIT').join(', ') || '(none)'}`);

    // The generated types carry the new field and enum value.
    const generated = repo.read('packages/client/src/generated/schema.ts');
    expect(generated).toMatch(/campaignName\?: string/);
    expect(generated).toContain('"sticker"');

    // The tests of every downstream package would re-run too (dry run: hashes changed).
    const tests = await repo.turbo(['test'], { dry: true });
    const testsToRun = tasksWith(tests, 'MISS');
    for (const pkg of ['spec', 'client', 'mocks', 'mock-server', 'contract-tests']) {
      expect(testsToRun).toContain(`@ofauth-mass-messages/${pkg}#test`);
    }

    // The mock, built from the edited spec, serves the new field (the copy's own mock server,
    // through the one module that names its package).
    const { startMockServer } = (await import(
      pathToFileURL(join(repo.dir, PACKAGE_DIR, 'probe/mock-server.mjs')).href
    )) as typeof import('../probe/mock-server.mjs');
    const mock = await startMockServer({ port: 0 });
    try {
      const res = await fetch(`${mock.url}/v2/access/analytics/mass-messages/purchased`, {
        headers: {
          apiKey: 'proof-key',
          'x-connection-id': 'conn_proof',
          Prefer: 'example=firstPage',
        },
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { items: Array<{ campaignName?: string }> };
      expect(body.items[0]?.campaignName).toBe('Black Friday 2026');
    } finally {
      await mock.stop();
    }
  });

  it('(4) a breaking spec edit fails the build, naming the operation', async () => {
    // hasMore made a string: the list page is no longer a page the toolkit can serve, so the
    // spec's build refuses it by name before any downstream package compiles against it.
    repo.write(SPEC, retypeHasMore(repo.read(SPEC)));
    repo.commit('spec: hasMore made a string');
    const broken = await repo.turbo(['typecheck', '--continue']);
    expect(broken.code).not.toBe(0);
    expect(broken.output).toMatch(
      /listMassMessages \(GET \/v2\/access\/mass-messages\): its 200 body has "hasMore" but is not a page/,
    );
    const failed = broken.output.match(/Failed:\s+(.*)/)?.[1] ?? '';
    console.log(`breaking edit: failed in ${failed}`);
    expect(failed).toContain('@ofauth-mass-messages/spec#build');
  });
});
