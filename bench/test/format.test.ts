import { describe, expect, it } from 'vitest';
import {
  bytes,
  count,
  markdownTable,
  micros,
  ms,
  percent,
  seconds,
  spread,
  times,
  wholeMs,
} from '../src/format.js';

describe('units', () => {
  it.each([
    [ms(0.421), '0.42 ms'],
    [ms(12.34), '12.3 ms'],
    [ms(1234.5), '1,235 ms'],
    [wholeMs(0), '< 1 ms'],
    [wholeMs(19), '19 ms'],
    [seconds(28_190), '28.2 s'],
    [micros(0.8561), '856 µs'],
    [count(49_123.4), '49,123'],
    [bytes(5235), '5,235 B'],
    [percent(0.053), '+5.3%'],
    [percent(-0.085), '-8.5%'],
    [times(1.6649), '1.66x'],
  ])('%s', (formatted, expected) => {
    expect(formatted).toBe(expected);
  });
});

describe('spread', () => {
  it('writes the median, then the range', () => {
    expect(spread({ runs: 3, median: 20, min: 10, max: 30 }, wholeMs)).toBe('20 ms (10 ms–30 ms)');
  });

  it.each([
    { runs: 1, median: 5, min: 5, max: 5 },
    { runs: 3, median: 5, min: 5, max: 5 },
  ])('writes the value alone when the runs do not spread (%j)', (summary) => {
    expect(spread(summary, wholeMs)).toBe('5 ms');
  });
});

describe('markdownTable', () => {
  it('writes a header, a rule and one line per row', () => {
    expect(
      markdownTable(
        ['a', 'b'],
        [
          ['1', '2'],
          ['3', '4'],
        ],
      ),
    ).toBe('| a | b |\n| --- | --- |\n| 1 | 2 |\n| 3 | 4 |');
  });

  it('escapes pipes and flattens line breaks, so a cell cannot break the table', () => {
    expect(markdownTable(['x'], [['a|b\nc']])).toBe('| x |\n| --- |\n| a\\|b c |');
  });

  it('refuses a row of the wrong width, naming it', () => {
    expect(() => markdownTable(['a', 'b'], [['1', '2'], ['3']])).toThrow(
      /row 1 has 1 cells, the header has 2/,
    );
  });
});
