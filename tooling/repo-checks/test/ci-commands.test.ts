// The CI workflow teams adopt runs exactly what .ci/run runs, with the pinned pnpm.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { TIER_SCRIPTS } from '@ofauth-mass-messages/vitest-preset/reports';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ciRunCommands, compareCommands, workflowCommands } from '../scripts/ci-commands.mjs';

const root = new URL('../../../', import.meta.url);
const rootPath = root.pathname;
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

describe('.ci/run and .github/workflows/ci.yml', () => {
  const ciRun = ciRunCommands(read('.ci/run'));
  const { packageManager } = JSON.parse(read('package.json')) as { packageManager: string };
  const pinned = packageManager.replace(/^pnpm@/, '');
  const workflow = workflowCommands(parse(read('.github/workflows/ci.yml')));

  it('run the same pnpm commands', () => {
    expect(ciRun.commands).toContain('test');
    expect(compareCommands(ciRun.commands, workflow)).toEqual({
      onlyInCiRun: [],
      onlyInWorkflow: [],
    });
  });

  it('.ci/run runs both test tiers, the second after lint and typecheck', () => {
    const at = (command: string) => ciRun.commands.indexOf(command);
    for (const command of [TIER_SCRIPTS.unit, TIER_SCRIPTS.e2e, 'lint', 'typecheck']) {
      expect(at(command), `.ci/run runs pnpm ${command}`).toBeGreaterThan(0);
    }
    expect(at(TIER_SCRIPTS.e2e)).toBeGreaterThan(Math.max(at('lint'), at('typecheck')));
  });

  it('every script .ci/run calls is a root script; each tier is the turbo task of its name', () => {
    const { scripts } = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    const called = ciRun.commands
      .map((command) => command.split(' ')[0] ?? '')
      .filter((s) => s !== 'install');
    expect(called.filter((script) => !(script in scripts))).toEqual([]);
    for (const tier of Object.values(TIER_SCRIPTS)) {
      expect(scripts[tier], `root script ${tier}`).toMatch(new RegExp(`^turbo run ${tier} `));
    }
  });

  it('.ci/run runs the pnpm pinned in packageManager, writing no version of its own', () => {
    expect(ciRun.pinned).toBe(true);
  });

  it('the README test command is what .ci/run runs, with the pinned pnpm', () => {
    const readme = read('README.md');
    const testLine = readme.split('\n').find((l) => /pnpm@[\w.]+ test$/.test(l.trim()));
    expect(testLine, 'README has a "… pnpm test" command').toBeDefined();
    const calls = [...(testLine as string).matchAll(/npx -y pnpm@([\w.]+) (\w+)/g)];
    expect(calls.map((call) => call[2])).toEqual(['install', 'test']);
    expect(calls.map((call) => call[1])).toEqual([pinned, pinned]);
    expect(ciRun.commands.slice(0, 2)).toEqual(['install --frozen-lockfile', 'test']);
  });

  it('the README and CONTRIBUTING give the second tier its command, with the pinned pnpm', () => {
    for (const file of ['README.md', 'CONTRIBUTING.md']) {
      expect(read(file), file).toContain(`npx -y pnpm@${pinned} ${TIER_SCRIPTS.e2e}`);
    }
  });

  it('every pnpm version the docs name is the pinned one', () => {
    const docs = execFileSync('git', ['ls-files', '*.md'], { cwd: rootPath, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    const stale = docs.flatMap((file) =>
      [...read(file).matchAll(/pnpm@(\d+\.\d+\.\d+)/g)]
        .filter((match) => match[1] !== pinned)
        .map((match) => `${file}: ${match[0]}`),
    );
    expect(stale).toEqual([]);
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
    const script = [
      '# pnpm ignored',
      'pnpm_version=$(node -p \'require("./package.json").packageManager\')',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: shell text, not a template
      'pnpm() { npx -y "pnpm@${pnpm_version}" "$@"; }',
      'pnpm install && pnpm test || status=$?',
      'if [ x ]; then pnpm lint; fi',
      'if pnpm install --frozen-lockfile; then',
      '  step pnpm test:e2e --concurrency=2',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: shell text, not a template
      '  echo "[.ci/run] pnpm ${*:2}: took"',
    ].join('\n');
    expect(ciRunCommands(script)).toEqual({
      commands: [
        'install',
        'test',
        'lint',
        'install --frozen-lockfile',
        'test:e2e --concurrency=2',
      ],
      pinned: true,
    });
    expect(ciRunCommands('npx -y pnpm@1.0.0 install\n').pinned).toBe(false);
    const wf = {
      jobs: {
        a: { steps: [{ run: 'pnpm lint' }, { uses: 'x@v1' }, { run: 'echo hi\npnpm test' }] },
      },
    };
    expect(workflowCommands(wf)).toEqual(['lint', 'test']);
  });
});
