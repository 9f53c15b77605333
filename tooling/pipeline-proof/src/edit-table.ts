// One row of the edit table, on a scratch copy: the spec reset with git, the row's edit applied,
// then what reached which package: one turbo run (build, typecheck and the reference page of
// every package the columns read), the row's probe (tsc over its typed uses, then its call against
// the mock in each mode, the MSW handlers and the proxy), the contract suite filtered to the
// operation, and git's view of the copy. Each cell says what it saw; a cell that did not see what
// the spec says fails the row, with the problems in full.
import { isDeepStrictEqual } from 'node:util';
import type { OpenApiDocument } from '@ofauth-mass-messages/spec';
import { Conformance } from './conformance.js';
import { type ContractRun, runContractChecks } from './contract-run.js';
import {
  type CallOutcome,
  type EditRow,
  MODES,
  type Mode,
  type Shown,
  type Target,
} from './edit-rows.js';
import {
  checkProbes,
  outcomeOf,
  type ProbeResults,
  probeFile,
  rowProbe,
  runProbeFile,
  type TypeCheck,
  writeProbes,
} from './probes.js';
import { readReferencePage } from './reference-page.js';
import type { ScratchRepo, TurboRun } from './scratch-repo.js';

export const SPEC = 'packages/spec/openapi.yaml';
/**
 * The packages the columns read: the contract tests and everything they depend on (spec with its
 * reference page, core, client, mocks, proxy, the validator). The query helpers and the example
 * app are outside the table.
 */
export const TURBO_ARGS = [
  'build',
  'typecheck',
  'docs',
  '--filter=@ofauth-mass-messages/contract-tests...',
  '--continue',
  '--output-logs=errors-only',
];

export const COLUMNS = [
  'build',
  'types',
  'client',
  'mock dataset',
  'mock examples',
  'mock dynamic',
  'MSW',
  'proxy',
  'contract',
  'reference page',
  'git status',
] as const;
export type Column = (typeof COLUMNS)[number];

export interface Cell {
  ok: boolean;
  text: string;
  /** What was wrong, in full (for the findings under the table). */
  problems: string[];
}

export interface RowResult {
  row: EditRow;
  cells: Partial<Record<Column, Cell>>;
  seconds: number;
  /** Where the row's time went, in seconds: the turbo run, the probe (tsc and node), the contract run. */
  phases?: { turbo: number; probe: number; contract: number };
}

/** The unedited repository's answers and types: what every check must not see before an edit. */
export interface Baseline {
  types: TypeCheck;
  outcomes: ProbeResults | undefined;
}

const pass = (text: string): Cell => ({ ok: true, text: `✓ ${text}`, problems: [] });
const fail = (text: string, problems: string[]): Cell => ({
  ok: false,
  text: `✗ ${text}`,
  problems: problems.length > 0 ? problems : [text],
});

const shortTask = (taskId: string) => taskId.replace('@ofauth-mass-messages/', '');

/** The lines of a turbo log that say what failed: compiler errors and thrown errors, by task. */
export function errorLines(output: string): string[] {
  const lines = output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => / error TS\d+:|^\S+:\S+: (?:\w*Error|openapi\.yaml): /.test(line));
  return [...new Set(lines)];
}

/** Build: every task ran; for a removed operation, only the typechecks of its users refuse it. */
export function buildCell(row: EditRow, build: TurboRun): Cell {
  const failed = build.tasks.filter((task) => (task.execution?.exitCode ?? 0) !== 0);
  const refusal = build.output.match(/openapi\.yaml: (.*)/)?.[1];
  if (refusal) return fail(`refused: ${refusal}`, [refusal]);
  if (build.tasks.length === 0) return fail('turbo ran no task', [build.output.slice(-2000)]);
  const why = () => {
    const lines = errorLines(build.output);
    return lines.length > 0 ? lines : [build.output.slice(-4000)];
  };
  if (row.served) {
    return failed.length === 0 && build.code === 0
      ? pass(`${build.tasks.length} tasks`)
      : fail(`failed: ${failed.map((t) => shortTask(t.taskId)).join(', ')}`, why());
  }
  const notTypecheck = failed.filter((task) => task.task !== 'typecheck');
  const names = new RegExp(`\\b${row.operationId}\\b`).test(build.output);
  const where = failed.map((task) => task.package.replace('@ofauth-mass-messages/', ''));
  return failed.length > 0 && notTypecheck.length === 0 && names
    ? pass(`built; typecheck of ${where.join(', ')} refuses ${row.operationId}`)
    : fail(`expected only typechecks to fail, naming ${row.operationId}`, [
        `failed: ${failed.map((t) => t.taskId).join(', ') || 'none'}`,
        ...why(),
      ]);
}

/** Types: the probe compiles (or, for a removed operation, fails naming it) as the row says. */
export function typesCell(row: EditRow, file: string, after: TypeCheck, before: TypeCheck): Cell {
  const errorsAfter = [...(after.errors[file] ?? []), ...(after.errors.other ?? [])];
  const beforeFails = (before.errors[file] ?? []).length > 0;
  const problems: string[] = [];
  if (beforeFails !== (row.types.before === 'fails')) {
    problems.push(
      `before the edit the probe ${beforeFails ? 'failed' : 'compiled'}; expected it to ${row.types.before === 'fails' ? 'fail' : 'compile'}: ${(before.errors[file] ?? []).join(' ')}`,
    );
  }
  if (row.types.after === 'compiles' && errorsAfter.length > 0) problems.push(...errorsAfter);
  if (row.types.after === 'fails') {
    if (errorsAfter.length === 0) problems.push('the probe still compiles');
    const other = errorsAfter.filter((line) => !line.includes(row.operationId));
    if (other.length > 0) problems.push(`errors not naming ${row.operationId}:`, ...other);
  }
  if (problems.length > 0) return fail('not as the spec says', problems);
  const then = row.types.before === 'fails' ? 'failed before' : 'compiled before';
  return row.types.after === 'compiles'
    ? pass(`compiles (${then})`)
    : pass(
        `use refused, ${errorsAfter.length} error${errorsAfter.length === 1 ? '' : 's'} naming it (${then})`,
      );
}

/** Client: the typed call resolved against every target; a removed operation has no method. */
export function clientCell(row: EditRow, outcomes: Partial<Record<Target, CallOutcome>>): Cell {
  const entries = Object.entries(outcomes) as [Target, CallOutcome][];
  const failed = entries.filter(([, outcome]) => !outcome.ok);
  if (entries.length === 0) return fail('no probe outcome', []);
  if (failed.length > 0) {
    return fail(
      `failed in ${failed.map(([target]) => target).join(', ')}`,
      failed.map(([target, outcome]) => `${target}: ${outcome.error}`),
    );
  }
  if (!row.served) {
    const left = entries.filter(
      ([, o]) => (o.value as { method?: string })?.method !== 'undefined',
    );
    return left.length === 0
      ? pass('no method')
      : fail(
          'method still there',
          left.map(([target]) => target),
        );
  }
  return pass(`resolved in ${entries.length}/${entries.length} targets`);
}

/**
 * One target's answer: it keeps to the edited spec (every exchange of an operation the spec has
 * validated), it shows the edit, and where it shows it the unedited answer did not.
 */
export function targetCheck(
  row: EditRow,
  target: Target,
  conformance: Conformance,
  outcome: CallOutcome | undefined,
  before: CallOutcome | undefined,
): Shown {
  if (!outcome) return { problems: [`no outcome for ${target}`], note: 'not run', shown: true };
  const conforms = conformance.check(outcome.exchanges);
  const shown = row.shows(outcome, target, before);
  const problems = [...conforms.problems, ...shown.problems];
  if (row.served && conforms.validated === 0)
    problems.push('no answer of the operation to validate');
  if (row.before === 'differs' && shown.shown) {
    const then = before ? row.shows(before, target, before) : undefined;
    if (!then) problems.push(`no answer from the unedited repository in ${target}`);
    else if (then.problems.length === 0) {
      problems.push(
        `the check passes on the unedited repository too (${then.note}): it proves nothing`,
      );
    }
  }
  return { problems, note: shown.note, shown: shown.shown };
}

const targetCell = (check: Shown): Cell =>
  check.problems.length === 0 ? pass(check.note) : fail(check.note, check.problems);

/** MSW: the handlers in every mode; noted when they answer as the server did in that mode. */
function mswCell(checks: Record<Mode, Shown>, sameAsServer: boolean): Cell {
  const failing = MODES.filter((mode) => checks[mode].problems.length > 0);
  if (failing.length > 0) {
    return fail(
      `${failing.join(', ')}`,
      failing.flatMap((mode) => checks[mode].problems.map((p) => `msw ${mode}: ${p}`)),
    );
  }
  return pass(`${MODES.length} modes${sameAsServer ? ', as the server answered' : ''}`);
}

export function contractCell(row: EditRow, contract: ContractRun): Cell {
  const { passed, failed, failures } = contract;
  const counts = `mock ${passed.mock} · MSW ${passed.MSW} · proxy ${passed.proxy}`;
  const anyFailed = failed.mock + failed.MSW + failed.proxy > 0 || failures.length > 0;
  if (!row.contractChecks) {
    const total = passed.mock + passed.MSW + passed.proxy;
    return total === 0 && !anyFailed
      ? pass('no checks of it left')
      : fail(`${total} checks of it left`, failures);
  }
  const missing = (['mock', 'MSW', 'proxy'] as const).filter((suite) => passed[suite] === 0);
  if (anyFailed || missing.length > 0) {
    return fail(`${counts}${missing.length ? `; none on ${missing.join(', ')}` : ''}`, [
      ...(missing.length
        ? [`the contract suite has no passing check of ${row.operationId} on ${missing.join(', ')}`]
        : []),
      ...failures,
    ]);
  }
  return pass(counts);
}

export function referencePageCell(row: EditRow, repoDir: string): Cell {
  const { page, bundle } = readReferencePage(repoDir);
  if (page instanceof Error) return fail(page.message, [page.message]);
  if (!isDeepStrictEqual(page, bundle)) {
    return fail('stale', ['the page does not render the bundle built from the edited spec']);
  }
  const problems = row.inDocument(page);
  return problems.length === 0
    ? pass(row.served ? 'documents the edit' : 'operation gone')
    : fail('edit missing', problems);
}

export function gitStatusCell(porcelain: string): Cell {
  const lines = porcelain.trimEnd().split('\n').filter(Boolean);
  return lines.length === 1 && lines[0] === ` M ${SPEC}`
    ? pass('M openapi.yaml, only')
    : fail(`${lines.length} entries`, lines);
}

/** Applies a row's edit to the scratch copy (the spec reset first) and fills its cells. */
export async function runRow(
  repo: ScratchRepo,
  row: EditRow,
  baseline: Baseline,
): Promise<RowResult> {
  const started = Date.now();
  const cells: Partial<Record<Column, Cell>> = {};
  const phases = { turbo: 0, probe: 0, contract: 0 };
  const timed = async <T>(phase: keyof typeof phases, work: () => Promise<T>): Promise<T> => {
    const from = Date.now();
    try {
      return await work();
    } finally {
      phases[phase] += Math.round((Date.now() - from) / 1000);
    }
  };
  const result = () => ({
    row,
    cells,
    seconds: Math.round((Date.now() - started) / 1000),
    phases,
  });
  repo.git(['checkout', '--', SPEC]);
  repo.write(SPEC, row.edit(repo.read(SPEC)));

  const build = await timed('turbo', () => repo.turbo(TURBO_ARGS));
  cells.build = buildCell(row, build);
  const specBuilt = build.tasks.some(
    (task) => task.taskId === '@ofauth-mass-messages/spec#build' && task.execution?.exitCode === 0,
  );
  if (!specBuilt) return result();
  cells['reference page'] = referencePageCell(row, repo.dir);

  const [file] = writeProbes(repo.dir, { [probeFile(row)]: rowProbe(row) }) as [string];
  const types = await timed('probe', () => checkProbes(repo.dir, [file]));
  cells.types = typesCell(row, file, types, baseline.types);

  const probe = await timed('probe', () => runProbeFile(repo.dir, file));
  const outcomes: Partial<Record<Target, CallOutcome>> = {};
  for (const target of Object.keys(probe.outcomes ?? {}) as Target[]) {
    const outcome = outcomeOf(probe.outcomes, row, target);
    if (outcome) outcomes[target] = outcome;
  }
  if (!probe.outcomes) {
    cells.client = fail('the probe did not run', [probe.result.output.slice(-4000)]);
  } else {
    cells.client = clientCell(row, outcomes);
    const conformance = new Conformance(
      JSON.parse(repo.read('packages/spec/dist/openapi.json')) as OpenApiDocument,
    );
    const check = (target: Target) =>
      targetCheck(
        row,
        target,
        conformance,
        outcomes[target],
        outcomeOf(baseline.outcomes, row, target),
      );
    for (const mode of MODES) cells[`mock ${mode}`] = targetCell(check(`mock ${mode}`));
    const same = MODES.every((mode) =>
      isDeepStrictEqual(outcomes[`msw ${mode}`]?.value, outcomes[`mock ${mode}`]?.value),
    );
    cells.MSW = mswCell(
      Object.fromEntries(MODES.map((mode) => [mode, check(`msw ${mode}`)])) as Record<Mode, Shown>,
      same,
    );
    cells.proxy = targetCell(check('proxy'));
  }

  const contract = await timed('contract', () => runContractChecks(repo.dir, row.operationId));
  cells.contract = contractCell(row, contract);
  cells['git status'] = gitStatusCell(repo.git(['status', '--porcelain']));
  return result();
}

/** The cells that failed, as lines naming the row and the column. */
export function findings(result: RowResult): string[] {
  return Object.entries(result.cells)
    .filter(([, cell]) => !cell.ok)
    .map(
      ([column, cell]) =>
        `row ${result.row.n} (${result.row.title}), ${column}: ${cell.text}\n${cell.problems
          .map((p) => `    ${p.replaceAll('\n', '\n    ')}`)
          .join('\n')}`,
    );
}

/** The table as Markdown, every row's cells (a column not reached: `–`), then the findings. */
export function renderTable(results: readonly RowResult[], seconds: number): string {
  const header = ['#', 'edit', ...COLUMNS, 'time'];
  const lines = [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...results.map(
      (result) =>
        `| ${[
          String(result.row.n),
          result.row.title,
          ...COLUMNS.map((column) => result.cells[column]?.text ?? '–'),
          `${result.seconds} s`,
        ]
          .map((text) => text.replaceAll('|', '\\|'))
          .join(' | ')} |`,
    ),
  ];
  const found = results.flatMap(findings);
  return [
    ...lines,
    '',
    `${results.length} edit${results.length === 1 ? '' : 's'} in ${Math.floor(seconds / 60)} min ${seconds % 60} s.`,
    ...(results.some((result) => result.phases)
      ? [
          `Seconds per row in the turbo run · the probe (tsc, node) · the contract run: ${results
            .map(({ row, phases }) =>
              phases ? `${row.n}: ${phases.turbo} · ${phases.probe} · ${phases.contract}` : '',
            )
            .filter(Boolean)
            .join('; ')}.`,
        ]
      : []),
    ...(found.length > 0 ? ['', 'Findings:', ...found] : []),
  ].join('\n');
}
