// A fresh project outside the workspace that installs published packages by name, with npm or
// with pnpm, as an application developer would: its .npmrc sends only our scope to the
// rehearsal's registry, everything else comes from the machine's configured one.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  cleanEnv,
  pnpmCommand,
  type RunResult,
  run,
} from '@ofauth-mass-messages/pipeline-proof/src/run.js';
import {
  cjsEntriesScript,
  esmEntriesScript,
  tsconfig,
  typesFile,
  usageScript,
  vitePage,
} from './consumer-files.js';
import type { EntryPoint } from './entry-points.js';

export type Manager = 'npm' | 'pnpm';

export interface CheckResult {
  ok: boolean;
  /** One cell of the results table. */
  summary: string;
  /** What ran and what it printed, for a failure's message. */
  output: string;
}

/** The checks every consumer runs, in the order of the results table. */
export const CHECKS = [
  'esm import',
  'require',
  'usage',
  'tsc node16',
  'tsc bundler',
  'vite build',
] as const;
export type Check = (typeof CHECKS)[number];

/**
 * The environment of a consumer's commands: the test runner's, less what an outer npm, pnpm or
 * turbo run set (a consumer reads only its own .npmrc and the machine's configuration).
 */
export function consumerEnv(): NodeJS.ProcessEnv {
  const env = cleanEnv();
  for (const key of Object.keys(env)) if (/^npm_config_/i.test(key)) delete env[key];
  return env;
}

export class ConsumerProject {
  readonly dir: string;

  constructor(
    readonly manager: Manager,
    npmrc: string,
  ) {
    this.dir = mkdtempSync(join(tmpdir(), `release-consumer-${manager}-`));
    this.write(
      'package.json',
      `${JSON.stringify({ name: `consumer-${manager}`, private: true, type: 'module' }, null, 2)}\n`,
    );
    this.write('.npmrc', npmrc);
  }

  /** `npm install <specs>` or `pnpm add <specs>`, preferring what the machine has cached. */
  add(specs: string[]): Promise<RunResult> {
    const options = { cwd: this.dir, env: consumerEnv(), timeoutMs: 480_000 };
    if (this.manager === 'npm') {
      return run(
        'npm',
        ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=warn', ...specs],
        options,
      );
    }
    const pnpm = pnpmCommand();
    return run(pnpm.command, [...pnpm.prefix, 'add', '--prefer-offline', ...specs], options);
  }

  /** `npm ls <names>` / `pnpm ls <names>`: npm exits non-zero on a missing or invalid peer. */
  list(names: string[]): Promise<RunResult> {
    const options = { cwd: this.dir, env: consumerEnv(), timeoutMs: 120_000 };
    if (this.manager === 'npm') return run('npm', ['ls', ...names], options);
    const pnpm = pnpmCommand();
    return run(pnpm.command, [...pnpm.prefix, 'ls', ...names], options);
  }

  /** The manifest of an installed package, or undefined. */
  installed(name: string): { name: string; version: string; [field: string]: unknown } | undefined {
    const path = join(this.dir, 'node_modules', name, 'package.json');
    return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
  }

  write(file: string, text: string): void {
    writeFileSync(join(this.dir, file), text);
  }

  /**
   * Runs the checks (all, or those named) against the installed packages' entry points; a check
   * left out reads "not run". `seconds` is their time.
   */
  async check(
    entries: EntryPoint[],
    only: readonly Check[] = CHECKS,
  ): Promise<Record<Check, CheckResult> & { seconds: number }> {
    const started = Date.now();
    const skipped: CheckResult = { ok: true, summary: 'not run', output: '' };
    const step = (check: Check, work: () => Promise<CheckResult>) =>
      only.includes(check) ? work() : Promise.resolve(skipped);
    this.write('entries.mjs', esmEntriesScript(entries));
    this.write('entries.cjs', cjsEntriesScript(entries));
    this.write('usage.mjs', usageScript);
    this.write('types.ts', typesFile(entries));
    this.write('tsconfig.node16.json', tsconfig('node16'));
    this.write('tsconfig.bundler.json', tsconfig('bundler'));
    for (const [file, text] of Object.entries(vitePage)) this.write(file, text);
    const results = {
      'esm import': await step('esm import', () => this.entries('entries.mjs', entries)),
      require: await step('require', () => this.entries('entries.cjs', entries)),
      usage: await step('usage', () => this.usage()),
      'tsc node16': await step('tsc node16', () => this.tsc('tsconfig.node16.json')),
      'tsc bundler': await step('tsc bundler', () => this.tsc('tsconfig.bundler.json')),
      'vite build': await step('vite build', () => this.vite()),
    };
    return { ...results, seconds: Math.round((Date.now() - started) / 1000) };
  }

  private node(args: string[]): Promise<RunResult> {
    return run(process.execPath, args, { cwd: this.dir, env: consumerEnv(), timeoutMs: 120_000 });
  }

  private async entries(script: string, entries: EntryPoint[]): Promise<CheckResult> {
    const result = await this.node([script]);
    const report = lastJsonLine(result.output) as Record<string, number | string> | undefined;
    // A script entry must export something; a data file (JSON, which only CommonJS loads
    // without an import attribute) must load or at least resolve to a file that exists.
    const bad = entries.filter(({ specifier, kind }) => {
      const value = report?.[specifier];
      if (kind === 'js') return !(typeof value === 'number' && value > 0);
      return value !== 'file' && !(typeof value === 'number' && value > 0);
    });
    const ok = result.code === 0 && report !== undefined && bad.length === 0;
    // Node 20 notes require(esm) as experimental; a consumer sees that line, so the table does.
    const warned = /ExperimentalWarning/.test(result.output) ? ', with a Node warning' : '';
    return {
      ok,
      summary: ok ? `ok (${entries.length} entries${warned})` : `failed: ${bad.length} entries`,
      output: result.output,
    };
  }

  private async usage(): Promise<CheckResult> {
    const result = await this.node(['usage.mjs']);
    const report = lastJsonLine(result.output) as
      | { operations: number; ids: number[]; received: { key: string | null }[] }
      | undefined;
    const ok =
      result.code === 0 &&
      report !== undefined &&
      report.operations > 0 &&
      JSON.stringify(report.ids) === '[100,101]' &&
      report.received.length === 2 &&
      report.received.every((request) => request.key === 'rehearsal-secret-key');
    return {
      ok,
      summary: ok ? 'ok (2 pages through the proxy)' : 'failed',
      output: result.output,
    };
  }

  private async tsc(project: string): Promise<CheckResult> {
    const tsc = join(this.dir, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = await this.node([tsc, '-p', project]);
    return {
      ok: result.code === 0,
      summary: result.code === 0 ? 'ok' : 'failed',
      output: result.output,
    };
  }

  private async vite(): Promise<CheckResult> {
    const vite = join(this.dir, 'node_modules', 'vite', 'bin', 'vite.js');
    rmSync(join(this.dir, 'dist'), { recursive: true, force: true });
    const result = await this.node([vite, 'build', '--logLevel', 'warn']);
    const assets = join(this.dir, 'dist', 'assets');
    const scripts = existsSync(assets)
      ? readdirSync(assets)
          .filter((file) => file.endsWith('.js'))
          .map((file) => readFileSync(join(assets, file), 'utf8'))
      : [];
    const bundle = scripts.join('\n');
    const problems = [
      result.code !== 0 && 'vite build failed',
      !existsSync(join(this.dir, 'dist', 'index.html')) && 'no dist/index.html',
      // The client's code is in the page: the operation's path comes from the spec's table.
      !bundle.includes('/v2/access/mass-messages') && 'the client is not in the bundle',
      // Nothing for Node only: Vite would have stubbed it out for the browser.
      /externalized for browser compatibility/.test(result.output) && 'a Node module in the page',
    ].filter(Boolean);
    const gzip = (gzipSync(bundle).length / 1024).toFixed(1);
    return {
      ok: problems.length === 0,
      summary: problems.length === 0 ? `ok (${gzip} kB gzip)` : problems.join(', '),
      output: result.output,
    };
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The last line of some output that parses as a JSON object. */
export function lastJsonLine(output: string): unknown {
  for (const line of output.trim().split('\n').reverse()) {
    if (!line.startsWith('{')) continue;
    try {
      return JSON.parse(line);
    } catch {
      // Not the report: keep looking.
    }
  }
  return undefined;
}
