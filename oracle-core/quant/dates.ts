/** ISO date and timestamp parsing without the clock: proleptic Gregorian day ordinals computed arithmetically. */
import { OracleError } from "../errors";
import { DAYS_PER_YEAR } from "./defaults";

const DAYS_BEFORE_MONTH = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
const MS_PER_DAY = 86_400_000;
/** Ordinal of 1970-01-01 (Python `date(1970,1,1).toordinal()`). */
const EPOCH_ORDINAL = 719_163;

function isLeap(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

function ymdOrdinal(y: number, m: number, d: number): number {
  const y1 = y - 1;
  const before = y1 * 365 + Math.floor(y1 / 4) - Math.floor(y1 / 100) + Math.floor(y1 / 400);
  return before + DAYS_BEFORE_MONTH[m]! + (m > 2 && isLeap(y) ? 1 : 0) + d;
}

function parseYmd(field: string, s: unknown, m: RegExpExecArray | null): [number, number, number] {
  if (!m)
    throw new OracleError("E_BAD_DATE", `${field} must be an ISO date 'YYYY-MM-DD', got ${JSON.stringify(s)}`, field);
  const y = Number(m[1]),
    mo = Number(m[2]),
    d = Number(m[3]);
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) {
    throw new OracleError("E_BAD_DATE", `${field} is not a calendar date: ${JSON.stringify(s)}`, field);
  }
  return [y, mo, d];
}

/** 'YYYY-MM-DD' → day number with 0001-01-01 = 1 (Python `date.toordinal`); E_BAD_DATE otherwise. */
export function dateOrdinal(s: unknown, field = "date"): number {
  const m = typeof s === "string" ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(s) : null;
  const [y, mo, d] = parseYmd(field, s, m);
  return ymdOrdinal(y, mo, d);
}

/** Day ordinal → 'YYYY-MM-DD' (inverse of {@link dateOrdinal}). */
export function ordinalToIso(n: number): string {
  // Days since 1970-01-01, then Hinnant's civil-from-days.
  const z = n - EPOCH_ORDINAL + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** 'YYYY-MM-DDTHH:MM:SSZ' → milliseconds since the Unix epoch (integer); E_BAD_DATE otherwise. */
export function timestampMs(s: unknown, field = "time"): number {
  const m = typeof s === "string" ? /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/.exec(s) : null;
  const [y, mo, d] = parseYmd(field, s, m);
  const hh = Number(m![4]),
    mm = Number(m![5]),
    ss = Number(m![6]);
  if (hh > 23 || mm > 59 || ss > 59) {
    throw new OracleError("E_BAD_DATE", `${field} has an invalid time of day: ${JSON.stringify(s)}`, field);
  }
  return (ymdOrdinal(y, mo, d) - EPOCH_ORDINAL) * MS_PER_DAY + ((hh * 60 + mm) * 60 + ss) * 1000;
}

/** 'YYYY-MM-DDTHH:MM:SSZ' → hours since the Unix epoch (ref.py `ts_hours`). */
export function tsHours(s: unknown, field = "time"): number {
  return timestampMs(s, field) / 1000 / 3600;
}

/** ACT/365.25 year fraction from integer day differences (§0). */
export function yearFrac(d0: string, d1: string): number {
  return (dateOrdinal(d1, "d1") - dateOrdinal(d0, "d0")) / DAYS_PER_YEAR;
}
