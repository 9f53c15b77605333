// How figures are written in BENCHMARKS.md: one place, so every table reads the same way.
import type { Summary } from './stats.js';

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Milliseconds, with a precision that suits the size (0.42 ms, 12.3 ms, 1,234 ms). */
export function ms(value: number): string {
  if (value < 1) return `${value.toFixed(2)} ms`;
  if (value < 100) return `${value.toFixed(1)} ms`;
  return `${grouped.format(value)} ms`;
}

/** Latencies counted in whole milliseconds (autocannon's resolution): 0 means under 1 ms. */
export function wholeMs(value: number): string {
  return value < 1 ? '< 1 ms' : `${grouped.format(value)} ms`;
}

/** Seconds for long durations (pipeline runs). */
export function seconds(valueMs: number): string {
  return `${(valueMs / 1000).toFixed(1)} s`;
}

/** Microseconds, for per-request costs. */
export function micros(valueMs: number): string {
  return `${grouped.format(valueMs * 1000)} µs`;
}

export function count(value: number): string {
  return grouped.format(value);
}

export function bytes(value: number): string {
  return `${grouped.format(value)} B`;
}

export function percent(ratio: number): string {
  const value = ratio * 100;
  return `${value >= 0 ? '+' : ''}${value.toFixed(1)}%`;
}

export function times(ratio: number): string {
  return `${ratio.toFixed(2)}x`;
}

/** "median (min–max)" in the given unit. */
export function spread(summary: Summary, unit: (value: number) => string): string {
  if (summary.runs === 1 || summary.min === summary.max) return unit(summary.median);
  return `${unit(summary.median)} (${unit(summary.min)}–${unit(summary.max)})`;
}

/** A GitHub-flavoured Markdown table; `|` in a cell is escaped so it cannot split the row. */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  for (const [index, row] of rows.entries()) {
    if (row.length !== header.length) {
      throw new Error(
        `table row ${index} has ${row.length} cells, the header has ${header.length}`,
      );
    }
  }
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell) => cell.replaceAll('|', '\\|').replaceAll('\n', ' ')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
