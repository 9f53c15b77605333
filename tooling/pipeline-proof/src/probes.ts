// The edit table's probes: per row, one checked-JavaScript file that uses the client as a consumer
// would (the row's typed uses and its call) and runs the call against every target through
// probe/run-probe.mjs; written under the package's reports/ (ignored by git and biome), in the
// scratch copy or in the checkout itself (the unedited repository, for what each check must not
// see before the edit). tsc checks them; node runs them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CallOutcome, EditRow, Target } from './edit-rows.js';
import { type RunResult, run } from './run.js';

/** The package, relative to a repository's root. */
export const PACKAGE_DIR = 'tooling/pipeline-proof';
/** Where the probes are written, relative to the package (`reports/` is ignored by git and biome). */
export const PROBE_DIR = 'reports/edit-table';

export const probeFile = (row: EditRow) => `row-${row.n}.mjs`;
const callName = (row: EditRow) => `row${row.n}`;

/** One row's probe: its typed uses, then its call against every target. */
export function rowProbe(row: EditRow): string {
  return `// @ts-check
// Written by the pipeline proof's edit table, row ${row.n}: ${row.title}.
import { runProbe } from '../../probe/run-probe.mjs';

${row.types.source}

await runProbe({ ${callName(row)}: ${row.call} });
`;
}

/**
 * Every row's call in one run, for the unedited repository (not type-checked: the operations the
 * edits add are not there yet, and their calls fail, which is what the table compares with).
 */
export function baselineProbe(rows: readonly EditRow[]): string {
  return `// Written by the pipeline proof's edit table: every row's call, before any edit.
import { runProbe } from '../../probe/run-probe.mjs';

await runProbe({
${rows.map((row) => `  ${callName(row)}: ${row.call.replaceAll('\n', '\n  ')},`).join('\n')}
});
`;
}

/** Writes probe files into a repository's package; returns their paths relative to the package. */
export function writeProbes(repoDir: string, files: Record<string, string>): string[] {
  const dir = join(repoDir, PACKAGE_DIR, PROBE_DIR);
  mkdirSync(dir, { recursive: true });
  return Object.entries(files).map(([name, text]) => {
    writeFileSync(join(dir, name), text);
    return join(PROBE_DIR, name);
  });
}

export interface TypeCheck {
  /** Exit code of tsc. */
  code: number;
  /** Error lines by probe file (relative to the package); other files' errors under `other`. */
  errors: Record<string, string[]>;
  output: string;
}

/** tsc, strict checked JavaScript, over probe files of a repository's package (no emit). */
export async function checkProbes(repoDir: string, files: readonly string[]): Promise<TypeCheck> {
  const cwd = join(repoDir, PACKAGE_DIR);
  const result = await run(
    process.execPath,
    [
      join(cwd, 'node_modules/typescript/bin/tsc'),
      '--noEmit',
      '--allowJs',
      '--checkJs',
      '--strict',
      '--skipLibCheck',
      '--target',
      'es2022',
      '--module',
      'nodenext',
      '--moduleResolution',
      'nodenext',
      '--types',
      'node',
      ...files,
    ],
    { cwd, timeoutMs: 300_000 },
  );
  const errors: Record<string, string[]> = {};
  for (const line of result.output.split('\n')) {
    const match = line.match(/^(.+?)\(\d+,\d+\): error TS\d+: /);
    if (!match) continue;
    const file = relative(cwd, join(cwd, match[1] as string));
    const key = files.includes(file) ? file : 'other';
    errors[key] = [...(errors[key] ?? []), line.trim()];
  }
  return { code: result.code, errors, output: result.output };
}

export type ProbeResults = Partial<Record<Target, Record<string, CallOutcome>>>;

/** Runs a probe file with node; its last line of output is the outcomes. */
export async function runProbeFile(
  repoDir: string,
  file: string,
): Promise<{ result: RunResult; outcomes?: ProbeResults }> {
  const cwd = join(repoDir, PACKAGE_DIR);
  const result = await run(process.execPath, [file], { cwd, timeoutMs: 300_000 });
  const last = result.output.trim().split('\n').at(-1) ?? '';
  try {
    return { result, outcomes: JSON.parse(last) as ProbeResults };
  } catch {
    return { result };
  }
}

/** A row's outcome in one target of a probe run. */
export const outcomeOf = (results: ProbeResults | undefined, row: EditRow, target: Target) =>
  results?.[target]?.[callName(row)];
