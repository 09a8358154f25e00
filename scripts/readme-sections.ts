// Refreshes the generated sections of README.md from what was measured, never typed by hand:
//   bench        ← bench/report.json (npm run bench)
//   backtest     ← docs/backtest-table.md (scripts/backtest-report.ts)
//   reliability  ← the vitest JSON report and recorded figures (scripts/reliability-report.ts)
// Usage: npx tsx scripts/readme-sections.ts [test-results.json]
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { reliabilityTable } from "./reliability-report";

const ROOT = resolve(import.meta.dirname, "..");
type J = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const n = (x: number, d = 0) => x.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });
const ratio = (x: number) => `**${x >= 10 ? n(x) : x.toFixed(2)}×**`;

export function benchTable(r: J): string {
  const rows: string[] = ["| Budget | Measured | Side by side / budget |", "|---|---|---|"];
  const c = r.core;
  if (c) {
    rows.push(
      `| Price one task (${c.price_one_task.model}, 30K in / 800 out / 60% cache) | ${n(c.price_one_task.ours_ops_per_s / 1e6, 1)} M tasks/s (cost $${c.price_one_task.cost_ours_usd}) | \`@pydantic/genai-prices\` calcPrice ${n(c.price_one_task.peer_ops_per_s / 1e3, 0)} K/s (cost $${c.price_one_task.cost_peer_usd}) → ${ratio(c.price_one_task.ratio)}; budget ≥ 100× |`,
    );
    rows.push(
      `| Compare one profile across ${c.compare_all_active.models} active models | ${n(c.compare_all_active.ours_us_per_call, 1)} µs per call | calcPrice once per model (${c.compare_all_active.peer_models} priced): ${n(c.compare_all_active.peer_us_per_call)} µs → ${ratio(c.compare_all_active.ratio)} |`,
    );
    rows.push(
      `| θ/σ fit, all ${c.theta_sigma_fit_all_families.families} families | ${c.theta_sigma_fit_all_families.median_ms.toFixed(2)} ms (median of ${c.theta_sigma_fit_all_families.runs}) | — |`,
    );
  }
  const f = r.feed;
  if (f && !f.error) {
    for (const [k, label] of [
      ["get_greeks", "GET /v1/greeks"],
      ["get_snapshot", "GET /v1/snapshot"],
      ["post_price", "POST /v1/price"],
    ] as const) {
      const x = f[k];
      const met = x.ratio >= Number(String(x.budget).replace(/[^0-9.]/g, ""));
      const rounds = Array.isArray(x.ratio_per_round)
        ? ` (rounds: ${(x.ratio_per_round as number[]).map((v) => v.toFixed(2)).join(", ")})`
        : "";
      rows.push(
        `| ${label} on workerd | ${n(x.ours_req_per_s)} req/s, p50 ${x.ours_p50_ms} ms, p99 ${x.ours_p99_ms} ms | minimal worker, same bytes: ${n(x.minimal_req_per_s)} req/s → ${ratio(x.ratio)}${rounds}; budget ${x.budget}${met ? "" : " — **not met**"} |`,
      );
    }
    rows.push(
      `| Full bundled pipeline run (6 sources → publish) | ${n(f.pipeline.steady_total_ms)} ms (first run with seeding: ${n(f.pipeline.first_run_total_ms)} ms) | budget < 1,000 ms; per step: ${Object.entries(
        f.pipeline.steps_ms as Record<string, number>,
      )
        .map(([s, v]) => `${s} ${n(v)}`)
        .join(", ")} |`,
    );
    rows.push(
      `| Signed snapshot envelope | ${n(f.envelope.raw_bytes)} B raw, ${n(f.envelope.gzip_bytes)} B gzip | budget ≤ ${n(f.envelope.budget_gzip_bytes)} B gzip |`,
    );
  }
  const m = r.market;
  if (m && !m.error) {
    const mc = m.monte_carlo;
    const ms = mc.ms_100k_paths_12_monthly_steps;
    const parts = mc.ms_100k_ticker ? ` (ticker ${n(mc.ms_100k_ticker)} ms, tier ${n(mc.ms_100k_tier)} ms)` : "";
    const merton = mc.ms_100k_merton_before;
    const vs = merton ? `${n(merton)} ms → ${ratio(mc.ratio_merton_over_slower)}` : "";
    const before = merton ? `Merton jump-diffusion it replaces: ${vs}; ` : "";
    const rate = `${n(mc.paths_x_steps_per_s / 1e6, 2)} M paths×steps/s`;
    const met = ms > 100 ? " — **not met**" : "";
    rows.push(
      `| Monte Carlo, 100,000 paths × 12 monthly steps${parts} | ${n(ms)} ms (${rate}) | ${before}budget ≤ 100 ms${met} |`,
    );
    rows.push(
      `| EICI recomputed over the full history (${m.index.fixings} daily fixings) | ${n(m.index.ms_full_history)} ms | — |`,
    );
    rows.push(
      `| Backtest over the full history (${m.backtest.predictions} forecasts) | ${n(m.backtest.ms_full_history, 1)} ms | — |`,
    );
  }
  const sc = r.scale;
  if (sc && !sc.error) {
    const steps = (p: J) =>
      Object.entries(p.steps_ms as Record<string, number>)
        .map(([s, v]) => `${s} ${n(v)}`)
        .join(", ");
    const dom = (p: J) => `${p.dominant_step.step} is ${Math.round(p.dominant_step.share_of_run * 100)}% of the run`;
    for (const [p, budget] of [
      [sc.pipeline_today, "< 1,000 ms"],
      [sc.pipeline_400, "< 2,000 ms"],
    ] as const) {
      rows.push(
        `| Steady pipeline run, ${p.models} models (bundled, in-process) | ${n(p.steady_ms)} ms; ${dom(p)} | budget ${budget}${p.within_budget ? "" : " — **not met**"}; per step: ${steps(p)} |`,
      );
    }
    rows.push(
      `| Steady run at 400 models ÷ at ${sc.pipeline_today.models} | ${ratio(sc.steady_ratio_400_over_today)} | — |`,
    );
    const g = sc.snapshot_gzip_per_model;
    rows.push(
      `| Snapshot gzip bytes per model (${sc.pipeline_today.models} / 400 models) | ${n(g.today)} / ${n(g.at_400)} B | budget ≤ ${g.budget} B${g.within_budget ? "" : " — **not met**"} |`,
    );
    const t = sc.ticker_page_400;
    if (t.total_gzip_bytes !== null) {
      rows.push(
        `| Page with one &lt;exo-ticker&gt; at 400 models, JS + data gzip | ${n(t.total_gzip_bytes)} B (JS ${n(t.js_gzip_bytes)}, widget view and keys ${n(t.data_gzip_bytes)}) | budget ≤ ${n(t.budget_bytes)} B → ${ratio(t.ratio_total_over_budget)} of it${t.within_budget ? "" : " — **not met**"} |`,
      );
    }
  }
  for (const [section, peerNote] of [
    ["widgets", "headless Chromium, built files"],
    ["pwa", "headless Chromium; tokenizers side by side in Web Workers"],
  ] as const) {
    const sum = r[section]?.summary as
      | { metric: string; value: number; budget: number | null; ok: boolean }[]
      | undefined;
    for (const x of Object.values(sum ?? {})) {
      rows.push(
        `| ${section === "pwa" ? "PWA" : "Widgets"}: ${x.metric.replace(/</g, "&lt;")} | ${n(x.value, Number.isInteger(x.value) ? 0 : x.value < 10 ? 2 : 1)} | ${x.budget === null || x.budget === undefined ? peerNote : `budget ${n(x.budget, x.budget < 10 ? 2 : 0)}${x.ok ? "" : " — **not met**"}`} |`,
      );
    }
  }
  const tok = r.pwa?.tokenizer;
  if (tok) {
    const adv = tok.adversarial as Record<string, J>;
    rows.push(
      `| PWA tokenizer, adversarial inputs (worker ms; gpt-tokenizer / js-tiktoken) | ${Object.entries(adv)
        .map(([k, v]) => `${k}: ${n(v.exostream_worker.worker_ms)}`)
        .join("; ")} | ${Object.entries(adv)
        .map(
          ([k, v]) =>
            `${k}: ${v["gpt-tokenizer"]?.ms ? n(v["gpt-tokenizer"].ms) : "timeout"} / ${v["js-tiktoken"]?.ms ? n(v["js-tiktoken"].ms) : "timeout"}`,
        )
        .join("; ")}; counts equal tiktoken's |`,
    );
  }
  rows.push(
    "",
    `Measured ${String(r.machine?.date ?? "").slice(0, 10)} on ${r.machine?.cpus} cores, Node ${r.machine?.node}; the full figures are in \`bench/report.json\`.`,
  );
  return rows.join("\n");
}

export function replaceSection(text: string, name: string, body: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < 0) throw new Error(`README has no ${name} markers`);
  return `${text.slice(0, i + start.length)}\n${body.trim()}\n${text.slice(j)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const readmePath = resolve(ROOT, "README.md");
  let readme = readFileSync(readmePath, "utf8");
  const report = resolve(ROOT, "bench/report.json");
  if (existsSync(report))
    readme = replaceSection(readme, "bench", benchTable(JSON.parse(readFileSync(report, "utf8")) as J));
  const bt = resolve(ROOT, "docs/backtest-table.md");
  if (existsSync(bt) && readme.includes("<!-- backtest:start -->"))
    readme = replaceSection(readme, "backtest", readFileSync(bt, "utf8").replace(/^<!--.*-->\n/, ""));
  const results = resolve(ROOT, process.argv[2] ?? ".exostream/test-results.json");
  const figures = resolve(ROOT, ".exostream/reliability-figures.json");
  if (existsSync(results) && readme.includes("<!-- reliability:start -->")) {
    readme = replaceSection(
      readme,
      "reliability",
      reliabilityTable(
        JSON.parse(readFileSync(results, "utf8")),
        existsSync(figures) ? JSON.parse(readFileSync(figures, "utf8")) : {},
      ),
    );
  }
  writeFileSync(readmePath, readme);
  console.log("README sections refreshed");
}
