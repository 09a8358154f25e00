/** A chart described as data; exo-chart turns it into uPlot (loaded on demand). */
export interface ChartSeries {
  label: string;
  values: ReadonlyArray<number | null>;
  color: string;
  dash?: number[];
  /** Draw points only (no line), e.g. observations. */
  pointsOnly?: boolean;
  /** Hollow points (used to mark snapshot-only history). */
  hollow?: boolean;
  /** Step line (prices hold until the next change). */
  stepped?: boolean;
  width?: number;
  /** Fill between the series and this y value: `fillAbove` where the series is above it, `fillBelow` where below. */
  fillTo?: { y: number; above: string; below: string };
}

export interface ChartSpec {
  /** x values: unix seconds when `time`, else plain numbers. */
  x: readonly number[];
  time: boolean;
  series: readonly ChartSeries[];
  yLabel: string;
  /** Fill between two series (indexes into `series`, the first always above the second), e.g. percentile bands. */
  bands?: ReadonlyArray<{ upper: number; lower: number; fill: string }>;
}

/** ISO date (YYYY-MM-DD) → unix seconds at 00:00 UTC, for time axes. */
export function dateSeconds(iso: string): number {
  return Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 1000;
}
