// How the registry picks one value when archives disagree (documented in registry.json `conventions`).
import type { Disagreement, SourceId } from "../oracle-core/schemas";
import { AS_OF, pricesAt, type FieldPrices, type Quote } from "./archive-quotes";

/**
 * Tie-break order: genai-prices (curated from provider pages, dated constraints, newest), LiteLLM (cites provider
 * URLs), models.dev, llm-prices, OpenRouter (a reseller; may show a host's price).
 */
export const PRIORITY: SourceId[] = ["genai-prices", "litellm", "models-dev", "llm-prices", "openrouter"];
const rank = (s: SourceId) => PRIORITY.indexOf(s);
/** Two prices agree when within 0.5 % (SPEC's `disputed` threshold is 1 %). */
export const same = (a: number, b: number) => Math.abs(a - b) <= 0.005 * Math.max(Math.abs(a), Math.abs(b)) + 1e-12;

export interface Vote {
  source: SourceId;
  value: number;
  quote: Quote;
  excluded?: string;
}
export interface Choice {
  vote: Vote;
  disagreement?: Disagreement;
}
export interface ChooseOptions {
  prefer?: { source: SourceId; reason: string };
  /** Returns why a value is implausible (unit errors, impossible ratios), or undefined. */
  plausible?: (v: number) => string | undefined;
  /** Reads the same field from another dated segment of a quote (to recognise a stale or pre-announced price). */
  read: (p: FieldPrices) => number | undefined;
}

const fmt = (v: number) => `$${v}`;

/** Explains a vote away when it equals another dated segment of a source that carries a price schedule. */
function scheduleExplains(v: Vote, dated: Quote[], read: ChooseOptions["read"]): string | undefined {
  for (const d of dated) {
    if (d === v.quote) continue;
    const cur = read(pricesAt(d, AS_OF));
    if (cur !== undefined && same(cur, v.value)) return undefined;
    for (let i = 0; i < d.segments.length; i++) {
      const s = d.segments[i]!;
      const x = read(s.prices);
      if (x === undefined || !same(x, v.value)) continue;
      const next = d.segments[i + 1]?.from;
      const when =
        s.from === undefined ? `until ${next}` : s.from > AS_OF ? `scheduled from ${s.from}` : `from ${s.from}`;
      return `= ${d.source}'s price ${when}`;
    }
  }
  return undefined;
}

/** Picks one value per field: preferred source, else majority, else source priority; records any disagreement. */
export function choose(field: string, votes: Vote[], o: ChooseOptions): Choice | undefined {
  if (votes.length === 0) return undefined;
  const dated = votes.map((v) => v.quote).filter((q) => q.segments.length > 1);
  for (const v of votes) {
    // A stale or pre-announced price explained by another source's schedule is named as such first.
    v.excluded = v.quote.segments.length <= 1 ? scheduleExplains(v, dated, o.read) : undefined;
    v.excluded ??= o.plausible?.(v.value);
  }
  const live = votes.filter((v) => !v.excluded).sort((a, b) => rank(a.source) - rank(b.source));
  if (live.length === 0) return undefined;
  let chosen: Vote;
  let reason: string;
  const pref = o.prefer && live.find((v) => v.source === o.prefer!.source);
  if (pref) {
    chosen = pref;
    reason = `preferred source ${pref.source}: ${o.prefer!.reason}`;
  } else {
    const groups: Vote[][] = [];
    for (const v of live) {
      const g = groups.find((x) => same(x[0]!.value, v.value));
      if (g) g.push(v);
      else groups.push([v]);
    }
    groups.sort((a, b) => b.length - a.length || rank(a[0]!.source) - rank(b[0]!.source));
    chosen = groups[0]![0]!;
    const tie = groups.length > 1 && groups[1]!.length === groups[0]!.length;
    reason =
      live.length === 1
        ? `${chosen.source} is the only source left`
        : tie
          ? `tie (${groups[0]!.length} vs ${groups[1]!.length}); source priority ${PRIORITY.join(" > ")}`
          : `majority: ${groups[0]!.length} of ${live.length} sources agree`;
  }
  const distinct = votes.filter((v, i) => votes.findIndex((w) => same(w.value, v.value)) === i);
  if (distinct.length <= 1) return { vote: chosen };
  const excluded = votes.filter((v) => v.excluded).map((v) => `${v.source} ${fmt(v.value)} (${v.excluded})`);
  if (excluded.length) reason += `; set aside: ${excluded.join(", ")}`;
  return {
    vote: chosen,
    disagreement: {
      field,
      values: votes.map((v) => ({ source: v.source, usd_per_m: v.value })),
      chosen_usd_per_m: chosen.value,
      reason,
    },
  };
}
