// (7) Install footprints: what `npm install` of each published package brings, from the packed
// tarballs (bench/src/footprint.ts): the client, the proxy, the mocks (createMockFetch, and the
// MSW handlers with the msw the app brings) and the mock server (Prism's validator and the CLI).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packPublicPackages } from '@ofauth-mass-messages/pipeline-proof/src/consumer-project.js';
import { type Footprint, installFootprint } from '../footprint.js';
import { count, markdownTable } from '../format.js';
import type { Suite, SuiteResult, TargetCheck } from '../suite.js';

const SCOPE = '@ofauth-mass-messages';
/** The msw range the mocks package accepts as its peer (what an app using the handlers installs). */
const MSW_RANGE = (
  JSON.parse(
    readFileSync(new URL('../../../packages/mocks/package.json', import.meta.url), 'utf8'),
  ) as {
    peerDependencies: Record<string, string>;
  }
).peerDependencies.msw as string;

/** Packages that validate a body against a schema, or fake data: what a lean install leaves out. */
const PRISM_OR_FAKER = /^(@stoplight\/|@faker-js\/|json-schema-faker$)/;
const VALIDATOR = /^(ajv|ajv-formats|@seriousme\/openapi-schema-validator)$|^@stoplight\//;

interface Row {
  install: string;
  forWhat: string;
  footprint: Footprint;
}

const mb = (bytes: number) =>
  bytes < 1e6 ? `${Math.round(bytes / 1e3)} kB` : `${(bytes / 1e6).toFixed(1)} MB`;

function heaviest(footprint: Footprint): string {
  return footprint.heaviest.map(([name, bytes]) => `${name} ${mb(bytes)}`).join(', ');
}

export const footprintSuite: Suite = {
  name: 'footprint',
  async run(): Promise<SuiteResult> {
    const dir = mkdtempSync(join(tmpdir(), 'bench-footprint-'));
    const rows: Row[] = [];
    try {
      const tarballs = await packPublicPackages(dir);
      const installs: [string, string, Record<string, string>, string][] = [
        [`${SCOPE}/client`, '', {}, 'an app calling the API'],
        [`${SCOPE}/proxy`, '', {}, 'a server that keeps the key off browsers'],
        [`${SCOPE}/mocks`, '', {}, '`createMockFetch` in tests or a Worker'],
        [
          `${SCOPE}/mocks`,
          ` + msw@${MSW_RANGE}`,
          { msw: MSW_RANGE },
          'the MSW handlers (msw is the app’s own peer)',
        ],
        [
          `${SCOPE}/mock-server`,
          '',
          {},
          'the mock server and `ofauth-mock`, Prism checking every answer',
        ],
      ];
      for (const [name, suffix, extra, forWhat] of installs) {
        rows.push({
          install: `\`${name}\`${suffix}`,
          forWhat,
          footprint: await installFootprint(name, tarballs, extra),
        });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const table = markdownTable(
      ['`npm install`', 'packages', 'node_modules (files)', 'on disk', 'heaviest', 'for'],
      rows.map((row) => [
        row.install,
        count(row.footprint.packages),
        mb(row.footprint.bytes),
        mb(row.footprint.disk),
        heaviest(row.footprint),
        row.forWhat,
      ]),
    );
    const how =
      'Each public package packed with `pnpm pack` (as published; its workspace dependencies from their tarballs too), ' +
      'installed with `npm install --omit=dev` into a fresh project outside the workspace; packages are the entries of ' +
      'npm’s `node_modules/.package-lock.json` (nested ones included); node_modules is the sum of its files’ sizes, ' +
      'on disk the blocks its files and folders take (what `du` counts; 1 MB = 10⁶ B). One run each: an install is deterministic for a given registry state.';
    const byName = (install: string) => rows.find((row) => row.install === install)?.footprint;
    const targets: TargetCheck[] = [];
    const lean = (install: string, what: string, banned: RegExp) => {
      const found = byName(install)?.names.filter((name) => banned.test(name)) ?? [
        '(not measured)',
      ];
      targets.push({
        target: `${install} installs no ${what}`,
        measured: found.length === 0 ? 'none' : found.join(', '),
        met: found.length === 0,
        ...(found.length === 0 ? {} : { gap: `${found.length} of them` }),
      });
    };
    lean(`\`${SCOPE}/mocks\``, 'Prism and no faker', PRISM_OR_FAKER);
    lean(`\`${SCOPE}/client\``, 'validator', VALIDATOR);
    lean(`\`${SCOPE}/proxy\``, 'validator', VALIDATOR);
    return { block: 'footprint', markdown: `${table}\n\n${how}`, targets };
  },
};
