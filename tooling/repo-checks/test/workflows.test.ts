// Properties every workflow must keep: pinned actions, least-privilege permissions, no secret
// echoed, and the triggers each workflow exists for.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const dir = new URL('../../../.github/workflows/', import.meta.url);
type Step = { uses?: string; run?: string; with?: Record<string, unknown> };
type Workflow = {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, { steps: Step[]; permissions?: Record<string, string> }>;
};
const files = readdirSync(dir).filter((f) => f.endsWith('.yml'));
const load = (file: string) => ({
  text: readFileSync(new URL(file, dir), 'utf8'),
  doc: parse(readFileSync(new URL(file, dir), 'utf8')) as Workflow,
});
const steps = (wf: Workflow) => Object.values(wf.jobs).flatMap((j) => j.steps);

describe.each(files)('%s', (file) => {
  const { text, doc } = load(file);

  it('pins every action to a released version tag, or a SHA with its version beside it', () => {
    for (const line of text.split('\n').filter((l) => /^\s*-?\s*uses:/.test(l))) {
      const ok =
        /uses:\s*[\w.-]+\/[\w./-]+@v\d+(\.\d+){0,2}\s*$/.test(line) ||
        /uses:\s*[\w.-]+\/[\w./-]+@[0-9a-f]{40}\s+#\s*v\d+(\.\d+){0,2}\s*$/.test(line);
      expect(ok, line.trim()).toBe(true);
    }
  });

  it('declares least-privilege permissions at the top', () => {
    expect(doc.permissions).toEqual({ contents: 'read' });
  });

  it('never puts a secret into a shell command', () => {
    for (const step of steps(doc)) {
      expect(step.run ?? '').not.toMatch(/secrets\./);
    }
  });
});

describe('triggers and jobs', () => {
  it('ci runs on pull requests and pushes to main', () => {
    const { doc } = load('ci.yml');
    expect(Object.keys(doc.on).sort()).toEqual(['pull_request', 'push']);
    expect(doc.on.push).toEqual({ branches: ['main'] });
  });

  it('ci tests every Node line the packages allow, starting at the engines minimum', () => {
    const { doc } = load('ci.yml');
    const root = JSON.parse(
      readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'),
    );
    const minimum = String(root.engines.node).replace('>=', '');
    const matrix = (doc.jobs.test as unknown as { strategy: { matrix: { node: string[] } } })
      .strategy.matrix.node;
    expect(matrix[0]).toBe(minimum);
  });

  it('the live suite runs daily and by hand, and opens an issue on drift', () => {
    const { doc } = load('contract-live.yml');
    expect(Object.keys(doc.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    const uses = steps(doc).map((s) => s.uses ?? '');
    expect(uses.some((u) => u.startsWith('JasonEtco/create-an-issue@'))).toBe(true);
    expect(doc.jobs.live?.permissions).toEqual({ contents: 'read', issues: 'write' });
  });

  it('release versions and publishes through the root scripts, with provenance', () => {
    const { doc } = load('release.yml');
    const root = JSON.parse(
      readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'),
    );
    const changesets = steps(doc).find((s) => s.uses?.startsWith('changesets/action@'));
    expect(changesets?.with).toMatchObject({
      version: 'pnpm version-packages',
      publish: 'pnpm release',
    });
    expect(Object.keys(root.scripts)).toEqual(
      expect.arrayContaining(['version-packages', 'release']),
    );
    expect(doc.jobs.release?.permissions).toMatchObject({ 'id-token': 'write' });
  });
});
