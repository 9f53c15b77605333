// A maintainer's release, done in a scratch copy of the repository with the project's own root
// scripts: `version-packages` (what the Release workflow's "Version Packages" pull request runs),
// a commit (its merge), then `release` (what the workflow runs once that merge passed CI), pointed
// at the rehearsal's registry through the copy's .npmrc and npm's environment, both written here
// at run time. The copy's .npmrc is ignored by git, as the real one is.
import { accessSync, constants, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import {
  cleanEnv,
  pnpmCommand,
  type RunResult,
  run,
} from '@ofauth-mass-messages/pipeline-proof/src/run.js';
import type { ScratchRepo } from '@ofauth-mass-messages/pipeline-proof/src/scratch-repo.js';
import { registryEnv, scopeNpmrc, scopesOf } from './npmrc.js';
import type { Registry } from './registry.js';
import { publishedPackages } from './workspace.js';

export class ScratchRelease {
  readonly scopes: string[];
  private readonly env: NodeJS.ProcessEnv;

  constructor(
    readonly repo: ScratchRepo,
    readonly registry: Registry,
  ) {
    this.scopes = scopesOf(publishedPackages(repo.dir).map((p) => p.name));
    writeFileSync(join(repo.dir, '.npmrc'), scopeNpmrc(this.scopes, registry.url, registry.token));
    const env = cleanEnv(withPnpmOnPath());
    // Nothing of an outer npm configuration (a provenance flag, another registry) reaches the
    // release; then the scope goes to the rehearsal's registry, for changesets too.
    for (const key of Object.keys(env)) if (/^npm_config_/i.test(key)) delete env[key];
    this.env = { ...env, ...registryEnv(this.scopes, registry.url) };
  }

  /** Every public package's version in the copy, by name. */
  versions(): Record<string, string> {
    return Object.fromEntries(publishedPackages(this.repo.dir).map((p) => [p.name, p.version]));
  }

  /** `pnpm version-packages`, then the commit a merge of the Version Packages pull request makes. */
  async versionPackages(): Promise<RunResult> {
    const result = await this.script('version-packages');
    if (result.code === 0) this.repo.commit('Version Packages');
    return result;
  }

  /** `pnpm release`: build, lint, and `changeset publish` to the rehearsal's registry. */
  release(): Promise<RunResult> {
    return this.script('release');
  }

  /** Writes a changeset, as `pnpm changeset` would, and commits it. */
  addChangeset(id: string, releases: Record<string, 'patch' | 'minor' | 'major'>, summary: string) {
    const front = Object.entries(releases).map(([name, type]) => `"${name}": ${type}`);
    this.repo.write(`.changeset/${id}.md`, `---\n${front.join('\n')}\n---\n\n${summary}\n`);
    this.repo.commit(`changeset: ${id}`);
  }

  private script(name: string): Promise<RunResult> {
    const pnpm = pnpmCommand();
    return run(pnpm.command, [...pnpm.prefix, 'run', name], {
      cwd: this.repo.dir,
      env: this.env,
      timeoutMs: 540_000,
    });
  }
}

/**
 * changesets publishes by spawning `pnpm` from the PATH. Under `npx pnpm …` (README, CI) one is
 * there; where none is (vitest started by hand), a shim runs the pinned pnpm through npx.
 */
function withPnpmOnPath(): Record<string, string> {
  const path = process.env.PATH ?? '';
  const found = path.split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, 'pnpm'), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
  if (found) return {};
  const pnpm = pnpmCommand();
  const bin = mkdtempSync(join(tmpdir(), 'release-pnpm-'));
  const args = [pnpm.command, ...pnpm.prefix].map((arg) => `'${arg.replaceAll("'", "'\\''")}'`);
  writeFileSync(join(bin, 'pnpm'), `#!/bin/sh\nexec ${args.join(' ')} "$@"\n`, { mode: 0o755 });
  return { PATH: `${bin}${delimiter}${path}` };
}
