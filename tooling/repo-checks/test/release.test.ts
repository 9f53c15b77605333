// What a release will publish, checked from the repository before any release: versions that make
// sense (the first release on one version line, no major that no changeset asked for), ranges
// that accept compatible releases, tarballs with a README, a changelog and source maps that carry
// their sources, nothing a maintainer could commit by accident, an install without a warning.
// The second tier's release rehearsal (tooling/release-rehearsal) publishes to a real registry
// and installs from it; these are its fast half, named by the rule each package breaks.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import getReleasePlanModule from '@changesets/get-release-plan';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { publicPackages, workspacePackages } from '../scripts/workspace.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const workspace = parse(readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8')) as {
  catalog?: Record<string, string>;
  overrides?: Record<string, string>;
};
const published = publicPackages(root);
const workspaceNames = new Set(workspacePackages(root).map(({ manifest }) => manifest.name));
/** The dependency fields a published manifest hands to its users' installs. */
const RUNTIME_FIELDS = ['dependencies', 'peerDependencies', 'optionalDependencies'] as const;

type Manifest = Record<(typeof RUNTIME_FIELDS)[number], Record<string, string> | undefined> & {
  name: string;
  version: string;
  files?: string[];
};
const manifests = published.map(({ dir, manifest }) => ({ dir, manifest: manifest as Manifest }));

// The package is CommonJS with an `exports.default`; vitest hands it over either way.
const getReleasePlan = ((getReleasePlanModule as unknown as { default?: unknown }).default ??
  getReleasePlanModule) as typeof getReleasePlanModule;

/** Never released: the placeholder version a package has before its first release. */
const neverReleased = (version: string) =>
  version === '0.0.0' || semver.prerelease(version) !== null;

describe('the pending release (changesets)', async () => {
  const plan = await getReleasePlan(root);
  const releases = plan.releases.filter((release) => release.type !== 'none');

  it('bumps a package a major version only where a changeset asks for one', () => {
    const asked = new Set(
      plan.changesets.flatMap((changeset) =>
        changeset.releases.filter((r) => r.type === 'major').map((r) => r.name),
      ),
    );
    const implied = releases
      .filter((release) => release.type === 'major' && !asked.has(release.name))
      .map((release) => `${release.name} ${release.oldVersion} → ${release.newVersion}`);
    expect(implied).toEqual([]);
  });

  it('releases every never-released public package, all on one version line', () => {
    const first = manifests.filter(({ manifest }) => neverReleased(manifest.version));
    const versions = first.map(({ manifest }) => [
      manifest.name,
      releases.find((release) => release.name === manifest.name)?.newVersion ?? 'not released',
    ]);
    const lines = new Set(versions.map(([, version]) => version));
    expect(lines.size <= 1 && !lines.has('not released'), JSON.stringify(versions)).toBe(true);
  });
});

describe('the published manifests', () => {
  it('exist: the workspace has public packages', () => {
    expect(manifests.length).toBeGreaterThan(0);
  });

  it.each(manifests)(
    '$manifest.name depends on workspace packages through workspace:^',
    ({ manifest }) => {
      // Published as `^<version>`: a compatible release of the dependency installs beside this one
      // (`workspace:*` publishes the exact version, so every patch of it would need this one anew).
      const wrong = RUNTIME_FIELDS.flatMap((field) =>
        Object.entries(manifest[field] ?? {})
          .filter(([name, range]) => workspaceNames.has(name) && range !== 'workspace:^')
          .map(([name, range]) => `${field}.${name}: ${range}`),
      );
      expect(wrong).toEqual([]);
    },
  );

  it.each(manifests)(
    '$manifest.name pins an outside dependency only where the workspace holds it',
    ({ manifest }) => {
      // An exact version in a published manifest keeps users' installs from sharing one copy with
      // their own (openapi-fetch at `0.17.0` beside an app's `0.17.1`). The one reason to pin is a
      // package the workspace holds on a version by a pnpm override, which says why.
      const held = new Set(Object.keys(workspace.overrides ?? {}));
      const pinned = RUNTIME_FIELDS.flatMap((field) =>
        Object.entries(manifest[field] ?? {})
          .filter(([name]) => !workspaceNames.has(name) && !held.has(name))
          .map(([name, range]) => [
            `${field}.${name}`,
            range === 'catalog:' ? (workspace.catalog?.[name] ?? range) : range,
          ])
          .filter(([, range]) => semver.valid(range ?? '') !== null)
          .map(([where, range]) => `${where}: ${range}`),
      );
      expect(pinned).toEqual([]);
    },
  );

  it.each(manifests)('$manifest.name ships a README and its CHANGELOG', ({ dir, manifest }) => {
    expect(existsSync(join(root, dir, 'README.md')), `${dir}/README.md`).toBe(true);
    // npm and pnpm pack a README without being told, a CHANGELOG only when `files` lists it.
    if (manifest.files) expect(manifest.files).toContain('CHANGELOG.md');
  });
});

describe('compiled output', () => {
  const require = createRequire(import.meta.url);
  const tsc = require.resolve('typescript/bin/tsc');
  const built = manifests.filter(({ dir }) => existsSync(join(root, dir, 'tsconfig.build.json')));

  it.each(built)(
    '$manifest.name ships source maps that carry their sources, and no declaration maps',
    ({ dir }) => {
      // Only dist/ is published: a map must hold its sources (inlineSources), and a declaration map
      // would point an editor at .ts files the tarball does not have.
      const config = JSON.parse(
        execFileSync(process.execPath, [tsc, '--showConfig', '-p', 'tsconfig.build.json'], {
          cwd: join(root, dir),
          encoding: 'utf8',
        }),
      ) as { compilerOptions: Record<string, unknown> };
      const { sourceMap, inlineSources, inlineSourceMap, declarationMap } = config.compilerOptions;
      expect({ sourceMap, inlineSources, inlineSourceMap, declarationMap }).toEqual({
        sourceMap: true,
        inlineSources: true,
        inlineSourceMap: undefined,
        declarationMap: false,
      });
    },
  );
});

describe('the repository', () => {
  it('never commits an .npmrc (where a registry token is written)', () => {
    const ignored = (path: string) => {
      try {
        execFileSync('git', ['check-ignore', '-q', '--no-index', path], { cwd: root });
        return true;
      } catch {
        return false;
      }
    };
    expect(['.npmrc', 'packages/client/.npmrc'].filter((path) => !ignored(path))).toEqual([]);
  });

  it('installs without a warning: every dependency build script is allowed or ignored', () => {
    // pnpm boxes a warning on every fresh install for a build script nobody decided on; what it
    // left undecided is in node_modules/.modules.yaml.
    const modules = parse(readFileSync(join(root, 'node_modules', '.modules.yaml'), 'utf8')) as {
      ignoredBuilds?: string[];
    };
    expect(modules.ignoredBuilds ?? []).toEqual([]);
  });
});
