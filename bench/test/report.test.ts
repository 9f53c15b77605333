import { describe, expect, it } from 'vitest';
import { markdownTable } from '../src/format.js';
import { blockNames, blockTableRows, mergeTargetRows, replaceBlock } from '../src/report.js';

const document = [
  '# Benchmarks',
  'Prose a person wrote.',
  '<!-- bench:mock -->',
  'old table',
  '<!-- /bench:mock -->',
  'More prose.',
  '<!-- bench:size -->',
  '<!-- /bench:size -->',
  '',
].join('\n');

describe('replaceBlock', () => {
  it('replaces the block and nothing else', () => {
    const out = replaceBlock(document, 'mock', '| new | table |');
    expect(out).toBe(document.replace('old table', '| new | table |'));
  });

  it('fills an empty block', () => {
    const out = replaceBlock(document, 'size', '\n 5 kB \n');
    expect(out).toContain('<!-- bench:size -->\n5 kB\n<!-- /bench:size -->');
  });

  it('gives the same document when run twice with the same content', () => {
    const once = replaceBlock(document, 'mock', 'x');
    expect(replaceBlock(once, 'mock', 'x')).toBe(once);
  });

  it.each([
    ['a missing block', document, 'client', /no <!-- bench:client -->/],
    [
      'a doubled block',
      `${document}<!-- bench:mock -->\n<!-- /bench:mock -->\n`,
      'mock',
      /more than once/,
    ],
    [
      'a block closed before it opens',
      '<!-- /bench:mock -->\n<!-- bench:mock -->',
      'mock',
      /closes the mock block before opening it/,
    ],
    ['an invalid name', document, 'Mock Block', /invalid block name/],
  ])('refuses %s', (_case, text, name, message) => {
    expect(() => replaceBlock(text, name, 'x')).toThrow(message);
  });
});

describe('blockNames', () => {
  it('lists the blocks in order', () => {
    expect(blockNames(document)).toEqual(['mock', 'size']);
  });
});

describe('blockTableRows', () => {
  it('reads back the rows markdownTable wrote, a cell holding a | included', () => {
    const rows = [
      ['mock', 'dataset mode at least 2,000 req/s', '3,564 req/s', 'met'],
      ['size', 'a | b', '4,996 B', 'missed: 1,412 B over'],
    ];
    const written = replaceBlock(document, 'mock', markdownTable(['s', 't', 'm', 'v'], rows));
    expect(blockTableRows(written, 'mock')).toEqual(rows);
  });

  it('reads a table a formatter padded', () => {
    const padded = replaceBlock(
      document,
      'mock',
      ['| a   | b |', '| --- | - |', '| one | 2 |'].join('\n'),
    );
    expect(blockTableRows(padded, 'mock')).toEqual([['one', '2']]);
  });
});

describe('mergeTargetRows', () => {
  const previous = [
    ['size', 'bundle', '3 kB', 'met'],
    ['mock', 'old mock target', '393 req/s', 'missed'],
    ['dev', 'save', '2 s', 'met'],
    ['from a table without the suite column'],
  ];

  it('replaces the rows of the suites that ran and keeps the others, in suite order', () => {
    const ran = new Map([['mock', [['mock', 'new mock target', '3,564 req/s', 'met']]]]);
    expect(mergeTargetRows(previous, ran, ['size', 'mock', 'dev', 'footprint'])).toEqual([
      ['size', 'bundle', '3 kB', 'met'],
      ['mock', 'new mock target', '3,564 req/s', 'met'],
      ['dev', 'save', '2 s', 'met'],
    ]);
  });
});
