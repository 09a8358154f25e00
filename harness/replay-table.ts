import type { ReplayReport } from "./replay-report";

const n = (x: number) => x.toLocaleString("en-US");
const row = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;

/** The README's Replay section body, generated from a report (never typed by hand). */
export function replayTable(r: ReplayReport): string {
  const pc = r.price_changes;
  const lags = pc.real.flatMap((c) => (c.lag_days === null ? [] : [c.lag_days])).sort((a, b) => a - b);
  const missed = pc.real.filter((c) => c.lag_days === null || c.lag_days > 1);
  const exp = r.listing.expected;
  const two = exp.filter((e) => e.first_in_two_sources !== null);
  const snaps = r.snapshots;
  const size = (s: ReplayReport["snapshots"][number] | undefined) =>
    s ? `${s.models} models, ${n(s.gzip_bytes)} B gzip (${s.gzip_per_model} B/model)` : "—";
  const maxPerModel = Math.max(...snaps.map((s) => s.gzip_per_model));
  const share = r.listing.share_ticker_equals_curated;
  const { deprecated, retired, upstream_deprecated: upstream, unquoted_14_days: unq } = r.lifecycle;
  const deps = upstream.map((u) => `${u.id} ${u.first_marked}${u.ticker ? ` = ${u.ticker}` : ""}`).join(", ");
  const unquoted = unq.map((u) => `${u.ticker} ${u.flagged_from}`).join(", ");
  const holds = r.glitches.ten_x_holds;
  const lagText = lags.length ? ` (lag median ${lags[lags.length >> 1]} d, max ${lags.at(-1)} d)` : "";
  const lines = [
    `Replay of ${n(r.range.days)} days (${r.range.from} → ${r.range.to}), ` +
      `polls at ${r.range.poll_times_utc.join(" and ")} UTC: ${n(r.pipeline.runs)} runs of today's pipeline ` +
      `(${n(r.pipeline.publishes)} published), real adapters in \`live\` mode on workerd D1/KV/R2, fed ` +
      `${r.archives.copies_served} archive copies (dated in the range: ` +
      `genai-prices v1 ${r.archives["genai-prices-v1"]}, ` +
      `v2 ${r.archives["genai-prices-v2"]}, llm-prices ${r.archives["llm-prices"]}). ` +
      `Start: ${r.cut.tickers.length} tickers (${r.cut.rule}).`,
    "",
    row(["Measure", "Result", "Target"]),
    "|---|---|---|",
    row([
      `Models listed (curated models outside the cut the archives quote: ${exp.length}; ` +
        `in both at one price: ${two.length})`,
      `${r.listing.listed.length} listed; ${r.listing.two_source_models_listed_within_1_day} of ${two.length} ` +
        `within 1 day of their first day in two sources` +
        (r.listing.pipeline_lists ? "" : " — today's pipeline ignores every entry no ticker matches"),
      "every one within 1 day",
    ]),
    row([
      "Listed tickers equal to the curated one (listings of a curated model)",
      share === null
        ? "— (nothing listed)"
        : `${Math.round(share * 100)}% of ${r.listing.listed.filter((l) => l.ticker_equals_curated !== null).length}; ` +
          `${r.listing.listed.filter((l) => l.ticker_equals_curated === null).length} listings of models the ` +
          "curated registry leaves out",
      "≥ 90%",
    ]),
    row([
      "Models deprecated / retired",
      `${deprecated.length} / ${retired.length}` +
        (deprecated.length + retired.length === 0
          ? " (no ticker's primary id, nor every dated id of one, is marked in these archives)"
          : "") +
        `; the archives mark ${upstream.length} tracked entries deprecated (${deps || "none"}), ` +
        `and ${unq.length} tickers go unquoted for 14 days (${unquoted || "none"})`,
      "on the upstream date",
    ]),
    row([
      "Real price changes (the reconciled value moved and held)",
      `${pc.real.length}: ${pc.real_published_within_1_day} published within 1 day of confirmation${lagText}, ` +
        `${missed.length} not`,
      "every one within 1 day",
    ]),
    row([
      `Other published moves (first-day disagreements with the curated seed: ${pc.first_day_disagreements} fields)`,
      pc.other_published.length,
      "—",
    ]),
    row([
      "Glitches (≥ 10× jump reverting within 7 days): in the archives / published",
      `${r.glitches.in_archives.length} / **${r.glitches.published.length}**; ≥ 10× moves held: ${holds.length}, ` +
        `published later on a second source: ${holds.filter((h) => h.published_at).length}`,
      "0 published",
    ]),
    row([
      "Snapshot, first → last day",
      `${size(snaps[0])} → ${size(snaps.at(-1))}; max ${maxPerModel} B/model`,
      "≤ 250 B gzip per model",
    ]),
    row([
      "Pipeline run (in-process, workerd stores)",
      `median ${n(r.pipeline.run_ms_median)} ms, p90 ${n(r.pipeline.run_ms_p90)} ms`,
      "< 1,000 ms",
    ]),
  ];
  if (missed.length) {
    lines.push("", `Real changes not published within 1 day (${missed.length}):`, "");
    lines.push(row(["Ticker", "Field", "Moved", "Confirmable", "From → to", "Published"]), row(Array(6).fill("---")));
    for (const c of missed.slice(0, 20)) {
      const pub = c.published_on ?? "never";
      lines.push(row([c.ticker, c.field, c.day, c.confirmed_on, `${c.from} → ${c.value}`, pub]));
    }
    if (missed.length > 20)
      lines.push(row([`… ${missed.length - 20} more in \`docs/replay-report.json\``, "", "", "", "", ""]));
  }
  if (r.glitches.in_archives.length) {
    lines.push("", "Glitches in the archives (per origin) and whether the feed published them:", "");
    lines.push(
      row(["Ticker", "Field", "Source", "Day", "From → to", "Reverted", "Published"]),
      "|---|---|---|---|---|---|---|",
    );
    for (const g of r.glitches.in_archives) {
      const p = r.glitches.published.find((x) => x.ticker === g.ticker && x.field === g.field && x.day === g.day);
      const pub = p ? `**yes** (${p.at})` : "no";
      lines.push(row([g.ticker, g.field, g.source, g.day, `${g.from} → ${g.value}`, g.reverted_on, pub]));
    }
  }
  if (holds.length) {
    lines.push("", "Moves of ≥ 10× off the published value (the unit-error shape), held by the breaker:", "");
    lines.push(row(["Ticker", "Field", "Held", "From → to", "Published"]), "|---|---|---|---|---|");
    for (const h of holds) {
      const pub = h.published_at ? `${h.published_at.slice(0, 10)} (${h.reason})` : "never";
      lines.push(row([h.ticker, h.field, h.held_at.slice(0, 10), `${h.from} → ${h.to}`, pub]));
    }
  }
  const months = snaps.filter((s, i) => i === 0 || s.day.slice(0, 7) !== snaps[i - 1]!.day.slice(0, 7));
  lines.push("", "Snapshot size over time (first published snapshot of each month):", "");
  lines.push(row(["Day", "Models", "Raw B", "Gzip B", "Gzip B/model"]), "|---|---|---|---|---|");
  for (const s of months) lines.push(row([s.day, s.models, n(s.raw_bytes), n(s.gzip_bytes), s.gzip_per_model]));
  return lines.join("\n");
}
