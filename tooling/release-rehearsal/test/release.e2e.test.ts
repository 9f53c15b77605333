// The release, rehearsed for real: a scratch copy of the repository versions and publishes itself
// with its own `version-packages` and `release` scripts to a throwaway Verdaccio, fresh npm and
// pnpm projects install the packages from it by name and use them, and every tarball goes through
// publint and attw as the registry serves it. Twice: the first release, then a patch of the
// client alone, which must leave every other package where it was and install beside the query
// helpers released before it. The tables printed at the end (and written to
// reports/release-rehearsal.md) are the rehearsal's record.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, ScratchRepo } from '@ofauth-mass-messages/pipeline-proof/src/scratch-repo.js';
import { unpack } from '@publint/pack';
import semver from 'semver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKS, type Check, ConsumerProject, type Manager } from '../src/consumer.js';
import { type EntryPoint, entryPoints } from '../src/entry-points.js';
import { scopeNpmrc } from '../src/npmrc.js';
import { attwTarball, publintTarball } from '../src/package-lint.js';
import { type PublishedManifest, type Registry, startRegistry } from '../src/registry.js';
import { ScratchRelease } from '../src/scratch-release.js';
import { formatTable } from '../src/table.js';
import { checkTarball } from '../src/tarball.js';
import { catalogVersion, publishedPackages } from '../src/workspace.js';

/** The package the second release patches: the one most often fixed, that others peer on. */
const CLIENT = '@ofauth-mass-messages/client';
/** The tools a consumer brings, at the workspace's own versions. */
const TOOLS = ['typescript', 'vite', '@types/node'];
const MANAGERS: Manager[] = ['npm', 'pnpm'];
/** The checks repeated once the client is patched. */
const AFTER_PATCH: Check[] = ['esm import', 'require', 'usage', 'tsc node16'];

const names = publishedPackages(repoRoot).map((p) => p.name);
const started = Date.now();

let registry: Registry | undefined;
let scratch: ScratchRepo | undefined;
let release: ScratchRelease;
const consumers = new Map<string, ConsumerProject>();
/** The registry's latest version of each package, after each release. */
const published: Record<string, string>[] = [];
const tarballRows: string[][] = [];
const consumerRows: string[][] = [];
/** How long each step took, for the record (the machine's load shows here first). */
const timings: string[][] = [];

async function timed<T>(step: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await work();
  } finally {
    timings.push([step, `${Math.round((Date.now() - started) / 1000)} s`]);
  }
}

/** The end of a long output, for an assertion's message. */
const tail = (output: string) => output.slice(-6000);
/** Peer-dependency trouble, as npm (ERESOLVE) and pnpm (unmet peer) report it. */
const PEER_TROUBLE = /ERESOLVE|unmet peer|Issues with peer dependencies|conflicting peer/i;

async function latestVersions(): Promise<Record<string, string>> {
  const entries = await Promise.all(
    names.map(async (name) => {
      const packument = await registry?.packument(name);
      return [name, packument?.['dist-tags'].latest ?? 'not published'];
    }),
  );
  return Object.fromEntries(entries);
}

/** The manifest of one published version, as the registry serves it. */
async function publishedManifest(name: string, version: string): Promise<PublishedManifest> {
  const manifest = (await registry?.packument(name))?.versions[version];
  if (!manifest) throw new Error(`${name}@${version} is not published`);
  return manifest;
}

/** Each package's tarball: its files, publint and attw; one row each; the failures. */
async function checkTarballs(versions: Record<string, string>, only = names): Promise<string[]> {
  const failures: string[] = [];
  for (const name of only) {
    const version = versions[name] as string;
    const tarball = (await registry?.tarball(name, version)) as ArrayBuffer;
    const { files, rootDir } = await unpack(tarball);
    const contents = checkTarball(
      files.map((file) => ({ name: file.name.slice(rootDir.length + 1), data: file.data })),
    );
    const lint = await publintTarball(tarball);
    const attw = await attwTarball(tarball, `${name.replace('@', '').replace('/', '-')}.tgz`);
    tarballRows.push([
      `${name}@${version}`,
      `${contents.files} files, ${(contents.bytes / 1024).toFixed(0)} kB`,
      contents.problems.length === 0 ? `ok (${contents.maps} maps)` : 'failed',
      lint.summary,
      attw.summary,
    ]);
    for (const problem of contents.problems) failures.push(`${name}: ${problem}`);
    if (!lint.ok) failures.push(`${name}: publint\n  ${lint.details.join('\n  ')}`);
    if (!attw.ok) failures.push(`${name}: attw\n  ${attw.details.join('\n  ')}`);
  }
  return failures;
}

/** The entry points of every published package, at the given versions. */
async function entriesAt(versions: Record<string, string>): Promise<EntryPoint[]> {
  const manifests = await Promise.all(
    names.map((name) => publishedManifest(name, versions[name] as string)),
  );
  return manifests.flatMap((manifest) => entryPoints(manifest));
}

/** Every package's check results in one row; the failed checks with what they printed. */
async function checkConsumer(
  label: string,
  project: ConsumerProject,
  entries: EntryPoint[],
  only: readonly Check[] = CHECKS,
) {
  const results = await project.check(entries, only);
  consumerRows.push([
    label,
    ...CHECKS.map((check) => results[check].summary),
    `${results.seconds} s`,
  ]);
  return CHECKS.filter((check) => !results[check].ok).map(
    (check) => `${check}:\n${tail(results[check].output)}`,
  );
}

beforeAll(async () => {
  registry = await startRegistry();
  scratch = await timed('scratch copy of the repository, installed offline', () =>
    ScratchRepo.create('release-rehearsal-'),
  );
  release = new ScratchRelease(scratch, registry);
});

afterAll(async () => {
  const versionRows = names.map((name) => [
    name,
    published[0]?.[name] ?? '—',
    published[1]?.[name] ?? '—',
  ]);
  const seconds = Math.round((Date.now() - started) / 1000);
  const report = [
    `Release rehearsal: Verdaccio on 127.0.0.1, Node ${process.version}, ${seconds} s`,
    '',
    'Published versions',
    formatTable(['package', 'first release', 'client patch'], versionRows),
    '',
    'Tarballs, as the registry serves them',
    formatTable(['tarball', 'size', 'contents', 'publint', 'attw'], tarballRows),
    '',
    'Consumers, installing by name',
    formatTable(['project', ...CHECKS, 'time'], consumerRows.sort()),
    '',
    'Steps',
    formatTable(['step', 'time'], timings),
    '',
  ].join('\n');
  console.log(report);
  mkdirSync(new URL('../reports/', import.meta.url), { recursive: true });
  writeFileSync(new URL('../reports/release-rehearsal.md', import.meta.url), report);
  for (const project of consumers.values()) project.remove();
  await registry?.stop();
  scratch?.remove();
});

describe('the first release', () => {
  it('starts from a fresh install of the repository that prints no warning', () => {
    expect(scratch?.installOutput).toContain('Done in');
    expect(scratch?.installOutput).not.toMatch(/\bWARN\b|Warning/);
  });

  it('versions every public package onto one 0.x version line (version-packages)', async () => {
    expect(names.length).toBeGreaterThan(1);
    const versioned = await timed('first release: version-packages', () =>
      release.versionPackages(),
    );
    expect(versioned.code, tail(versioned.output)).toBe(0);
    const lines = [...new Set(Object.values(release.versions()))];
    expect(lines).toHaveLength(1);
    const [line] = lines as [string];
    expect(semver.major(line)).toBe(0);
    expect(semver.prerelease(line)).toBeNull();
    for (const { dir } of publishedPackages(scratch?.dir ?? '')) {
      expect(scratch?.read(join(dir, 'CHANGELOG.md')), dir).toContain(`## ${line}`);
    }
  });

  it('publishes every public package with the release script, and no token into git', async () => {
    const released = await timed('first release: release (build, lint, publish)', () =>
      release.release(),
    );
    expect(released.code, tail(released.output)).toBe(0);
    published.push(await latestVersions());
    expect(published[0]).toEqual(release.versions());
    // The token is in the copy's .npmrc, which git ignores, as it does in the repository.
    expect(scratch?.git(['status', '--porcelain'])).not.toContain('.npmrc');
  });

  it('publishes tarballs a user can trust: README, CHANGELOG, maps with sources, publint, attw', async () => {
    expect(await checkTarballs(published[0] ?? {})).toEqual([]);
  });
});

describe('consumers install the first release by name', () => {
  // The two projects are independent: npm's and pnpm's installs overlap.
  it.concurrent.each(MANAGERS)(
    'a fresh %s project installs every package and uses it',
    async (manager) => {
      const versions = published[0] ?? {};
      const project = new ConsumerProject(manager, scopeNpmrc(release.scopes, registry?.url ?? ''));
      consumers.set(manager, project);
      const manifests = await Promise.all(
        names.map((name) => publishedManifest(name, versions[name] as string)),
      );
      // Each package's peers outside the workspace (TanStack's query-core, msw), at its ranges.
      const peers = manifests.flatMap((m) =>
        Object.entries(m.peerDependencies ?? {})
          .filter(([peer]) => !names.includes(peer))
          .map(([peer, range]) => `${peer}@${range}`),
      );
      const tools = TOOLS.map((tool) => `${tool}@${catalogVersion(repoRoot, tool)}`);
      const added = await timed(`first release: ${manager} install`, () =>
        project.add([
          ...names.map((name) => `${name}@${versions[name]}`),
          ...new Set(peers),
          ...tools,
        ]),
      );
      expect(added.code, tail(added.output)).toBe(0);
      expect(added.output).not.toMatch(PEER_TROUBLE);
      for (const name of names) expect(project.installed(name)?.version, name).toBe(versions[name]);
      const failed = await checkConsumer(manager, project, await entriesAt(versions));
      expect(failed).toEqual([]);
    },
  );
});

describe('a patch of the client alone', () => {
  it('versions the client, and nothing else (version-packages)', async () => {
    const before = release.versions();
    release.addChangeset(
      'rehearsal-client-patch',
      { [CLIENT]: 'patch' },
      'A client fix, released alone (the release rehearsal).',
    );
    const versioned = await timed('client patch: version-packages', () =>
      release.versionPackages(),
    );
    expect(versioned.code, tail(versioned.output)).toBe(0);
    const after = release.versions();
    expect(names.filter((name) => before[name] !== after[name])).toEqual([CLIENT]);
    expect(after[CLIENT]).toBe(semver.inc(before[CLIENT] as string, 'patch'));
  });

  it('publishes the client, and nothing else (release)', async () => {
    const released = await timed('client patch: release (build, lint, publish)', () =>
      release.release(),
    );
    expect(released.code, tail(released.output)).toBe(0);
    published.push(await latestVersions());
    expect(published[1]).toEqual(release.versions());
    for (const name of names.filter((n) => n !== CLIENT)) {
      const versions = Object.keys((await registry?.packument(name))?.versions ?? {});
      expect(versions, name).toEqual([published[0]?.[name]]);
    }
  });

  it('publishes a patched client tarball a user can trust', async () => {
    expect(await checkTarballs(published[1] ?? {}, [CLIENT])).toEqual([]);
  });

  it('installs beside the released packages that peer on it, with npm, without a conflict', async () => {
    const [first = {}, second = {}] = published;
    const patched = second[CLIENT] as string;
    const dependents: string[] = [];
    for (const name of names) {
      const peers = (await publishedManifest(name, first[name] as string)).peerDependencies ?? {};
      if (peers[CLIENT]) {
        dependents.push(name);
        // Soft: the install below still runs, and shows what a user would get.
        expect
          .soft(semver.satisfies(patched, peers[CLIENT]), `${name} peers ${peers[CLIENT]}`)
          .toBe(true);
      }
    }
    expect(dependents.length).toBeGreaterThan(0);
    // The command of issue 22, in a fresh project: `npm install <query>@<first> <client>@<patched>`.
    const project = new ConsumerProject('npm', scopeNpmrc(release.scopes, registry?.url ?? ''));
    consumers.set('npm, beside', project);
    const added = await project.add([
      ...dependents.map((name) => `${name}@${first[name]}`),
      `${CLIENT}@${patched}`,
    ]);
    expect(added.code, tail(added.output)).toBe(0);
    expect(added.output).not.toMatch(PEER_TROUBLE);
    expect(project.installed(CLIENT)?.version).toBe(patched);
    const listed = await project.list([CLIENT, ...dependents]);
    expect(listed.code, listed.output).toBe(0);
  });

  it.concurrent.each(MANAGERS)(
    'the %s project upgrades to the patched client and still works',
    async (manager) => {
      const project = consumers.get(manager);
      expect(project, `the ${manager} project of the first release`).toBeDefined();
      if (!project) return;
      const versions = published[1] ?? {};
      const added = await project.add([`${CLIENT}@${versions[CLIENT]}`]);
      expect(added.code, tail(added.output)).toBe(0);
      expect(added.output).not.toMatch(PEER_TROUBLE);
      expect(project.installed(CLIENT)?.version).toBe(versions[CLIENT]);
      const listed = await project.list([CLIENT]);
      expect(listed.code, listed.output).toBe(0);
      // What the patch can change for a consumer: resolution, loading, types across packages.
      // (The page build is the first release's, the client's code being the same.)
      const failed = await checkConsumer(
        `${manager}, client ${versions[CLIENT]}`,
        project,
        await entriesAt(versions),
        AFTER_PATCH,
      );
      expect(failed).toEqual([]);
    },
  );
});
