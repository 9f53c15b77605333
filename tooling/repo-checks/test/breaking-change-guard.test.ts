// The guard flags each kind of breaking change against the real spec, lets compatible changes
// and announced (major) breaks through, and reads changesets correctly.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { diffSpecs, specBumps, verdict } from '../scripts/breaking-change-guard.mjs';

type Spec = {
  paths: Record<string, { get: { parameters: unknown[] } }>;
  components: {
    schemas: Record<string, { properties?: Record<string, { type?: unknown }>; enum?: string[] }>;
  };
};
const specText = readFileSync(
  new URL('../../../packages/spec/openapi.yaml', import.meta.url),
  'utf8',
);
const dir = mkdtempSync(join(tmpdir(), 'guard-test-'));
const basePath = join(dir, 'base.yaml');
writeFileSync(basePath, specText);

function variant(name: string, edit: (spec: Spec) => void): string {
  const spec = parse(specText) as Spec;
  edit(spec);
  const path = join(dir, `${name}.yaml`);
  writeFileSync(path, stringify(spec));
  return path;
}
const props = (spec: Spec, schema: string) => spec.components.schemas[schema]?.properties ?? {};

describe('diffSpecs with Optic', () => {
  it.each([
    [
      'a removed response field',
      (s: Spec) => {
        delete props(s, 'MassMessage').isPinned;
      },
      /isPinned/,
    ],
    [
      'a narrowed type',
      (s: Spec) => {
        (props(s, 'MassMessage').sentCount as { type: string }).type = 'integer';
      },
      /sentCount/,
    ],
    [
      'a new required parameter',
      (s: Spec) => {
        s.paths['/v2/access/mass-messages']?.get.parameters.push({
          name: 'since',
          in: 'query',
          required: true,
          description: 'x',
          schema: { type: 'string' },
        });
      },
      /since/,
    ],
    [
      'a removed path',
      (s: Spec) => {
        delete s.paths['/v2/access/analytics/mass-messages/purchased'];
      },
      /purchased/,
    ],
  ])('flags %s as breaking', { timeout: 300_000 }, (name, edit, mentioned) => {
    const diff = diffSpecs(basePath, variant(name.replaceAll(' ', '-'), edit));
    expect(diff.breaking).toBe(true);
    expect(diff.report).toMatch(mentioned);
    expect(verdict(diff, []).ok).toBe(false);
    expect(verdict(diff, ['major']).ok).toBe(true);
    expect(verdict(diff, ['minor']).ok).toBe(false);
  });

  it('lets an added optional response field through', { timeout: 300_000 }, () => {
    const head = variant('added-optional', (s) => {
      props(s, 'PurchasedMassMessage').campaignName = { type: 'string' };
    });
    const diff = diffSpecs(basePath, head);
    expect(diff.breaking).toBe(false);
    expect(verdict(diff, []).ok).toBe(true);
  });
});

describe('specBumps reads pending changesets', () => {
  it.each([
    ['"@ofauth-mass-messages/spec": major', ['major']],
    ["'@ofauth-mass-messages/spec': minor\n'@ofauth-mass-messages/client': major", ['minor']],
    ['"@ofauth-mass-messages/client": major', []],
  ])('%s', (front, expected) => {
    const changesets = mkdtempSync(join(tmpdir(), 'changesets-'));
    mkdirSync(changesets, { recursive: true });
    writeFileSync(join(changesets, 'README.md'), '# not a changeset\n');
    writeFileSync(join(changesets, 'brave-cats.md'), `---\n${front}\n---\n\nA change.\n`);
    expect(specBumps(changesets)).toEqual(expected);
  });
});
