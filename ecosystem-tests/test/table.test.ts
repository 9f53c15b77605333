import { describe, expect, it } from 'vitest';
import { formatTable, type Row, replaceSection } from '../src/table.ts';

const rows: Row[] = [
  {
    runtime: 'Deno',
    version: 'Deno 2.9.6',
    results: [
      { name: 'a', ok: true, detail: '5 items', ms: 12 },
      { name: 'b', ok: false, detail: 'status 500 | boom', ms: 3 },
    ],
  },
  {
    runtime: 'workerd',
    version: 'workerd 2026-11-17',
    results: [{ name: 'a', ok: true, detail: 'held 3001 ms', note: 'held to timeoutMs', ms: 3001 }],
  },
];

describe('formatTable', () => {
  it('has a row per runtime and a column per case, marks only, for the README', () => {
    expect(formatTable(rows, ['a', 'b'])).toBe(
      [
        '| runtime | version            | a                   | b   |',
        '| ------- | ------------------ | ------------------- | --- |',
        '| Deno    | Deno 2.9.6         | ✓                   | ✗   |',
        '| workerd | workerd 2026-11-17 | ✓ held to timeoutMs | –   |',
        '',
      ].join('\n'),
    );
  });

  it('adds what was seen and how long it took when printed, escaping pipes', () => {
    const table = formatTable(rows, ['a', 'b'], true);

    expect(table).toContain('| ✓ (5 items, 12 ms)');
    expect(table).toContain('| ✗ (status 500 \\| boom, 3 ms) |');
  });
});

describe('replaceSection', () => {
  const readme = 'intro\n<!-- matrix:results -->\nold\n<!-- /matrix:results -->\nafter\n';

  it('replaces what stands between the markers, and nothing else', () => {
    expect(replaceSection(readme, 'matrix:results', 'new\n')).toBe(
      'intro\n<!-- matrix:results -->\nnew\n<!-- /matrix:results -->\nafter\n',
    );
  });

  it('refuses a text without the section', () => {
    expect(() => replaceSection('intro\n', 'matrix:results', 'x')).toThrow(
      'no <!-- matrix:results --> … <!-- /matrix:results --> section',
    );
  });
});
