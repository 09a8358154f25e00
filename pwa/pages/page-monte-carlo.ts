import { html, nothing, type TemplateResult } from "lit";
import type { GreekRow } from "../../oracle-core/schemas";
import type { SnapshotPayload } from "../../oracle-core/schemas";
import { check, numberField, selectField } from "../app/fields";
import { num, pct, perM, tokens } from "../app/display-format";
import { mathLane, type Job } from "../app/worker-client";
import { dateSeconds, type ChartSpec } from "../components/chart-spec";
import { dataTable } from "../components/data-table";
import "../components/chart-figure";
import { ExoPage } from "../components/exo-page";
import { modelOptions } from "../components/lifecycle-view";
import { progressBox } from "../components/progress-box";
import type { Fail, McTenorStats, MonteCarloView, Progress } from "../worker/worker-api";

const form = { ticker: "", paths: "10000", seed: "12345" };

/**
 * Seeded Monte Carlo of a model's output price as a fan chart: the row's lifecycle-hazard law (as GET
 * /v1/monte-carlo simulates it), or Merton (MATH.md §10) for a snapshot without a forecast model.
 */
export class PageMonteCarlo extends ExoPage {
  private view: MonteCarloView | null = null;
  private fail: Fail | null = null;
  private job: Job<MonteCarloView> | null = null;
  /** A cancelled simulation still stopping in the worker: Run waits for it (its worker may have to be replaced). */
  private stopping = false;
  private progress: Progress | null = null;
  private started = 0;

  protected override snapshotChanged(p: SnapshotPayload): void {
    if (p.models.some((m) => m.ticker === form.ticker)) return;
    form.ticker = (p.models.find((m) => m.ticker === "GPT-4.1") ?? p.models[0])?.ticker ?? "";
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.job?.cancel();
  }

  private checked() {
    // Up to a million on the device (the jump process is cheap: 100,000 paths × 12 steps take well under 0.1 s).
    const paths = check.range(form.paths, "Paths", 100, 1_000_000, "E_BAD_MC_PARAM");
    if (!paths.error && !Number.isInteger(paths.value)) paths.error = "Paths must be a whole number (E_BAD_MC_PARAM)";
    const seed = check.range(form.seed, "Seed", 0, 2 ** 31 - 1, "E_BAD_MC_PARAM");
    if (!seed.error && !Number.isInteger(seed.value)) seed.error = "The seed must be a whole number (E_BAD_MC_PARAM)";
    return { paths, seed, ok: !paths.error && !seed.error };
  }

  private run(): void {
    const { paths, seed, ok } = this.checked();
    if (!ok || this.stopping) return;
    this.job?.cancel();
    this.view = null;
    this.fail = null;
    this.started = Date.now();
    this.progress = { done: 0, total: paths.value, phase: "simulating paths" };
    const input = { ticker: form.ticker, paths: paths.value, seed: seed.value };
    const job = mathLane().job<MonteCarloView>(
      (api, id, onP) => api.monteCarlo(id, input, onP),
      (p) => {
        this.progress = p;
        this.requestUpdate();
      },
    );
    this.job = job;
    void job.result.then((r) => {
      if (this.job !== job) return;
      this.job = null;
      if (!r.ok && r.error.code === "E_CANCELLED") {
        this.stopping = true;
        void job.idle.then(() => {
          this.stopping = false;
          this.requestUpdate();
        });
      }
      this.progress = null;
      this.view = r.ok ? r.value : null;
      this.fail = r.ok ? null : r.error;
      this.requestUpdate();
    });
    this.requestUpdate();
  }

  protected override render() {
    const p = this.payload;
    if (!p) return this.waiting("Monte Carlo");
    const { paths, seed, ok } = this.checked();
    const row = p.models.find((m) => m.ticker === form.ticker);
    return html`<h1 tabindex="-1">Monte Carlo: where the price could go</h1>
      <p class="lede">Simulates the model's own output price β as the forecast sees it: most prices never move, and when one does it jumps (a repricing), at a rate that is highest while the model is its family's newest and young, and near zero once a successor has launched. Seeded: the same inputs give the same fan. Runs in the background with progress; you can cancel.</p>
      <form novalidate @submit=${(e: Event) => (e.preventDefault(), this.run())}>
        <div class="grid">
          ${selectField({ id: "mc-model", label: "Model", value: form.ticker, options: modelOptions(p.models, p.valuation_date, form.ticker), onChange: (v) => ((form.ticker = v), this.requestUpdate()), hint: row ? mcHint(row) : undefined })}
          ${numberField({ id: "mc-paths", label: "Paths", value: form.paths, error: paths.error, min: 100, step: "1", onInput: (v) => ((form.paths = v), this.requestUpdate()) })}
          ${numberField({ id: "mc-seed", label: "Seed", value: form.seed, error: seed.error, min: 0, step: "1", onInput: (v) => ((form.seed = v), this.requestUpdate()) })}
        </div>
        <p><button type="submit" ?disabled=${!ok || this.job !== null || this.stopping}>Run simulation</button></p>
      </form>
      ${this.progress && this.job ? progressBox(this.progress, "Simulating", () => this.job?.cancel(), this.started, Date.now()) : nothing}
      ${this.fail ? html`<p class="notice ${this.fail.code === "E_CANCELLED" ? "" : "bad"}" role="status">${this.fail.code === "E_CANCELLED" ? "Simulation cancelled." : `${this.fail.message} (${this.fail.code})`}</p>` : nothing}
      ${this.view ? this.results(this.view) : nothing}`;
  }

  private results(v: MonteCarloView) {
    const tenors = Object.entries(v.result.tenors) as Array<[string, McTenorStats]>;
    const xs = [dateSeconds(v.dates.spot!), ...tenors.map(([h]) => dateSeconds(v.dates[h]!))];
    const col = (k: "mean" | "p5" | "p25" | "p50" | "p75" | "p95") => [
      v.beta,
      ...tenors.map(([, s]) => s[k] as number),
    ];
    const spec: ChartSpec = {
      x: xs,
      time: true,
      yLabel: "USD per 1M output tokens",
      series: [
        { label: "95th percentile", values: col("p95"), color: "#7db89d", width: 1 },
        { label: "75th percentile", values: col("p75"), color: "#2f8a63", width: 1 },
        { label: "Median", values: col("p50"), color: "#0b4f3c", width: 3 },
        { label: "25th percentile", values: col("p25"), color: "#2f8a63", width: 1 },
        { label: "5th percentile", values: col("p5"), color: "#7db89d", width: 1 },
        { label: "Mean (= forward)", values: col("mean"), color: "#1a5fd0", dash: [6, 4] },
      ],
      bands: [
        { upper: 0, lower: 4, fill: "rgba(11, 79, 60, 0.12)" },
        { upper: 1, lower: 3, fill: "rgba(11, 79, 60, 0.22)" },
      ],
    };
    const last = tenors.at(-1)!;
    return html`<exo-chart
        .caption=${`Fan chart of ${form.ticker}'s output price (${tokens(v.result.paths)} paths, seed ${v.result.seed})`}
        .summary=${`In ${last[0]} the median is ${perM(last[1].p50)}; 90% of paths lie between ${perM(last[1].p5)} and ${perM(last[1].p95)}${last[1].p_change === undefined ? "" : `; ${pct(last[1].p_change)} of paths saw a price change`}. Model: ${v.model === "lifecycle-hazard" ? "lifecycle hazard" : "Merton jump-diffusion (snapshot without a forecast model)"}.`}
        .filename=${`monte-carlo-${form.ticker}`}
        .spec=${spec}
      ></exo-chart>
      ${dataTable({
        id: "mc-stats",
        caption: "Distribution by tenor (USD per 1M output tokens)",
        filename: `monte-carlo-${form.ticker}`,
        columns: [
          { label: "Tenor", value: (x: [string, McTenorStats]) => x[0] },
          { label: "Date", value: (x) => v.dates[x[0]] },
          { label: "Mean", value: (x) => x[1].mean, cell: (x) => perM(x[1].mean), num: true },
          { label: "SD", value: (x) => x[1].sd, cell: (x) => num(x[1].sd), num: true },
          ...(v.model === "lifecycle-hazard"
            ? [
                {
                  label: "P(change)",
                  value: (x: [string, McTenorStats]) => x[1].p_change,
                  cell: (x: [string, McTenorStats]) => pct(x[1].p_change ?? 0),
                  num: true,
                },
              ]
            : []),
          { label: "5%", value: (x) => x[1].p5, cell: (x) => perM(x[1].p5), num: true },
          { label: "25%", value: (x) => x[1].p25, cell: (x) => perM(x[1].p25), num: true },
          { label: "Median", value: (x) => x[1].p50, cell: (x) => perM(x[1].p50), num: true },
          { label: "75%", value: (x) => x[1].p75, cell: (x) => perM(x[1].p75), num: true },
          { label: "95%", value: (x) => x[1].p95, cell: (x) => perM(x[1].p95), num: true },
        ],
        rows: tenors,
      })}`;
  }
}

/** The model's state as the forecast reads it (θ and σ are the family's descriptive statistics, not the model). */
function mcHint(row: GreekRow): TemplateResult {
  const f = row.forecast;
  if (!f) return html`β ${perM(row.beta)}; no forecast model in this snapshot: Merton with θ ${num(row.theta)}/yr`;
  const state = f.superseded ? "superseded (a newer model of its family exists)" : `launched ${f.launch}`;
  return html`β ${perM(row.beta)}, ${state}`;
}

customElements.define("page-monte-carlo", PageMonteCarlo);
