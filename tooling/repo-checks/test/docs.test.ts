// The contributor docs, checked against the workspace: runnable with Node and npm only, naming
// every public package and explaining every package entry of turbo.json.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
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
