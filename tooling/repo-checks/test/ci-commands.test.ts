// The CI workflow teams adopt runs exactly what .ci/run runs, with the pinned pnpm.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ciRunCommands, compareCommands, workflowCommands } from '../scripts/ci-commands.mjs';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

describe('.ci/run and .github/workflows/ci.yml', () => {
  const ciRun = ciRunCommands(read('.ci/run'));
  const workflow = workflowCommands(parse(read('.github/workflows/ci.yml')));

  it('run the same pnpm commands', () => {
    expect(ciRun.commands).toContain('test');
    expect(compareCommands(ciRun.commands, workflow)).toEqual({
      onlyInCiRun: [],
      onlyInWorkflow: [],
    });
  });

  it('.ci/run uses the pnpm pinned in packageManager', () => {
    const { packageManager } = JSON.parse(read('package.json')) as { packageManager: string };
    expect(ciRun.versions).toEqual([packageManager.replace('pnpm@', '')]);
  });

  it('the README test command is what .ci/run runs', () => {
    const readme = read('README.md');
    const testLine = readme.split('\n').find((l) => /pnpm@[\w.]+ test$/.test(l.trim()));
    expect(testLine, 'README has a "… pnpm test" command').toBeDefined();
    expect(read('.ci/run')).toContain(
      (testLine as string)
        .trim()
        .replace('pnpm@10.34.9 install &&', 'pnpm@10.34.9 install --frozen-lockfile &&'),
    );
  });
});

describe('compareCommands catches drift', () => {
  it.each([
    [
      'a command dropped from the workflow',
      ['install --frozen-lockfile', 'test', 'lint'],
      ['install --frozen-lockfile', 'test'],
      { onlyInCiRun: ['lint'], onlyInWorkflow: [] },
    ],
    [
      'a command added to the workflow',
      ['test'],
      ['test', 'bench'],
      { onlyInCiRun: [], onlyInWorkflow: ['bench'] },
    ],
    [
      'a changed flag',
      ['install --frozen-lockfile'],
      ['install'],
      { onlyInCiRun: ['install --frozen-lockfile'], onlyInWorkflow: ['install'] },
    ],
  ])('%s', (_name, ci, wf, expected) => {
    expect(compareCommands(ci, wf)).toEqual(expected);
  });

  it('reads commands out of shell lines and workflow steps', () => {
    const script =
      '# npx -y pnpm@1.0.0 ignored\nnpx -y pnpm@1.0.0 install && npx -y pnpm@1.0.0 test || status=$?\n';
    expect(ciRunCommands(script)).toEqual({ commands: ['install', 'test'], versions: ['1.0.0'] });
    const wf = {
      jobs: {
        a: { steps: [{ run: 'pnpm lint' }, { uses: 'x@v1' }, { run: 'echo hi\npnpm test' }] },
      },
    };
    expect(workflowCommands(wf)).toEqual(['lint', 'test']);
  });
});
