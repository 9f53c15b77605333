// Properties every workflow must keep: pinned actions, least-privilege permissions, no secret
// echoed; and what each exists for: CI runs both test tiers (the first on every Node line),
// Release publishes only a commit CI passed on, the live suite runs daily.
import { readdirSync, readFileSync } from 'node:fs';
import { TIER_SCRIPTS } from '@ofauth-mass-messages/vitest-preset/reports';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const dir = new URL('../../../.github/workflows/', import.meta.url);
type Step = {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
};
type Job = {
  steps: Step[];
  if?: string;
  permissions?: Record<string, string>;
  strategy?: { matrix?: { node?: string[] } };
  'timeout-minutes'?: number;
};
type Workflow = {
  name: string;
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
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

const rootManifest = JSON.parse(
  readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'),
) as { engines: { node: string }; scripts: Record<string, string> };
const minimumNode = rootManifest.engines.node.replace('>=', '');

/** The jobs of a workflow that run `pnpm <script>` in one of their steps. */
const jobsRunning = (wf: Workflow, script: string) =>
  Object.values(wf.jobs).filter((job) =>
    job.steps.some((step) =>
      (step.run ?? '').split('\n').some((l) => l.trim() === `pnpm ${script}`),
    ),
  );
/** The Node versions a job runs on: its matrix's, or its one setup-node version. */
const nodeVersions = (job: Job) => {
  const setup = job.steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
  const version = String(setup?.with?.['node-version'] ?? '');
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template
  return version === '${{ matrix.node }}' ? (job.strategy?.matrix?.node ?? []) : [version];
};

describe('ci', () => {
  const { doc } = load('ci.yml');

  it('runs on pull requests and pushes to main', () => {
    expect(Object.keys(doc.on).sort()).toEqual(['pull_request', 'push']);
    expect(doc.on.push).toEqual({ branches: ['main'] });
  });

  it('runs the first tier on Node 20 (the engines minimum), 22 and 24', () => {
    const jobs = jobsRunning(doc, TIER_SCRIPTS.unit);
    expect(jobs).toHaveLength(1);
    const versions = nodeVersions(jobs[0] as Job);
    expect(versions[0]).toBe(minimumNode);
    expect(versions.map((v) => Number(v.split('.')[0]))).toEqual([20, 22, 24]);
  });

  it('runs the second tier once, on the engines minimum', () => {
    const jobs = jobsRunning(doc, TIER_SCRIPTS.e2e);
    expect(jobs).toHaveLength(1);
    expect(nodeVersions(jobs[0] as Job)).toEqual([minimumNode]);
  });

  it('runs lint and typecheck', () => {
    expect(jobsRunning(doc, 'lint')).toHaveLength(1);
    expect(jobsRunning(doc, 'typecheck')).toHaveLength(1);
  });

  it('installs with the frozen lockfile in every job, before any other pnpm command', () => {
    for (const [name, job] of Object.entries(doc.jobs)) {
      const commands = job.steps.flatMap((step) =>
        (step.run ?? '').split('\n').filter((l) => l.trim().startsWith('pnpm ')),
      );
      expect(commands[0]?.trim(), name).toBe('pnpm install --frozen-lockfile');
    }
  });

  it('bounds every job well within 90 minutes', () => {
    for (const [name, job] of Object.entries(doc.jobs)) {
      expect(job['timeout-minutes'], name).toBeGreaterThan(0);
      expect(job['timeout-minutes'], name).toBeLessThanOrEqual(45);
    }
  });
});

describe('release', () => {
  const { doc } = load('release.yml');
  const ci = load('ci.yml').doc;
  const release = doc.jobs.release as Job;

  it('runs only when CI completed on main, never on a push of its own', () => {
    expect(doc.on).toEqual({
      workflow_run: { workflows: [ci.name], types: ['completed'], branches: ['main'] },
    });
  });

  it("publishes only after CI passed on a push to this repository's main", () => {
    const condition = String(release.if).replace(/\s+/g, ' ');
    for (const clause of [
      "github.event.workflow_run.conclusion == 'success'",
      "github.event.workflow_run.event == 'push'",
      'github.event.workflow_run.head_repository.full_name == github.repository',
    ]) {
      expect(condition).toContain(clause);
    }
    expect(condition).not.toMatch(/\|\|/);
  });

  it('checks out the commit CI tested', () => {
    const checkout = release.steps.find((step) => step.uses?.startsWith('actions/checkout@'));
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template
    expect(checkout?.with?.ref).toBe('${{ github.event.workflow_run.head_sha }}');
  });

  it('versions and publishes through the root scripts, with npm provenance', () => {
    const changesets = release.steps.find((s) => s.uses?.startsWith('changesets/action@'));
    expect(changesets?.with).toMatchObject({
      version: 'pnpm version-packages',
      publish: 'pnpm release',
    });
    expect(changesets?.env).toMatchObject({ NPM_CONFIG_PROVENANCE: 'true' });
    expect(Object.keys(rootManifest.scripts)).toEqual(
      expect.arrayContaining(['version-packages', 'release']),
    );
    expect(release.permissions).toMatchObject({ 'id-token': 'write' });
  });
});

describe('contract-live', () => {
  it('runs daily and by hand, and opens an issue on drift', () => {
    const { doc } = load('contract-live.yml');
    expect(Object.keys(doc.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    const uses = steps(doc).map((s) => s.uses ?? '');
    expect(uses.some((u) => u.startsWith('JasonEtco/create-an-issue@'))).toBe(true);
    expect(doc.jobs.live?.permissions).toEqual({ contents: 'read', issues: 'write' });
  });
});
