// Breaking-change guard: compares packages/spec/openapi.yaml with the last released version of
// itself (the newest git tag `@ofauth-mass-messages/spec@x.y.z`, which `changeset publish`
// creates) using Optic's standard breaking-change rules, and fails when a change would break
// clients (a removed path or field, a narrowed type, a new required parameter, a new enum value
// in a response) unless a pending changeset bumps the spec package by a major version.
//
// Optic (@useoptic/optic) was chosen because it is on the npm registry, runs offline, reads
// OpenAPI 3.1 with local $refs, and names the rule and location of each break; openapi-diff
// (the other npm option) rejects 3.1 documents.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const SPEC_PACKAGE = '@ofauth-mass-messages/spec';
const SPEC_PATH = 'packages/spec/openapi.yaml';

/**
 * Runs Optic's breaking-change checks of head against base.
 * @param {string} basePath
 * @param {string} headPath
 * @returns {{ breaking: boolean, report: string }}
 */
export function diffSpecs(basePath, headPath) {
  const require = createRequire(import.meta.url);
  const optic = join(dirname(require.resolve('@useoptic/optic/package.json')), 'build', 'index.js');
  const result = spawnSync(process.execPath, [optic, 'diff', basePath, headPath, '--check'], {
    encoding: 'utf8',
    // Optic writes ci-run-details.json into its working folder: keep it out of the repository.
    cwd: mkdtempSync(join(tmpdir(), 'optic-')),
    // Optic sends telemetry unless told not to; this machine and CI have no business doing so.
    env: { ...process.env, OPTIC_TELEMETRY_LEVEL: 'off', NO_COLOR: '1', FORCE_COLOR: '0' },
    timeout: 240_000,
  });
  if (result.error) throw result.error;
  const report = `${result.stdout}${result.stderr}`.trim();
  if (result.status !== 0 && !/This is a breaking change/.test(report)) {
    throw new Error(`optic diff failed (exit ${result.status}):\n${report}`);
  }
  return { breaking: result.status !== 0, report };
}

/**
 * The bump each pending changeset asks for the spec package.
 * @param {string} changesetDir
 * @returns {string[]}
 */
export function specBumps(changesetDir) {
  const bumps = [];
  for (const file of readdirSync(changesetDir).filter(
    (f) => f.endsWith('.md') && f !== 'README.md',
  )) {
    const front = readFileSync(join(changesetDir, file), 'utf8').match(/^---\n([\s\S]*?)\n---/);
    for (const line of front?.[1]?.split('\n') ?? []) {
      const match = line.match(/^\s*["']?([^"':]+)["']?\s*:\s*(major|minor|patch)\s*$/);
      if (match?.[1] === SPEC_PACKAGE && match[2]) bumps.push(match[2]);
    }
  }
  return bumps;
}

/**
 * The verdict: ok unless breaking without a major changeset.
 * @param {{ breaking: boolean, report: string }} diff
 * @param {string[]} bumps
 */
export function verdict(diff, bumps) {
  if (!diff.breaking) return { ok: true, message: 'no breaking change to the spec' };
  if (bumps.includes('major')) {
    return { ok: true, message: 'breaking change to the spec, announced by a major changeset' };
  }
  return {
    ok: false,
    message:
      `breaking change to the spec without a major changeset for ${SPEC_PACKAGE}.\n` +
      'Either keep the change compatible, or run `pnpm changeset` and choose "major".\n\n' +
      diff.report,
  };
}

/** @param {string[]} args @param {string} cwd */
function git(args, cwd) {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const root = new URL('../../../', import.meta.url).pathname;
  const tag = git(['tag', '--list', `${SPEC_PACKAGE}@*`, '--sort=-v:refname'], root)?.split(
    '\n',
  )[0];
  if (!tag) {
    console.log(
      `breaking-change guard: no released version of the spec yet (no git tag ${SPEC_PACKAGE}@*), nothing to compare`,
    );
    process.exit(0);
  }
  const released = git(['show', `${tag}:${SPEC_PATH}`], root);
  if (released === undefined) {
    console.error(`breaking-change guard: ${tag} has no ${SPEC_PATH}`);
    process.exit(1);
  }
  const basePath = join(mkdtempSync(join(tmpdir(), 'spec-guard-')), 'released.yaml');
  writeFileSync(basePath, released);
  const result = verdict(
    diffSpecs(basePath, join(root, SPEC_PATH)),
    specBumps(join(root, '.changeset')),
  );
  console.log(`breaking-change guard (against ${tag}): ${result.message}`);
  process.exit(result.ok ? 0 : 1);
}
