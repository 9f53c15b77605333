// What installing a published package costs a user: the package packed as it would be published
// (`pnpm pack`, by pipeline-proof's packPublicPackages), installed with plain npm into a fresh
// project outside the workspace (its sibling packages from their tarballs too, since they are not
// on the registry yet), then node_modules counted: how many packages, how many bytes, and which
// weigh most. npm reaches whatever registry it is configured with.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { lstat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanEnv, run } from '@ofauth-mass-messages/pipeline-proof/src/run.js';

export interface Footprint {
  /** Installed packages (every entry of npm's lockfile under node_modules, nested ones too). */
  packages: number;
  /** Bytes of every file under node_modules (the sum of their sizes). */
  bytes: number;
  /** Bytes node_modules takes on disk (allocated blocks of its files and folders, as `du` counts). */
  disk: number;
  /** The heaviest installed packages, heaviest first: [name, bytes]. */
  heaviest: [string, number][];
  /** Every installed package's name, nested ones included. */
  names: string[];
}

/** The files under `dir`: the sum of their sizes, and the blocks they and the folders take. */
async function sizeOf(dir: string): Promise<{ bytes: number; disk: number }> {
  const total = { bytes: 0, disk: (await lstat(dir)).blocks * 512 };
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = await sizeOf(path);
      total.bytes += inner.bytes;
      total.disk += inner.disk;
    } else if (entry.isFile()) {
      const stats = await lstat(path);
      total.bytes += stats.size;
      total.disk += stats.blocks * 512;
    }
  }
  return total;
}

/**
 * Counts an installed `node_modules` from npm's hidden lockfile (`.package-lock.json`, one entry
 * per installed package, nested ones included) and weighs each package's folder (a nested
 * package counts in its own row and in its parent's folder).
 */
export async function countNodeModules(project: string, top = 3): Promise<Footprint> {
  const modules = join(project, 'node_modules');
  const lock = JSON.parse(readFileSync(join(modules, '.package-lock.json'), 'utf8')) as {
    packages: Record<string, { link?: boolean }>;
  };
  const installed = Object.entries(lock.packages).filter(
    ([path, entry]) => path.startsWith('node_modules/') && !entry.link,
  );
  const weights: [string, number][] = [];
  for (const [path] of installed) {
    if (path.lastIndexOf('node_modules/') !== 0) continue;
    weights.push([path.slice('node_modules/'.length), (await sizeOf(join(project, path))).bytes]);
  }
  weights.sort((a, b) => b[1] - a[1]);
  const names = installed.map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 13));
  const { bytes, disk } = await sizeOf(modules);
  return {
    packages: installed.length,
    bytes,
    disk,
    heaviest: weights.slice(0, top),
    names: [...new Set(names)].sort(),
  };
}

/**
 * Installs `name` from its tarball into a fresh project and counts what came. `tarballs` maps
 * every public workspace package to its tarball, so that its workspace dependencies come from
 * there too (npm `overrides`); `extra` adds registry packages a user installs beside it (msw).
 */
export async function installFootprint(
  name: string,
  tarballs: Record<string, string>,
  extra: Record<string, string> = {},
): Promise<Footprint> {
  const tarball = tarballs[name];
  if (!tarball) throw new Error(`no tarball for ${name}`);
  const dir = mkdtempSync(join(tmpdir(), 'footprint-'));
  try {
    const local = Object.fromEntries(Object.entries(tarballs).map(([n, t]) => [n, `file:${t}`]));
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({
        name: 'footprint',
        private: true,
        type: 'module',
        dependencies: { [name]: `file:${tarball}`, ...extra },
        overrides: local,
      }),
    );
    const installed = await run(
      'npm',
      ['install', '--no-audit', '--no-fund', '--loglevel=error', '--omit=dev'],
      { cwd: dir, env: cleanEnv(), timeoutMs: 300_000 },
    );
    if (installed.code !== 0)
      throw new Error(`npm install of ${name} failed:\n${installed.output}`);
    return await countNodeModules(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
