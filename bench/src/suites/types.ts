// (5) Types: what the client costs the TypeScript checker in a consumer's project, beside the
// same call typed through openapi-fetch alone: `tsc --extendedDiagnostics` on one small file.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { run } from '@ofauth-mass-messages/pipeline-proof/src/run.js';
import { count, markdownTable, ms, spread } from '../format.js';
import { repeat, summarise } from '../stats.js';
import type { Suite, SuiteResult } from '../suite.js';

const RUNS = 3;
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url));

export interface Diagnostics {
  checkMs: number;
  totalMs: number;
  instantiations: number;
  types: number;
  memoryKB: number;
}

/** Reads the figures out of `tsc --extendedDiagnostics` output; throws on a missing one. */
export function parseDiagnostics(output: string): Diagnostics {
  const field = (label: string, unit: RegExp = /()/) => {
    const match = output.match(new RegExp(`^${label}:\\s+([\\d.]+)${unit.source}`, 'm'));
    if (!match?.[1]) throw new Error(`tsc --extendedDiagnostics printed no "${label}"`);
    return Number(match[1]);
  };
  return {
    checkMs: field('Check time', /s/) * 1000,
    totalMs: field('Total time', /s/) * 1000,
    instantiations: field('Instantiations'),
    types: field('Types'),
    memoryKB: field('Memory used', /K/),
  };
}

async function diagnose(project: string): Promise<Diagnostics[]> {
  return repeat(RUNS, async () => {
    const result = await run(
      process.execPath,
      [tsc, '-p', `${fixtures}${project}`, '--extendedDiagnostics'],
      {
        cwd: fixtures,
      },
    );
    if (result.code !== 0) throw new Error(`tsc -p fixtures/${project} failed:\n${result.output}`);
    return parseDiagnostics(result.output);
  });
}

export const typesSuite: Suite = {
  name: 'types',
  async run(): Promise<SuiteResult> {
    const rows = [
      ['this client', 'tsconfig.client-consumer.json'],
      [
        '`openapi-fetch` alone, typed with the client’s `paths`',
        'tsconfig.openapi-fetch-consumer.json',
      ],
    ] as const;
    const results = [];
    for (const [name, project] of rows) {
      const runs = await diagnose(project);
      const pick = (key: keyof Diagnostics) => summarise(runs.map((r) => r[key]));
      results.push([
        name,
        `\`fixtures/${project.replace('tsconfig.', '').replace('.json', '.ts')}\``,
        spread(pick('checkMs'), ms),
        spread(pick('totalMs'), ms),
        count(pick('instantiations').median),
        count(pick('types').median),
        `${count(pick('memoryKB').median / 1024)} MB`,
      ]);
    }
    const table = markdownTable(
      ['consumer', 'file', 'check time', 'total time', 'instantiations', 'types', 'memory'],
      results,
    );
    const how =
      `\`tsc -p bench/fixtures/<tsconfig> --extendedDiagnostics\` (TypeScript from the workspace catalog, the repo’s strict base config, ` +
      `\`skipLibCheck\`), ${RUNS} runs each; times are median (min–max), counts do not vary. ` +
      'For you: how much the client adds to your editor’s and your CI’s type checking; instantiations are what makes heavy generic types slow.';
    return { block: 'types', markdown: `${table}\n\n${how}`, targets: [] };
  },
};
