import type { RegistryFile } from "../oracle-core/schemas";
import { archiveText, dayInEffect, type ReplayArchives } from "./replay-archives";
import { consensus, dayQuotes } from "./replay-quotes";

/** A ticker field's value per day: the reconciled value, and each origin's own quote (undefined: not quoted). */
export interface FieldSeries {
  ticker: string;
  field: string;
  consensus: (number | undefined)[];
  bySource: Map<string, (number | undefined)[]>;
  origins: number[];
}

/** A ≥ 10× jump in one origin's quote that comes back within 7 days (MATH's unit-error shape). */
export interface Glitch {
  ticker: string;
  field: string;
  source: string;
  day: string;
  from: number;
  value: number;
  reverted_on: string;
}

/** A move of the reconciled value that holds, and the day the feed's rule can confirm it. */
export interface RealChange {
  ticker: string;
  field: string;
  day: string;
  confirmed_on: string;
  from: number;
  value: number;
}

export const GLITCH_FACTOR = 10;
export const GLITCH_REVERT_DAYS = 7;
const near = (a: number, b: number, tol = 0.001) => Math.abs(a / b - 1) <= tol;
const factor = (a: number, b: number) => Math.max(a / b, b / a);

/** What the archives say day by day, read through the feed's own parsers, guard, matching and reconcile rule. */
export async function expectedSeries(
  archives: ReplayArchives,
  registry: RegistryFile,
  days: string[],
): Promise<Map<string, FieldSeries>> {
  const quotesOn = dayQuotes(archives);
  const out = new Map<string, FieldSeries>();
  for (const [i, day] of days.entries()) {
    for (const [k, c] of consensus(await quotesOn(day), registry)) {
      let s = out.get(k);
      if (!s) {
        const [ticker, field] = k.split("|") as [string, string];
        s = { ticker, field, consensus: Array(days.length), bySource: new Map(), origins: Array(days.length).fill(0) };
        out.set(k, s);
      }
      s.consensus[i] = c.value;
      s.origins[i] = c.origins;
      for (const [src, v] of c.perSource) {
        const arr = s.bySource.get(src) ?? s.bySource.set(src, Array(days.length)).get(src)!;
        arr[i] = v;
      }
    }
  }
  return out;
}

/** Glitches in every origin's series: a ≥ 10× jump from the last quoted value that returns (±1%) within 7 days. */
export function findGlitches(series: Map<string, FieldSeries>, days: string[]): Glitch[] {
  const out: Glitch[] = [];
  for (const s of series.values()) {
    for (const [source, vals] of s.bySource) {
      let prev: number | undefined;
      for (let i = 0; i < days.length; i++) {
        const v = vals[i];
        if (v === undefined) continue;
        if (prev !== undefined && v > 0 && prev > 0 && factor(v, prev) >= GLITCH_FACTOR) {
          const back = vals.findIndex(
            (w, j) => j > i && j <= i + GLITCH_REVERT_DAYS && w !== undefined && near(w, prev!, 0.01),
          );
          if (back > 0) {
            out.push({
              ticker: s.ticker,
              field: s.field,
              source,
              day: days[i]!,
              from: prev,
              value: v,
              reverted_on: days[back]!,
            });
            i = back - 1;
            continue;
          }
        }
        prev = v;
      }
    }
  }
  return out;
}

/**
 * Real changes: moves (> 0.1%, the breaker's confirmation tolerance) of the reconciled value from the value before,
 * `seed` before the first day, that are not a glitch's jump. Confirmed on the move's day when the move is under 10×
 * (the second poll repeats it ≥ 1 h later) or two origins quote it; a ≥ 10× move on one origin waits for a second.
 */
export function findRealChanges(
  series: Map<string, FieldSeries>,
  days: string[],
  seed: (ticker: string, field: string) => number | undefined,
  glitches: Glitch[],
): RealChange[] {
  const out: RealChange[] = [];
  for (const s of series.values()) {
    let prev = seed(s.ticker, s.field);
    for (let i = 0; i < days.length; i++) {
      const v = s.consensus[i];
      if (v === undefined) continue;
      if (prev === undefined || near(v, prev)) {
        prev = v;
        continue;
      }
      const glitch = glitches.some(
        (g) =>
          g.ticker === s.ticker &&
          g.field === s.field &&
          g.day <= days[i]! &&
          days[i]! < g.reverted_on &&
          near(g.value, v, 0.01),
      );
      if (glitch) continue; // the value before the jump stays the reference: the return is no change either
      const c =
        factor(v, prev) >= GLITCH_FACTOR
          ? s.consensus.findIndex((w, j) => j >= i && w !== undefined && near(w, v) && (s.origins[j] ?? 0) >= 2)
          : i;
      // A ≥ 10× move no second origin ever quotes is never confirmed (the breaker rightly holds it), and the last
      // confirmed value stays the reference: the archive coming back to it is no change.
      if (c < 0) continue;
      out.push({ ticker: s.ticker, field: s.field, day: days[i]!, confirmed_on: days[c]!, from: prev, value: v });
      prev = v;
    }
  }
  return out;
}

/** Entries of tracked providers that a genai-prices copy in the range marks `deprecated`, with the first such copy. */
export function archiveDeprecations(
  archives: ReplayArchives,
  from: string,
  to: string,
  providers: readonly string[],
): { id: string; first_marked: string }[] {
  const out = new Map<string, string>();
  const copies = [
    ...archives.v1.days.map((d) => ["genai-prices-v1", d] as const),
    ...archives.v2.days.map((d) => ["genai-prices-v2", d] as const),
  ].filter(([, d]) => d <= to && d >= (dayInEffect(archives.v1, from) ?? from));
  for (const [id, day] of copies) {
    const data = JSON.parse(archiveText(id, day)) as { id: string; models: { id: string; deprecated?: boolean }[] }[];
    for (const p of data) {
      if (!providers.includes(p.id)) continue;
      for (const m of p.models)
        if (m.deprecated === true && !out.has(`${p.id}:${m.id}`)) out.set(`${p.id}:${m.id}`, day);
    }
  }
  return [...out].map(([id, first_marked]) => ({ id, first_marked }));
}

/** Tickers no origin quotes for 14 days in a row after being quoted: the living universe's `unquoted` flag. */
export function unquotedSpells(
  series: Map<string, FieldSeries>,
  days: string[],
  tickers: ReadonlySet<string>,
): { ticker: string; last_quoted: string; flagged_from: string }[] {
  const out: { ticker: string; last_quoted: string; flagged_from: string }[] = [];
  for (const s of series.values()) {
    if (s.field !== "output" || !tickers.has(s.ticker)) continue;
    let last = -1;
    for (let i = 0; i < days.length; i++) {
      if (s.consensus[i] !== undefined) last = i;
      else if (last >= 0 && i - last === UNQUOTED_DAYS) {
        out.push({ ticker: s.ticker, last_quoted: days[last]!, flagged_from: days[i]! });
      }
    }
  }
  return out;
}

export const UNQUOTED_DAYS = 14;
