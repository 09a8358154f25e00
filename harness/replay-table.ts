import type { ReplayReport } from "./replay-report";

const n = (x: number) => x.toLocaleString("en-US");

/** The README's Replay section body, generated from a report (never typed by hand). */
export function replayTable(r: ReplayReport): string {
  const pc = r.price_changes;
  const lags = pc.real.flatMap((c) => (c.lag_days === null ? [] : [c.lag_days])).sort((a, b) => a - b);
  const missed = pc.real.filter((c) => c.lag_days === null || c.lag_days > 1);
  const exp = r.listing.expected;
  const twoSource = exp.filter((e) => e.first_in_two_sources !== null);
  const snaps = r.snapshots;
  const first = snaps[0];
  const last = snaps.at(-1);
  const maxPerModel = Math.max(...snaps.map((s) => s.gzip_per_model));
  const lines = [
    `Replay of ${n(r.range.days)} days (${r.range.from} → ${r.range.to}), polls at ${r.range.poll_times_utc.join(" and ")} UTC: ` +
      `${n(r.pipeline.runs)} runs of today's pipeline (${n(r.pipeline.publishes)} published), real adapters in \`live\` mode on ` +
      `workerd D1/KV/R2, fed ${r.archives["genai-prices-v1"]} genai-prices v1, ${r.archives["genai-prices-v2"]} v2 and ` +
      `${r.archives["llm-prices"]} llm-prices copies. Start: ${r.cut.tickers.length} tickers (${r.cut.rule}).`,
    "",
    "| Measure | Result | Target |",
    "|---|---|---|",
    `| Models listed (curated models outside the cut that the archives quote: ${exp.length}; in both archives: ${twoSource.length}) | ` +
      `${r.listing.listed.length} listed; ${r.listing.two_source_models_listed_within_1_day} of ${twoSource.length} within 1 day of their first day in two sources` +
      `${r.listing.pipeline_lists ? "" : " — today's pipeline ignores every entry no ticker matches"} | every one within 1 day |`,
    `| Listed tickers equal to the curated one | ${r.listing.share_ticker_equals_curated === null ? "— (nothing listed)" : `${Math.round(r.listing.share_ticker_equals_curated * 100)}%`} | ≥ 90% |`,
    `| Models deprecated / retired | ${r.lifecycle.deprecated.length} / ${r.lifecycle.retired.length}${r.lifecycle.deprecated.length + r.lifecycle.retired.length === 0 ? " (rows carry lifecycle active/legacy only)" : ""} | on the upstream date |`,
    `| Real price changes (the reconciled value moved and held) | ${pc.real.length}: ${pc.real_published_within_1_day} published within 1 day of confirmation` +
      `${lags.length ? ` (lag median ${lags[lags.length >> 1]} d, max ${lags.at(-1)} d)` : ""}, ${missed.length} not | every one within 1 day |`,
    `| Other published moves (first-day disagreements with the curated seed: ${pc.first_day_disagreements} fields) | ${pc.other_published.length} | — |`,
    `| Glitches (≥ 10× jump reverting within 7 days): in the archives / published | ${r.glitches.in_archives.length} / **${r.glitches.published.length}**; ` +
      `≥ 10× moves held: ${r.glitches.ten_x_holds.length}, published later on a second source: ${r.glitches.ten_x_holds.filter((h) => h.published_at).length} | 0 published |`,
    `| Snapshot, first → last day | ${first ? `${first.models} models, ${n(first.gzip_bytes)} B gzip (${first.gzip_per_model} B/model)` : "—"} → ` +
      `${last ? `${last.models} models, ${n(last.gzip_bytes)} B gzip (${last.gzip_per_model} B/model)` : "—"}; max ${maxPerModel} B/model | ≤ 250 B gzip per model |`,
    `| Pipeline run (in-process, workerd stores) | median ${n(r.pipeline.run_ms_median)} ms, p90 ${n(r.pipeline.run_ms_p90)} ms | < 1,000 ms |`,
  ];
  if (missed.length) {
    lines.push("", `Real changes not published within 1 day (${missed.length}):`, "", "| Ticker | Field | Moved | Confirmable | From → to | Published |", "|---|---|---|---|---|---|");
    for (const c of missed.slice(0, 20)) lines.push(`| ${c.ticker} | ${c.field} | ${c.day} | ${c.confirmed_on} | ${c.from} → ${c.value} | ${c.published_on ?? "never"} |`);
    if (missed.length > 20) lines.push(`| … ${missed.length - 20} more in \`docs/replay-report.json\` | | | | | |`);
  }
  if (r.glitches.in_archives.length) {
    lines.push("", "Glitches in the archives (per origin) and whether the feed published them:", "", "| Ticker | Field | Source | Day | From → to | Reverted | Published |", "|---|---|---|---|---|---|---|");
    for (const g of r.glitches.in_archives) {
      const p = r.glitches.published.find((x) => x.ticker === g.ticker && x.field === g.field && x.day === g.day);
      lines.push(`| ${g.ticker} | ${g.field} | ${g.source} | ${g.day} | ${g.from} → ${g.value} | ${g.reverted_on} | ${p ? `**yes** (${p.at})` : "no"} |`);
    }
  }
  const holds = r.glitches.ten_x_holds;
  if (holds.length) {
    lines.push("", "Moves of ≥ 10× off the published value (the unit-error shape), held by the breaker:", "", "| Ticker | Field | Held | From → to | Published |", "|---|---|---|---|---|");
    for (const h of holds) lines.push(`| ${h.ticker} | ${h.field} | ${h.held_at.slice(0, 10)} | ${h.from} → ${h.to} | ${h.published_at ? `${h.published_at.slice(0, 10)} (${h.reason})` : "never"} |`);
  }
  const months = snaps.filter((s, i) => i === 0 || s.day.slice(0, 7) !== snaps[i - 1]!.day.slice(0, 7));
  lines.push("", "Snapshot size over time (first published snapshot of each month):", "", "| Day | Models | Raw B | Gzip B | Gzip B/model |", "|---|---|---|---|---|");
  for (const s of months) lines.push(`| ${s.day} | ${s.models} | ${n(s.raw_bytes)} | ${n(s.gzip_bytes)} | ${s.gzip_per_model} |`);
  return lines.join("\n");
}
