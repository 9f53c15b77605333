// The task graph: one turbo.json, every task's outputs declared, no test waiting on a task it
// does not read, and each second-tier suite waiting for what it reads. Read from turbo.json and,
// where turbo's resolution matters, from turbo's own dry run.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TIER_SCRIPTS } from '@ofauth-mass-messages/vitest-preset/reports';
import { describe, expect, it } from 'vitest';
import { dryRun, waitsOn } from '../scripts/turbo.mjs';
import { publicPackages, workspacePackages } from '../scripts/workspace.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
type Task = { dependsOn?: string[]; outputs?: string[]; cache?: boolean; persistent?: boolean };
const { tasks } = JSON.parse(readFileSync(`${root}turbo.json`, 'utf8')) as {
  tasks: Record<string, Task>;
};
const packages = workspacePackages(root);
const git = (args: string[]) =>
  execFileSync('git', args, { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);

describe('turbo.json', () => {
  it('is the only one: package differences are `<package>#<task>` entries in it', () => {
    expect(git(['ls-files', '-co', '--exclude-standard', '--', '*turbo.json'])).toEqual([
      'turbo.json',
    ]);
  });

  it('names only packages that exist, and tasks they have a script for', () => {
    const scripts = new Map(packages.map((p) => [p.manifest.name, p.manifest.scripts ?? {}]));
    const stale = Object.keys(tasks)
      .filter((key) => key.includes('#'))
      .filter((key) => {
        const [name = '', task = ''] = key.split('#');
        return !(task in (scripts.get(name) ?? {}));
      });
    expect(stale).toEqual([]);
  });

  it('declares the outputs of every task but the persistent ones, which are never cached', () => {
    for (const [key, task] of Object.entries(tasks)) {
      if (task.persistent) expect(task.cache, key).toBe(false);
      else expect(Array.isArray(task.outputs), `${key} declares outputs`).toBe(true);
    }
    expect(tasks.dev).toMatchObject({ persistent: true, cache: false });
  });

  it('lets no first-tier test wait on the reference page (only the browser test reads it)', () => {
    const testTasks = Object.entries(tasks).filter(
      ([key]) => key === TIER_SCRIPTS.unit || key.endsWith(`#${TIER_SCRIPTS.unit}`),
    );
    expect(testTasks.length).toBeGreaterThan(0);
    for (const [key, task] of testTasks) {
      expect(
        (task.dependsOn ?? []).filter((dep) => /(^|[#^])docs$/.test(dep)),
        key,
      ).toEqual([]);
    }
  });
});

describe('the second tier', () => {
  it('is run by a test:e2e script exactly where a package has *.e2e.test.ts files', () => {
    const withFiles = new Set(
      git(['ls-files', '-co', '--exclude-standard', '--', '*.e2e.test.ts']).map(
        (file) => packages.find(({ dir }) => file.startsWith(`${dir}/test/`))?.manifest.name,
      ),
    );
    const withScript = packages
      .filter(({ manifest }) => manifest.scripts?.[TIER_SCRIPTS.e2e])
      .map(({ manifest }) => manifest.name);
    expect(withScript.length).toBeGreaterThan(0);
    expect([...withFiles].sort()).toEqual(withScript.sort());
    for (const { manifest } of packages.filter((p) => p.manifest.scripts?.[TIER_SCRIPTS.e2e])) {
      expect(manifest.scripts?.[TIER_SCRIPTS.e2e], manifest.name).toMatch(
        /\bvitest run\b.*--mode e2e\b/,
      );
    }
  });

  it('the packed-consumer check waits for the build of every public package it packs', () => {
    const graph = dryRun(root, ['test:e2e', '--filter=@ofauth-mass-messages/pipeline-proof']);
    const waited = waitsOn(graph, '@ofauth-mass-messages/pipeline-proof#test:e2e');
    const built = publicPackages(root)
      .filter(({ manifest }) => manifest.scripts?.build)
      .map(({ manifest }) => `${manifest.name}#build`);
    expect(built.length).toBeGreaterThan(0);
    expect(built.filter((task) => !waited.has(task))).toEqual([]);
  });

  it("the example app's browser test waits for the reference page it opens", () => {
    const graph = dryRun(root, ['test:e2e', '--filter=@ofauth-mass-messages/example-web']);
    expect([...waitsOn(graph, '@ofauth-mass-messages/example-web#test:e2e')]).toContain(
      '@ofauth-mass-messages/spec#docs',
    );
  });
});
