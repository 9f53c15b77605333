import { describe, expect, it } from 'vitest';
import { formatTable } from '../src/table.js';

describe('formatTable', () => {
  it('pads every column to its widest cell', () => {
    expect(
      formatTable(
        ['package', 'v'],
        [
          ['@a/client', '0.1.1'],
          ['@a/q', ''],
        ],
      ),
    ).toBe(
      [
        '| package   | v     |',
        '| --------- | ----- |',
        '| @a/client | 0.1.1 |',
        '| @a/q      |       |',
      ].join('\n'),
    );
  });
});
