// Packs the public packages as they would be published and installs the tarballs, with plain npm,
// into a fresh project outside the workspace: what an application developer gets.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanEnv, pnpmCommand, type RunResult, run } from './run.js';
import { repoRoot } from './scratch-repo.js';

/** A workspace package as npm would publish it. */
export interface PublicPackage {
  /** Its folder under packages/. */
  folder: string;
  name: string;
  version: string;
}

/** Every package under packages/ that is not private: what a release publishes. */
export function publicPackages(): PublicPackage[] {
  const root = join(repoRoot, 'packages');
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      let manifest: { name: string; version: string; private?: boolean };
      try {
        manifest = JSON.parse(readFileSync(join(root, entry.name, 'package.json'), 'utf8'));
      } catch {
        return [];
      }
      return manifest.private
        ? []
        : [{ folder: entry.name, name: manifest.name, version: manifest.version }];
    });
}

/** `pnpm pack` of each public package into one folder; returns package name → tarball path. */
export async function packPublicPackages(destination: string): Promise<Record<string, string>> {
  const pnpm = pnpmCommand();
  const tarballs: Record<string, string> = {};
  for (const { folder, name, version } of publicPackages()) {
    const packed = await run(
      pnpm.command,
      [...pnpm.prefix, 'pack', '--pack-destination', destination],
      { cwd: join(repoRoot, 'packages', folder) },
    );
    if (packed.code !== 0) throw new Error(`pnpm pack of ${name} failed:\n${packed.output}`);
    const expected = `${name.replace('@', '').replace('/', '-')}-${version}.tgz`;
    const file = readdirSync(destination).find((f) => f === expected);
    if (!file) throw new Error(`pnpm pack of ${name} wrote no ${expected}`);
    tarballs[name] = join(destination, file);
  }
  return tarballs;
}

export class ConsumerProject {
  readonly dir: string;

  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'consumer-'));
  }

  /** Writes package.json and tsconfig.json and installs the tarballs with npm. */
  async install(tarballs: Record<string, string>): Promise<RunResult> {
    const deps = Object.fromEntries(Object.entries(tarballs).map(([n, t]) => [n, `file:${t}`]));
    writeFileSync(
      join(this.dir, 'package.json'),
      JSON.stringify(
        {
          name: 'consumer',
          private: true,
          type: 'module',
          dependencies: deps,
          devDependencies: { typescript: '5.9.3' },
          // The packed packages depend on each other by version; point those at the tarballs.
          overrides: deps,
        },
        null,
        2,
      ),
    );
    writeFileSync(
      join(this.dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          outDir: 'dist',
          skipLibCheck: false,
        },
        include: ['*.ts'],
      }),
    );
    return run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: this.dir,
      env: cleanEnv(),
      timeoutMs: 300_000,
    });
  }

  /** The manifest npm installed for a package, or undefined when it is not installed. */
  installed(name: string): { name: string; version: string } | undefined {
    try {
      return JSON.parse(readFileSync(join(this.dir, 'node_modules', name, 'package.json'), 'utf8'));
    } catch {
      return undefined;
    }
  }

  write(file: string, text: string): void {
    writeFileSync(join(this.dir, file), text);
  }

  typecheckAndBuild(): Promise<RunResult> {
    return run(process.execPath, [join(this.dir, 'node_modules/typescript/bin/tsc'), '-p', '.'], {
      cwd: this.dir,
    });
  }

  node(file: string): Promise<RunResult> {
    return run(process.execPath, [file], { cwd: this.dir, timeoutMs: 60_000 });
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
