import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { driftLines, formatOutputs } from '../scripts/drift-summary.mjs';

const report = JSON.parse(
  readFileSync(new URL('./fixtures/vitest-live-failure.json', import.meta.url), 'utf8'),
);

describe('drift summary for the live-contract issue', () => {
  it('names the operation, JSON path and rule of each failure', () => {
    expect(driftLines(report)).toEqual([
      'listMassMessages: $.list[0].price must be string (rule "type" at #/components/schemas/Price/type)',
    ]);
  });

  it('titles the issue with the first drift and lists them all', () => {
    const out = formatOutputs(['a: $.x must be string', 'b: $.y missing']);
    expect(out).toContain('title=a: $.x must be string (+1 more)\n');
    expect(out).toContain('details<<DRIFT_EOF\na: $.x must be string\nb: $.y missing\nDRIFT_EOF');
  });

  it('still gives a title when the report names no path', () => {
    expect(formatOutputs([])).toContain('title=the live suite failed');
  });
});
