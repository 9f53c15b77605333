// BENCHMARKS.md is half prose written by people, half tables written by `pnpm bench`. The tables
// sit between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->` markers; a run replaces what is
// between them and leaves every other line as it was.

function markers(name: string): { open: string; close: string } {
  if (!/^[a-z][a-z0-9-]*$/.test(name))
    throw new Error(`invalid block name ${JSON.stringify(name)}`);
  return { open: `<!-- bench:${name} -->`, close: `<!-- /bench:${name} -->` };
}

/** Replaces the content of block `name`; throws when its markers are missing or doubled. */
export function replaceBlock(document: string, name: string, content: string): string {
  const { open, close } = markers(name);
  const start = document.indexOf(open);
  const end = document.indexOf(close);
  if (start === -1 || end === -1) {
    throw new Error(
      `BENCHMARKS.md has no ${open} … ${close} block to write the ${name} figures in`,
    );
  }
  if (document.indexOf(open, start + 1) !== -1 || document.indexOf(close, end + 1) !== -1) {
    throw new Error(`BENCHMARKS.md has the ${name} block more than once`);
  }
  if (end < start) throw new Error(`BENCHMARKS.md closes the ${name} block before opening it`);
  return `${document.slice(0, start + open.length)}\n${content.trim()}\n${document.slice(end)}`;
}

/** The names of every block in the document, in order. */
export function blockNames(document: string): string[] {
  return [...document.matchAll(/<!-- bench:([a-z][a-z0-9-]*) -->/g)].map((m) => m[1] as string);
}

/** The text of block `name`, between its markers. */
function blockText(document: string, name: string): string {
  const { open, close } = markers(name);
  const start = document.indexOf(open);
  const end = document.indexOf(close);
  if (start === -1 || end === -1 || end < start) return '';
  return document.slice(start + open.length, end);
}

/**
 * The body rows of the Markdown table in block `name` (its header and separator left out), each
 * cell trimmed and unescaped: what markdownTable wrote there, read back.
 */
export function blockTableRows(document: string, name: string): string[][] {
  const lines = blockText(document, name)
    .split('\n')
    .filter((line) => line.trim().startsWith('|'));
  return lines.slice(2).map((line) =>
    line
      .trim()
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim().replaceAll('\\|', '|')),
  );
}

/**
 * The targets table's rows after a run: the rows of every suite that ran are its new ones, the
 * others' stay as the last run left them (`[suite, target, measured, verdict]`), in suite order.
 */
export function mergeTargetRows(
  previous: readonly string[][],
  ran: ReadonlyMap<string, string[][]>,
  order: readonly string[],
): string[][] {
  return order.flatMap(
    (suite) => ran.get(suite) ?? previous.filter((row) => row.length === 4 && row[0] === suite),
  );
}
