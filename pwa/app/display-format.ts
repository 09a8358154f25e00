/** Display formatting only: every number shown was computed by the worker (oracle-core). */

const nf = (opts: Intl.NumberFormatOptions) => new Intl.NumberFormat("en-US", opts);
const int = nf({ maximumFractionDigits: 0 });

/** USD with precision that suits the size: $1,234.56, $12.35, $0.05340, $0.0000123. */
export function usd(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—";
  const a = Math.abs(x);
  if (a === 0) return "$0";
  if (a >= 1) return (x < 0 ? "−$" : "$") + nf({ minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(a);
  return (x < 0 ? "−$" : "$") + nf({ maximumSignificantDigits: 4, minimumSignificantDigits: 4 }).format(a);
}

/** A price in USD per million tokens. */
export function perM(x: number | null | undefined): string {
  return x === null || x === undefined ? "—" : `${usd(x)}/M`;
}

/** Token counts: 30,000. */
export function tokens(x: number | null | undefined): string {
  return x === null || x === undefined ? "—" : int.format(x);
}

/** A fraction as a percent: 0.447 → 44.7%. */
export function pct(x: number | null | undefined, digits = 1): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—";
  return `${nf({ minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x * 100)}%`;
}

/** A plain number with up to `digits` significant digits. */
export function num(x: number | null | undefined, digits = 4): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—";
  return nf({ maximumSignificantDigits: digits }).format(x);
}

/** How long ago, in words: "12 min", "3 h", "2 days". */
export function age(ms: number): string {
  const m = Math.max(0, Math.round(ms / 60_000));
  if (m < 1) return "under a minute";
  if (m < 90) return `${m} min`;
  const h = Math.round(m / 60);
  if (h < 48) return `${h} h`;
  return `${Math.round(h / 24)} days`;
}
