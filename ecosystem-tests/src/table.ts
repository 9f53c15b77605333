// The matrix's results as a Markdown table (runtime × case), printed by the run and written into
// the package README between its `<!-- matrix:results -->` markers. Only what is the same from
// run to run goes into the README (✓, ✗ and the notes); the printed table adds each detail.
import type { CaseResult } from './cases.ts';

export interface Row {
  runtime: string;
  /** Where it ran: `Deno 2.9.6`, `Next.js 16.4.6 on Node v20.20.2`. */
  version: string;
  results: CaseResult[];
}

/** A cell's text: a pipe escaped, a line break read as a space. */
const cellText = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** A case's cell: ✓ (or its note, such as "cancelled"), else ✗; with `detail`, what was seen. */
function cell(result: CaseResult | undefined, detail: boolean): string {
  if (!result) return '–';
  const mark = result.ok ? `✓${result.note ? ` ${result.note}` : ''}` : '✗';
  return cellText(detail ? `${mark} (${result.detail}, ${result.ms} ms)` : mark);
}

/**
 * The table: one row per runtime, one column per case, in `cases` order; each column padded to
 * its widest cell, as the repository's formatter lays out a Markdown table, so that the README it
 * is written into stays formatted.
 */
export function formatTable(rows: Row[], cases: readonly string[], detail = false): string {
  const header = ['runtime', 'version', ...cases];
  const body = rows.map((row) => [
    cellText(row.runtime),
    cellText(row.version),
    ...cases.map((name) =>
      cell(
        row.results.find((result) => result.name === name),
        detail,
      ),
    ),
  ]);
  const width = (text: string) => [...text].length;
  const widths = header.map((name, i) =>
    Math.max(3, width(name), ...body.map((cells) => width(cells[i] ?? ''))),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((text, i) => text + ' '.repeat((widths[i] ?? 0) - width(text))).join(' | ')} |`;
  const rule = `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`;
  return `${[line(header), rule, ...body.map(line)].join('\n')}\n`;
}

/** `text` with what stands between `<!-- name -->` and `<!-- /name -->` replaced by `content`. */
export function replaceSection(text: string, name: string, content: string): string {
  const open = `<!-- ${name} -->`;
  const close = `<!-- /${name} -->`;
  const start = text.indexOf(open);
  const end = text.indexOf(close);
  if (start < 0 || end < start) throw new Error(`no ${open} … ${close} section`);
  return `${text.slice(0, start + open.length)}\n${content}${text.slice(end)}`;
}
