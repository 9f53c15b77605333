// The contributor docs, checked against the workspace: runnable with Node and npm only, naming
// every public package and explaining every package entry of turbo.json; the README's endpoint
// table, checked against openapi.yaml, so that it cannot drift from the spec.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { publicPackages } from '../scripts/workspace.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const read = (file: string) => readFileSync(`${root}${file}`, 'utf8');

/** The command lines of a Markdown file's sh code blocks, comments left out. */
function shellLines(markdown: string): string[] {
  const blocks = [...markdown.matchAll(/```(?:sh|bash|shell)\n([\s\S]*?)```/g)];
  return blocks
    .flatMap((block) => String(block[1]).split('\n'))
    .map((line) => line.replace(/(^|\s)#.*$/, '').trim())
    .filter(Boolean);
}

describe.each(['README.md', 'CONTRIBUTING.md'])('%s', (file) => {
  it('runs every pnpm command through npx with the pinned pnpm (Node and npm are enough)', () => {
    const lines = shellLines(read(file));
    expect(lines.length).toBeGreaterThan(0);
    // A bare `pnpm` word (not `pnpm@<version>`) needs pnpm installed.
    expect(lines.filter((line) => /(^|[\s;&|(])pnpm(?![@\w-])/.test(line))).toEqual([]);
  });
});

describe('CONTRIBUTING.md', () => {
  const text = read('CONTRIBUTING.md');

  it('names every public package of the workspace', () => {
    const names = publicPackages(root).map(({ manifest }) => String(manifest.name));
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((name) => !text.includes(`\`${name}\``))).toEqual([]);
  });

  it('says why each package entry of turbo.json differs', () => {
    const { tasks } = JSON.parse(read('turbo.json')) as { tasks: Record<string, unknown> };
    const entries = Object.keys(tasks).filter((key) => key.includes('#'));
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.filter((key) => !text.includes(`\`${key}\``))).toEqual([]);
  });
});

/** The operations of openapi.yaml, in document order: `GET /path`, its operationId, deprecated. */
function specOperations(): Array<[string, string, boolean]> {
  const doc = parse(read('packages/spec/openapi.yaml')) as {
    paths: Record<string, Record<string, { operationId?: string; deprecated?: boolean }>>;
  };
  const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    methods
      .filter((method) => item[method])
      .map((method): [string, string, boolean] => [
        `${method.toUpperCase()} ${path}`,
        String(item[method]?.operationId),
        item[method]?.deprecated === true,
      ]),
  );
}

/** The rows of README.md's endpoint table: `GET /path`, its operationId, marked deprecated. */
function readmeEndpoints(markdown: string): Array<[string, string, boolean]> {
  return [...markdown.matchAll(/^\| `([A-Z]+ \/[^`]*)` *\| `(\w+)`([^|]*)\|/gm)].map((row) => [
    String(row[1]),
    String(row[2]),
    /deprecated/i.test(String(row[3])),
  ]);
}

describe('README.md', () => {
  it('lists every operation of openapi.yaml in its endpoint table, in order, the deprecated marked', () => {
    const operations = specOperations();
    expect(operations.length).toBeGreaterThan(0);
    expect(readmeEndpoints(read('README.md'))).toEqual(operations);
  });

  it('reads the table rows: endpoint, operationId, a deprecation note', () => {
    const markdown = [
      '| endpoint | operationId |',
      '| --- | --- |',
      '| `GET /v2/a` | `listA` (deprecated: use `listB`) |',
      '| `GET /v2/b/{id}`  | `listB`                          |',
      'Prose `GET /v2/c` | `listC` |',
    ].join('\n');
    expect(readmeEndpoints(markdown)).toEqual([
      ['GET /v2/a', 'listA', true],
      ['GET /v2/b/{id}', 'listB', false],
    ]);
  });
});

describe('shellLines', () => {
  it('reads the command lines of sh blocks only, without comments', () => {
    const markdown = [
      'Run `pnpm test` (prose).',
      '```sh',
      'npx -y pnpm@1.2.3 install   # a comment naming pnpm',
      '# a whole comment line',
      'pnpm test',
      '```',
      '```json',
      '{ "pnpm": true }',
      '```',
    ].join('\n');
    expect(shellLines(markdown)).toEqual(['npx -y pnpm@1.2.3 install', 'pnpm test']);
  });
});
