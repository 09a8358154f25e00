// Display formatting only: every number shown comes from the verified snapshot or oracle-core.

/** "$25.00" for prices per million tokens (two decimals, more below $0.10 so cheap models do not read as $0.00). */
export function usd(x: number): string {
  const abs = Math.abs(x);
  const digits = abs >= 0.1 || abs === 0 ? 2 : abs >= 0.001 ? 4 : 6;
  return (x < 0 ? "−$" : "$") + abs.toFixed(digits);
}

/** A task cost in dollars with 4 significant digits ("$0.01250", "$1.234"); exact value stays in data-value. */
export function cost(x: number): string {
  if (x === 0) return "$0";
  return (x < 0 ? "−$" : "$") + Math.abs(x).toPrecision(4);
}

/** "▼ 66.7%" / "▲ 12.0%" for a fractional change (the arrow carries the sign). */
export function pct(x: number): string {
  return (x < 0 ? "▼ " : x > 0 ? "▲ " : "") + Math.abs(x * 100).toFixed(1) + "%";
}

/** YYYY-MM-DD of a UTC time in ms. */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** UTC ms of a YYYY-MM-DD date (NaN if it is not one). */
export function dayMs(d: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(d) ? Date.parse(d + "T00:00:00Z") : NaN;
}
