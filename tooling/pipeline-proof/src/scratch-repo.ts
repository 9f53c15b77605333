// A throwaway copy of the workspace (the files git tracks or would track, no build output, no
// node_modules) with its own git history, install and turbo cache, to change the spec in.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cleanEnv, pnpmCommand, type RunResult, run } from './run.js';

export const repoRoot = new URL('../../../', import.meta.url).pathname;

export interface TurboTask {
  taskId: string;
  package: string;
  task: string;
  cache: { status: 'HIT' | 'MISS' };
  /** How the task ran (absent for a dry run). */
  execution?: { exitCode?: number; startTime?: number; endTime?: number };
}

export interface TurboRun extends RunResult {
  tasks: TurboTask[];
}

export class ScratchRepo {
  readonly dir: string;
  /** What `pnpm install` printed in the copy (a fresh install: warnings show here). */
  installOutput = '';

  private constructor(dir: string) {
    this.dir = dir;
  }

  /**
   * Copies the workspace's source files and installs from the local store, offline.
   * @param prefix the temporary folder's name starts with it: says which suite left it.
   */
  static async create(prefix = 'pipeline-proof-'): Promise<ScratchRepo> {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], {
      cwd: repoRoot,
      encoding: 'utf8',
    })
      .split('\0')
      .filter(Boolean);
    for (const file of files) {
      const target = join(dir, file);
      mkdirSync(dirname(target), { recursive: true });
      try {
        cpSync(join(repoRoot, file), target);
      } catch {
        // A file deleted in the working tree but still tracked: nothing to copy.
      }
    }
    const repo = new ScratchRepo(dir);
    // turbo respects .gitignore through git: give the copy a history of its own.
    repo.git(['init', '-q']);
    repo.commit('scratch copy');
    const pnpm = pnpmCommand();
    const install = await run(
      pnpm.command,
      [...pnpm.prefix, 'install', '--frozen-lockfile', '--offline'],
      {
        cwd: dir,
      },
    );
    if (install.code !== 0)
      throw new Error(`install in the scratch copy failed:\n${install.output}`);
    repo.installOutput = install.output;
    return repo;
  }

  git(args: string[]): string {
    return execFileSync(
      'git',
      ['-c', 'user.name=pipeline-proof', '-c', 'user.email=proof@localhost', ...args],
      { cwd: this.dir, encoding: 'utf8' },
    );
  }

  commit(message: string): void {
    this.git(['add', '-A']);
    this.git(['commit', '-q', '--allow-empty', '-m', message]);
  }

  read(path: string): string {
    return readFileSync(join(this.dir, path), 'utf8');
  }

  write(path: string, text: string): void {
    writeFileSync(join(this.dir, path), text);
  }

  /** `turbo run <tasks>` with a run summary; returns each task's cache status. */
  async turbo(args: string[], { dry = false } = {}): Promise<TurboRun> {
    const pnpm = pnpmCommand();
    rmSync(join(this.dir, '.turbo', 'runs'), { recursive: true, force: true });
    const result = await run(
      pnpm.command,
      [...pnpm.prefix, 'exec', 'turbo', 'run', ...args, dry ? '--dry=json' : '--summarize'],
      { cwd: this.dir, env: cleanEnv() },
    );
    let summary: { tasks: TurboTask[] };
    if (dry) {
      summary = JSON.parse(result.output.slice(result.output.indexOf('{')));
    } else {
      const match = result.output.match(/Summary:\s+(\S+\.json)/);
      if (!match?.[1]) return { ...result, tasks: [] };
      summary = JSON.parse(readFileSync(match[1], 'utf8'));
    }
    return { ...result, tasks: summary.tasks };
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** `package#task` ids whose cache status is the one asked for. */
export function tasksWith(runResult: TurboRun, status: 'HIT' | 'MISS'): string[] {
  return runResult.tasks
    .filter((t) => t.cache.status === status)
    .map((t) => t.taskId)
    .sort();
}
