// The edit table's cells, on made-up outcomes: each passes on what the spec says and fails, with
// the reason, on what it does not. (The table itself runs in the second tier, on a scratch copy.)

import { readDocument } from '@ofauth-mass-messages/spec/node';
import { describe, expect, it } from 'vitest';
import { Conformance } from '../src/conformance.js';
import { type CallOutcome, EDIT_ROWS, type EditRow } from '../src/edit-rows.js';
import {
  buildCell,
  type Cell,
  clientCell,
  contractCell,
  errorLines,
  gitStatusCell,
  renderTable,
  SPEC,
  targetCheck,
  typesCell,
} from '../src/edit-table.js';
import type { TurboRun } from '../src/scratch-repo.js';

const row = (n: number) => EDIT_ROWS.find((r) => r.n === n) as EditRow;
const task = (taskId: string, exitCode = 0) => {
  const [pkg, name] = taskId.split('#') as [string, string];
  return {
    taskId,
    package: pkg,
    task: name,
    cache: { status: 'MISS' as const },
    execution: { exitCode },
  };
};
const turbo = (code: number, tasks: ReturnType<typeof task>[], output = ''): TurboRun => ({
  code,
  output,
  tasks,
});
const ok = (cell: Cell) => cell.ok;

describe('build', () => {
  it('passes a run of every task, fails one that failed a task, naming its errors', () => {
    expect(ok(buildCell(row(1), turbo(0, [task('@ofauth-mass-messages/spec#build')])))).toBe(true);
    const broken = buildCell(
      row(1),
      turbo(
        1,
        [task('@ofauth-mass-messages/client#typecheck', 2)],
        [
          '@ofauth-mass-messages/client:typecheck: test/x.ts(1,2): error TS2344: Type mismatch.',
          '@ofauth-mass-messages/client:typecheck:  ELIFECYCLE  Command failed.',
        ].join('\n'),
      ),
    );
    expect(broken).toMatchObject({ ok: false, text: '✗ failed: client#typecheck' });
    expect(broken.problems).toEqual([
      '@ofauth-mass-messages/client:typecheck: test/x.ts(1,2): error TS2344: Type mismatch.',
    ]);
  });

  it('fails on the spec build’s refusal, quoting it', () => {
    const refused = buildCell(
      row(7),
      turbo(
        1,
        [task('@ofauth-mass-messages/spec#build', 1)],
        '@ofauth-mass-messages/spec:build: openapi.yaml: listX (GET /x): it is a POST.',
      ),
    );
    expect(refused).toMatchObject({ ok: false, text: '✗ refused: listX (GET /x): it is a POST.' });
  });

  it('for a removed operation, passes only when typechecks alone refuse it by name', () => {
    const users = [
      task('@ofauth-mass-messages/spec#build'),
      task('@ofauth-mass-messages/client#typecheck', 2),
    ];
    expect(
      ok(buildCell(row(9), turbo(1, users, 'client: error TS2339: listPurchasedMassMessages'))),
    ).toBe(true);
    expect(ok(buildCell(row(9), turbo(1, users, 'client: error TS2339: something else')))).toBe(
      false,
    );
    expect(ok(buildCell(row(9), turbo(0, [task('@ofauth-mass-messages/spec#build')])))).toBe(false);
    const builds = [...users, task('@ofauth-mass-messages/mocks#build', 1)];
    expect(ok(buildCell(row(9), turbo(1, builds, 'listPurchasedMassMessages')))).toBe(false);
  });

  it('reads compiler errors and thrown errors out of a turbo log', () => {
    expect(
      errorLines(
        [
          '@ofauth-mass-messages/client:generate: Error: fixtures/shapes.yaml: the spec already has it',
          '@ofauth-mass-messages/client:generate:     at withShapes (file:///x.mjs:37:15)',
          'a.ts(1,1): error TS2304: Cannot find name.',
          'a.ts(1,1): error TS2304: Cannot find name.',
        ].join('\n'),
      ),
    ).toEqual([
      '@ofauth-mass-messages/client:generate: Error: fixtures/shapes.yaml: the spec already has it',
      'a.ts(1,1): error TS2304: Cannot find name.',
    ]);
  });
});

describe('types', () => {
  const file = 'reports/edit-table/row-1.mjs';
  const check = (errors: Record<string, string[]>) => ({ code: 0, errors, output: '' });
  const failing = check({ [file]: ['row-1.mjs(6,48): error TS2339: no campaignName'] });

  it('passes a probe that failed before the edit and compiles after it', () => {
    expect(typesCell(row(1), file, check({}), failing)).toMatchObject({
      ok: true,
      text: '✓ compiles (failed before)',
    });
  });

  it('fails a probe that compiled before the edit too (it proves nothing), or fails after it', () => {
    expect(ok(typesCell(row(1), file, check({}), check({})))).toBe(false);
    expect(ok(typesCell(row(1), file, failing, failing))).toBe(false);
  });

  it('fails when the probe runner itself does not compile', () => {
    expect(ok(typesCell(row(1), file, check({ other: ['run-probe.mjs: error'] }), failing))).toBe(
      false,
    );
  });

  it('for a removed operation, passes only errors that name it', () => {
    const f = 'reports/edit-table/row-9.mjs';
    const named = check({ [f]: ['error TS2339: listPurchasedMassMessages does not exist'] });
    const other = check({ [f]: ['error TS2339: listPurchasedMassMessages', 'error TS2304: x'] });
    expect(ok(typesCell(row(9), f, named, check({})))).toBe(true);
    expect(ok(typesCell(row(9), f, other, check({})))).toBe(false);
    expect(ok(typesCell(row(9), f, check({}), check({})))).toBe(false);
  });
});

describe('client', () => {
  const resolved: CallOutcome = { ok: true, value: { list: [] }, exchanges: [] };
  it('passes calls that resolved everywhere; fails, naming the target, one that threw', () => {
    expect(ok(clientCell(row(1), { 'mock dataset': resolved, proxy: resolved }))).toBe(true);
    const failed = clientCell(row(1), {
      'mock dataset': resolved,
      proxy: { ok: false, error: 'TypeError: no method', exchanges: [] },
    });
    expect(failed).toMatchObject({ ok: false, problems: ['proxy: TypeError: no method'] });
  });

  it('for a removed operation, passes only when the method is gone everywhere', () => {
    const gone: CallOutcome = { ok: true, value: { method: 'undefined' }, exchanges: [] };
    const there: CallOutcome = { ok: true, value: { method: 'function' }, exchanges: [] };
    expect(ok(clientCell(row(9), { 'mock dataset': gone, 'msw dataset': gone }))).toBe(true);
    expect(ok(clientCell(row(9), { 'mock dataset': gone, 'msw dataset': there }))).toBe(false);
  });
});

describe('a target’s answer', () => {
  const conformance = new Conformance(readDocument());
  const page = (items: Record<string, unknown>[]): CallOutcome => ({
    ok: true,
    value: { list: items, hasMore: false },
    exchanges: [
      {
        method: 'GET',
        url: '/v2/access/mass-messages?limit=20',
        status: 200,
        body: { list: items, hasMore: false },
      },
    ],
  });
  const message = { id: 1, text: 't', fromUser: { id: 2, name: 'n' }, media: [], previews: [] };

  it('passes an answer that keeps to the spec and shows the edit the unedited one lacked', () => {
    const after = page([{ ...message, campaignName: 'c' }]);
    expect(targetCheck(row(1), 'mock dataset', conformance, after, page([message]))).toMatchObject({
      problems: [],
      note: 'campaignName in 1/1',
    });
  });

  it('fails a check the unedited answer passes too: it would prove nothing', () => {
    const after = page([{ ...message, campaignName: 'c' }]);
    expect(targetCheck(row(1), 'mock dataset', conformance, after, after).problems).toEqual([
      'the check passes on the unedited repository too (campaignName in 1/1): it proves nothing',
    ]);
  });

  it('fails an answer that breaks the spec, naming the path and rule', () => {
    const broken = page([{ ...message, id: 'one', campaignName: 'c' }]);
    const [problem] = targetCheck(
      row(1),
      'mock dataset',
      conformance,
      broken,
      page([message]),
    ).problems;
    expect(problem).toMatch(
      /^200 to GET \/v2\/access\/mass-messages\?limit=20 breaks the spec:\nlistMassMessages: \$\.list\[0\]\.id must be integer/,
    );
  });

  it('fails an answer with nothing of the operation to validate', () => {
    const none: CallOutcome = {
      ok: true,
      value: { list: [{ ...message, campaignName: 'c' }] },
      exchanges: [],
    };
    expect(
      targetCheck(row(1), 'mock dataset', conformance, none, page([message])).problems,
    ).toEqual(['no answer of the operation to validate']);
  });
});

describe('contract', () => {
  const counts = (mock: number, MSW: number, proxy: number) => ({ mock, MSW, proxy });
  const runOf = (passed: ReturnType<typeof counts>, failures: string[] = []) => ({
    code: failures.length ? 1 : 0,
    passed,
    failed: counts(failures.length, 0, 0),
    failures,
    output: '',
  });

  it('passes checks of the operation on every target, and says how many', () => {
    expect(contractCell(row(1), runOf(counts(54, 54, 16)))).toMatchObject({
      ok: true,
      text: '✓ mock 54 · MSW 54 · proxy 16',
    });
  });

  it('fails a target with no check of the operation, or a failed check', () => {
    expect(contractCell(row(8), runOf(counts(0, 0, 0))).problems[0]).toBe(
      'the contract suite has no passing check of getMassMessagesChart on mock, MSW, proxy',
    );
    expect(ok(contractCell(row(1), runOf(counts(54, 54, 16), ['x: failed'])))).toBe(false);
  });

  it('for a removed operation, passes only when no check of it is left', () => {
    expect(ok(contractCell(row(9), runOf(counts(0, 0, 0))))).toBe(true);
    expect(ok(contractCell(row(9), runOf(counts(1, 0, 0))))).toBe(false);
  });
});

describe('git status', () => {
  it('passes the edited spec alone', () => {
    expect(ok(gitStatusCell(` M ${SPEC}\n`))).toBe(true);
  });

  it('fails anything else: another file, an untracked one, nothing', () => {
    expect(gitStatusCell(` M ${SPEC}\n?? packages/client/probe.ts\n`)).toMatchObject({
      ok: false,
      problems: [` M ${SPEC}`, '?? packages/client/probe.ts'],
    });
    expect(ok(gitStatusCell(''))).toBe(false);
  });
});

describe('the printed table', () => {
  it('has a line per row, a dash for a column not reached, the time, and the findings', () => {
    const text = renderTable(
      [
        {
          row: row(1),
          cells: { build: { ok: false, text: '✗ failed: a|b', problems: ['a|b broke'] } },
          seconds: 61,
        },
      ],
      725,
    );
    const [header, , line] = text.split('\n');
    expect(header).toMatch(
      /^\| # \| edit \| build \| types \| client \| mock dataset .* \| time \|$/,
    );
    expect(line).toBe(
      `| 1 | ${row(1).title} | ✗ failed: a\\|b | – | – | – | – | – | – | – | – | – | – | 61 s |`,
    );
    expect(text).toContain('1 edit in 12 min 5 s.');
    expect(
      renderTable(
        [{ row: row(2), cells: {}, seconds: 90, phases: { turbo: 60, probe: 9, contract: 21 } }],
        90,
      ),
    ).toContain('the contract run: 2: 60 · 9 · 21.');
    expect(text).toContain(
      'row 1 (a required field (MassMessage.campaignName)), build: ✗ failed: a|b\n    a|b broke',
    );
  });
});
