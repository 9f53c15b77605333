// The task graph, as turbo resolves it: each second-tier suite waits for what it reads.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dryRun, waitsOn } from '../scripts/turbo.mjs';
import { publicPackages } from '../scripts/workspace.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const PROOF = '@ofauth-mass-messages/pipeline-proof#test:e2e';

describe('the task graph', () => {
  it('the packed-consumer check waits for the build of every public package it packs', () => {
    const tasks = dryRun(root, ['test:e2e', '--filter=@ofauth-mass-messages/pipeline-proof']);
    const waited = waitsOn(tasks, PROOF);
    const built = publicPackages(root)
      .filter(({ manifest }) => manifest.scripts?.build)
      .map(({ manifest }) => `${manifest.name}#build`);
    expect(built.length).toBeGreaterThan(0);
    expect(built.filter((task) => !waited.has(task))).toEqual([]);
  });
});
