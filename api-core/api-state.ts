import type { GreekRow } from "../oracle-core/schemas";
import type { SnapshotPayload } from "../oracle-core/schemas";
import { closestIds } from "../oracle-core/registry";
import { ApiError } from "./api-error";

/** A verified snapshot as requests read it (the feed's FeedState and the stdio server's state have this shape). */
export interface ApiState {
  payload: SnapshotPayload;
  byTicker: ReadonlyMap<string, GreekRow>;
}

/** What every answer carries: REST's `{ data, oracle_timestamp, snapshot_version }`, and each MCP tool's result. */
export interface ApiBody<T = unknown> {
  data: T;
  oracle_timestamp: string;
  snapshot_version: number;
}

/** The state of a verified payload: its rows indexed by ticker. */
export function apiState(payload: SnapshotPayload): ApiState {
  return { payload, byTicker: new Map(payload.models.map((m) => [m.ticker, m])) };
}

/** The fields every JSON answer carries (SPEC §6): the snapshot's timestamp and version. */
export function stamp(s: ApiState): { oracle_timestamp: string; snapshot_version: number } {
  return { oracle_timestamp: s.payload.issued_at, snapshot_version: s.payload.version };
}

/** `data` with the snapshot's stamp. */
export function answer<T>(s: ApiState, data: T): ApiBody<T> {
  return { data, ...stamp(s) };
}

/** " did you mean A, B?" for a 404, or "" when nothing is close. */
const didYouMean = (suggestions: readonly string[]) =>
  suggestions.length ? `; did you mean ${suggestions.join(", ")}?` : "";

/** The longest caller-supplied name an error message repeats. */
export const MAX_ECHO = 64;

/** A caller's value as an error message quotes it: JSON-quoted, cut at MAX_ECHO characters. */
export function echo(v: string): string {
  if (v.length <= MAX_ECHO) return JSON.stringify(v);
  return `${JSON.stringify(v.slice(0, MAX_ECHO))}… (${v.length} characters)`;
}

/**
 * Resolves a ticker (case-insensitive) or throws 404 E_UNKNOWN_TICKER with the closest tickers. `raw` is already
 * decoded (Hono decodes path params; body fields are plain text): decoding again threw URIError on "%" (a 500).
 */
export function rowOf(s: ApiState, raw: string): GreekRow {
  const ticker = raw.trim().toUpperCase();
  const row = s.byTicker.get(ticker);
  if (!row) {
    // No ticker is longer than 64 characters: a longer one gets no suggestions (edit distance is O(n·m)) and is
    // echoed cut short, so a 60,000-character path is not answered with itself.
    const suggestions = ticker.length <= MAX_ECHO ? closestIds(ticker, [...s.byTicker.keys()]) : [];
    const message = `unknown ticker ${echo(raw)}${didYouMean(suggestions)}`;
    throw new ApiError(404, "E_UNKNOWN_TICKER", message, "ticker", { suggestions });
  }
  return row;
}

/** A family name exactly as `known` spells it, or 404 E_UNKNOWN_FAMILY with the closest names. */
export function requireFamily(family: string, known: Iterable<string>): string {
  const names = [...known];
  if (names.includes(family)) return family;
  const suggestions =
    family.length > MAX_ECHO
      ? []
      : closestIds(
          family.toUpperCase(),
          names.map((f) => f.toUpperCase()),
        ).map((f) => f.toLowerCase());
  const message = `unknown family ${echo(family)}${didYouMean(suggestions)}`;
  throw new ApiError(404, "E_UNKNOWN_FAMILY", message, "family", { suggestions });
}
