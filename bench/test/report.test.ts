import { describe, expect, it } from 'vitest';
import { blockNames, replaceBlock } from '../src/report.js';

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
