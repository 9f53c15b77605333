// `pnpm bench`: runs every suite (or those named with --only), one after the other, and rewrites
// their tables in BENCHMARKS.md. Prints the tables too, and how long each suite took: the whole
// run must stay under 5 minutes on the 2-core machine.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { markdownTable, seconds } from './format.js';
import { currentLoad, describeMachine } from './machine.js';
import { blockTableRows, mergeTargetRows, replaceBlock } from './report.js';
import type { Suite, SuiteResult, TargetCheck } from './suite.js';
import { clientSuite } from './suites/client.js';
import { devSuite } from './suites/dev.js';
import { footprintSuite } from './suites/footprint.js';
import { mockSuite } from './suites/mock.js';
import { pipelineSuite } from './suites/pipeline.js';
import { sizeSuite } from './suites/size.js';
import { typesSuite } from './suites/types.js';

const SUITES: Suite[] = [
  sizeSuite,
  typesSuite,
  clientSuite,
  mockSuite,
  pipelineSuite,
  devSuite,
  footprintSuite,
];
const BUDGET_MS = 5 * 60_000;
const documentPath = new URL('../../BENCHMARKS.md', import.meta.url);

const { values } = parseArgs({ options: { only: { type: 'string' } } });
const wanted = values.only?.split(',').map((name) => name.trim()) ?? SUITES.map((s) => s.name);
const unknown = wanted.filter((name) => !SUITES.some((s) => s.name === name));
if (unknown.length > 0) {
  throw new Error(
    `--only: no suite ${unknown.join(', ')}; suites are ${SUITES.map((s) => s.name).join(', ')}`,
  );
}
const selected = SUITES.filter((s) => wanted.includes(s.name));

const machine = describeMachine();
const started = performance.now();
const results: SuiteResult[] = [];
const took: string[] = [];
for (const suite of selected) {
  const suiteStarted = performance.now();
  console.log(`▶ ${suite.name}`);
  const result = await suite.run();
  const elapsed = performance.now() - suiteStarted;
  took.push(`${suite.name} ${seconds(elapsed)}`);
  console.log(`${result.markdown}\n(${suite.name}: ${seconds(elapsed)})\n`);
  results.push(result);
}
const totalMs = performance.now() - started;
const loadAtEnd = currentLoad();

const stamp = `_Measured ${machine.date}; load average ${machine.loadAverage} when the run started._`;
let document = readFileSync(documentPath, 'utf8');
for (const result of results)
  document = replaceBlock(document, result.block, `${stamp}\n\n${result.markdown}`);

const full = selected.length === SUITES.length;
document = replaceBlock(
  document,
  'machine',
  markdownTable(
    ['date', '`nproc`', 'CPU', 'memory', 'Node', 'load average (1 min) at start → end', 'run took'],
    [
      [
        machine.date,
        String(machine.nproc),
        machine.cpu,
        `${machine.memoryGiB} GiB`,
        machine.node,
        `${machine.loadAverage} → ${loadAtEnd}`,
        `${seconds(totalMs)}${full ? '' : ` (only ${wanted.join(', ')})`}: ${took.join(', ')}`,
      ],
    ],
  ),
);
// The targets table: every suite's targets; a run of some suites rewrites their rows only.
const verdict = (t: TargetCheck) => (t.met ? 'met' : `missed: ${t.gap}`);
const ran = new Map(
  selected.map((suite, i) => [
    suite.name,
    (results[i]?.targets ?? []).map((t) => [suite.name, t.target, t.measured, verdict(t)]),
  ]),
);
const targetRows = mergeTargetRows(
  blockTableRows(document, 'targets'),
  ran,
  SUITES.map((s) => s.name),
);
document = replaceBlock(
  document,
  'targets',
  markdownTable(
    ['suite', 'target (issues 8, 13, 14, 21)', 'measured (median)', 'verdict'],
    targetRows,
  ),
);
const met = targetRows.filter((row) => row[3] === 'met').length;
console.log(
  `${met} of ${targetRows.length} targets met${full ? '' : ` (rows of ${wanted.join(', ')} rewritten, the others from earlier runs)`}`,
);
writeFileSync(documentPath, document);
console.log(`BENCHMARKS.md updated; ${took.join(', ')}; total ${seconds(totalMs)}`);
if (full && totalMs > BUDGET_MS) {
  // The tables are still valid, so the run does not fail; the budget holds on a machine that is
  // not also busy with other work (the load averages above say whether it was).
  console.warn(
    `Warning: the run took ${seconds(totalMs)}, over the 5-minute budget (load average ${machine.loadAverage} → ${loadAtEnd}).`,
  );
}
