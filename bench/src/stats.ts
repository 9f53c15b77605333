// Summaries of repeated measurements: on a shared 2-core machine one run says little, so every
// figure is the median of several runs, reported with the range the runs spread over.

export interface Summary {
  /** How many runs the figure summarises. */
  runs: number;
  median: number;
  min: number;
  max: number;
}

/** The middle value (the mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function summarise(values: readonly number[]): Summary {
  if (values.length === 0) throw new RangeError('cannot summarise no runs');
  if (values.some((value) => !Number.isFinite(value))) {
    throw new RangeError(
      `a run produced a value that is not a finite number: ${values.join(', ')}`,
    );
  }
  return {
    runs: values.length,
    median: median(values),
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

/** Runs `fn` `runs` times, one after the other (never in parallel: they would share the cores). */
export async function repeat<T>(runs: number, fn: (run: number) => Promise<T>): Promise<T[]> {
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`runs must be >= 1, got ${runs}`);
  const results: T[] = [];
  for (let run = 0; run < runs; run++) results.push(await fn(run));
  return results;
}

/** Milliseconds `fn` takes, from a monotonic clock. */
export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}
