// What every benchmark suite hands back: the Markdown of its block in BENCHMARKS.md and its
// figures held against the targets.

export interface TargetCheck {
  /** The target as the issue states it. */
  target: string;
  /** The figure it is held against, formatted. */
  measured: string;
  met: boolean;
  /** When missed: by how much, in words ("4.2 points over", "0.3x short"). */
  gap?: string;
}

export interface SuiteResult {
  /** The block name in BENCHMARKS.md (`<!-- bench:NAME -->`). */
  block: string;
  markdown: string;
  targets: TargetCheck[];
}

export interface Suite {
  name: string;
  run(): Promise<SuiteResult>;
}

/** How a target writes its figure, and its gap when missed (default: the figure's unit, with the gap relative to the bound). */
export interface TargetFormat {
  show: (value: number) => string;
  gap?: (difference: number) => string;
}

/** A target on an upper bound (`measured` must stay below `limit`). */
export function atMost(
  target: string,
  measured: number,
  limit: number,
  { show, gap }: TargetFormat,
): TargetCheck {
  const met = measured < limit;
  if (met) return { target, measured: show(measured), met };
  const relative = `${((measured / limit - 1) * 100).toFixed(0)}% above the limit`;
  return {
    target,
    measured: show(measured),
    met,
    gap: gap ? gap(measured - limit) : `${show(measured - limit)} over (${relative})`,
  };
}

/** A target on a lower bound (`measured` must reach `floor`). */
export function atLeast(
  target: string,
  measured: number,
  floor: number,
  { show, gap }: TargetFormat,
): TargetCheck {
  const met = measured >= floor;
  if (met) return { target, measured: show(measured), met };
  const relative = `${((1 - measured / floor) * 100).toFixed(0)}% below`;
  return {
    target,
    measured: show(measured),
    met,
    gap: gap ? gap(floor - measured) : `${show(floor - measured)} short (${relative})`,
  };
}
