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
