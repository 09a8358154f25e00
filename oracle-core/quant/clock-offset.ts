import { OracleError } from "../errors";

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/**
 * Milliseconds of `EXOSTREAM_CLOCK_OFFSET`, the one switch that moves every default clock (Node, workerd, the browser
 * pages) by the same amount so the suite can run as if it were another day: a whole number and a unit (`ms`, `s`,
 * `m`, `h`, `d`), optionally signed. Absent, empty or "0" is no offset. oracle-core reads no clock; it only parses.
 * @example parseClockOffset("365d") // 31_536_000_000
 */
export function parseClockOffset(text: string | null | undefined): number {
  const t = (text ?? "").trim();
  if (t === "" || t === "0") return 0;
  const m = /^([+-]?\d+)(ms|s|m|h|d)$/.exec(t);
  if (!m) {
    const got = JSON.stringify(t);
    const msg = `EXOSTREAM_CLOCK_OFFSET must be a whole number and a unit (ms, s, m, h, d), e.g. "365d"; got ${got}`;
    throw new OracleError("E_CLOCK_OFFSET", msg, "EXOSTREAM_CLOCK_OFFSET");
  }
  return Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
}
