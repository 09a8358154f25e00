// How a row's lifecycle reads, in words, for every client that shows a row (widgets, PWA): one wording everywhere.
import type { GreekRow } from "../oracle-core/schemas";

/** Days without a healthy quote before a row reads as unquoted (issue 11: flagged after 14 days, kept and shown). */
export const UNQUOTED_DAYS = 14;

/** The lifecycle fields of a row (a whole GreekRow fits). */
export type LifecycleFields = Pick<
  GreekRow,
  "lifecycle" | "listed_at" | "deprecated_at" | "retired_at" | "unquoted_since"
>;

/**
 * One thing to say about a row: a short visible label and a sentence behind it (title / aria description), both
 * short because every widget page downloads them; LIFECYCLE_MEANING is the longer explanation for full pages.
 */
export interface LifecycleNote {
  kind: "provisional" | "deprecated" | "retired" | "unquoted";
  label: string;
  title: string;
}

/** What each state means, for a reader who has not read the methodology. */
export const LIFECYCLE_MEANING: Record<GreekRow["lifecycle"], string> = {
  provisional:
    "listed by the feed from at least two independent sources agreeing within 1%; unconfirmed until 7 days pass " +
    "without dispute (or a third source quotes it)",
  active: "quoted and confirmed by the feed's sources",
  legacy: "still sold and quoted, superseded by a newer model of its family",
  deprecated: "its provider has announced a retirement date; still quoted until then",
  retired: "no longer offered by its provider; the row stays for history and has no forward past its retirement",
};

/** Whole days from `a` to `b` (YYYY-MM-DD). */
const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;

/**
 * The notes to show beside a row at a valuation date: provisional, deprecated (with its retirement date), retired,
 * and unquoted when no healthy source has quoted it for ≥ UNQUOTED_DAYS. Active and legacy rows carry none.
 *
 * @example lifecycleNotes({ lifecycle: "retired", retired_at: "2026-10-01" }, "2026-11-24")
 *   // [{ kind: "retired", label: "retired 2026-10-01", title: "retired 2026-10-01: no longer offered, …" }]
 */
export function lifecycleNotes(r: LifecycleFields, valuationDate: string): LifecycleNote[] {
  const notes: LifecycleNote[] = [];
  const { lifecycle: l, listed_at, deprecated_at, retired_at, unquoted_since: u } = r;
  if (l == "provisional") {
    const listed = listed_at ? ` listed ${listed_at},` : "";
    notes.push({ kind: l, label: l, title: `provisional —${listed} unconfirmed: listed from two agreeing sources` });
  }
  if (l == "deprecated") {
    const label = retired_at ? "retires " + retired_at : l;
    const since = deprecated_at ? ` (deprecated ${deprecated_at})` : "";
    notes.push({ kind: l, label, title: `${label}${since}: still quoted until then` });
  }
  if (l == "retired") {
    const label = retired_at ? "retired " + retired_at : l;
    notes.push({ kind: l, label, title: `${label}: no longer offered, no forward past its retirement` });
  }
  if (u && days(u, valuationDate) >= UNQUOTED_DAYS)
    notes.push({
      kind: "unquoted",
      label: "unquoted since " + u,
      title: `no healthy source has quoted it since ${u}; the last published price is shown`,
    });
  return notes;
}

/** Retired rows last, every other row in its given order (a stable partition for model pickers). */
export function retiredLast<T extends Pick<GreekRow, "lifecycle">>(rows: readonly T[]): T[] {
  return [...rows.filter((r) => r.lifecycle != "retired"), ...rows.filter((r) => r.lifecycle == "retired")];
}
