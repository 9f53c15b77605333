// The edit table: every everyday spec edit of issue 20, applied in turn to one scratch copy (one
// install, the spec reset with git between edits), and what reached which package: the build,
// the client's types, the client's call, the mock in each mode, the MSW handlers, the proxy, the
// contract checks of the operation, the reference page, and git seeing one edited file. The
// unedited checkout answers first: each check must fail there, or it proves nothing. The table is
// printed (and written to reports/edit-table/table.md) whether or not every row passes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDIT_ROWS } from '../src/edit-rows.js';
import { type Baseline, findings, type RowResult, renderTable, runRow } from '../src/edit-table.js';
import {
  baselineProbe,
  checkProbes,
  PACKAGE_DIR,
  PROBE_DIR,
  probeFile,
  rowProbe,
  runProbeFile,
  writeProbes,
} from '../src/probes.js';
import { repoRoot, ScratchRepo } from '../src/scratch-repo.js';

let repo: ScratchRepo | undefined;
let baseline: Baseline;
const results: RowResult[] = [];
const started = Date.now();

beforeAll(async () => {
  // The unedited checkout, built by this task's dependencies: every row's typed uses and calls.
  const files = writeProbes(
    repoRoot,
    Object.fromEntries(EDIT_ROWS.map((row) => [probeFile(row), rowProbe(row)])),
  );
  const [all] = writeProbes(repoRoot, { 'baseline.mjs': baselineProbe(EDIT_ROWS) }) as [string];
  const [types, run] = await Promise.all([
    checkProbes(repoRoot, files),
    runProbeFile(repoRoot, all),
  ]);
  if (!run.outcomes)
    throw new Error(`the probe failed on the unedited checkout:\n${run.result.output}`);
  baseline = { types, outcomes: run.outcomes };
  repo = await ScratchRepo.create();
});

afterAll(() => {
  const seconds = Math.round((Date.now() - started) / 1000);
  const table = renderTable(results, seconds);
  const dir = join(repoRoot, PACKAGE_DIR, PROBE_DIR);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'table.md'), `${table}\n`);
  console.log(`\n${table}\n`);
  repo?.remove();
});

describe('every everyday spec edit reaches every package', () => {
  it('the probes type-check on the unedited checkout, save for what the edits bring', () => {
    // Only the rows' own files may fail there; the probe runner itself must compile.
    expect(baseline.types.errors.other ?? []).toEqual([]);
  });

  it.each(EDIT_ROWS.map((row) => [row.n, row.title, row] as const))(
    'row %i: %s',
    async (_n, _title, row) => {
      if (!repo) throw new Error('no scratch copy (see beforeAll)');
      const result = await runRow(repo, row, baseline);
      results.push(result);
      expect(findings(result)).toEqual([]);
    },
  );
});
