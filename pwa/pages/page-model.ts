import { html, nothing, type TemplateResult } from "lit";
import { num, pct, perM, tokens } from "../app/display-format";
import { selectField } from "../app/fields";
import { compute } from "../app/worker-client";
import { dateSeconds, type ChartSpec } from "../components/chart-spec";
import { dataTable } from "../components/data-table";
import "../components/chart-figure";
import { ExoPage } from "../components/exo-page";
import { lifecycleBlock, modelOptions } from "../components/lifecycle-view";
import type { CurvePoint, Fail, HistoryPoint, HistoryView, ModelSheet } from "../worker/worker-api";

/** One model: its Greek sheet, forward curve and price history with provenance (snapshot-only points marked). */
export class PageModel extends ExoPage {
  private _ticker: string | null = null;
  private sheet: ModelSheet | null = null;
  private history: HistoryView | null = null;
  private fail: Fail | null = null;
  private loaded = "";

  set ticker(t: string | null) {
    this._ticker = t;
    void this.load();
  }
  get ticker(): string | null {
    return this._ticker;
  }

  override connectedCallback(): void {
    // A value set before this element was defined (the page loads lazily) is an own property hiding the setter.
    if (Object.hasOwn(this, "ticker")) {
      const t = (this as unknown as { ticker: string | null }).ticker;
      delete (this as unknown as { ticker?: unknown }).ticker;
      this.ticker = t;
    }
    super.connectedCallback();
  }

  protected override snapshotChanged(): void {
    this.loaded = "";
    void this.load();
  }

  private current(): string | null {
    const models = this.payload?.models ?? [];
    if (this._ticker && models.some((m) => m.ticker === this._ticker)) return this._ticker;
    return (models.find((m) => m.ticker === "GPT-4.1") ?? models[0])?.ticker ?? null;
  }

  private async load(): Promise<void> {
    const t = this.current();
    if (!t || t === this.loaded) return;
    this.loaded = t;
    this.sheet = null;
    this.history = null;
    this.requestUpdate();
    const [s, h] = await Promise.all([compute((api) => api.modelSheet(t)), compute((api) => api.history(t))]);
    if (this.loaded !== t) return;
    this.sheet = s.ok ? s.value : null;
    this.fail = s.ok ? null : s.error;
    this.history = h.ok ? h.value : { available: false, reason: h.error.message };
    this.requestUpdate();
  }

  protected override render() {
    const p = this.payload;
    if (!p) return this.waiting("Model");
    const t = this.current();
    const models = [...p.models].sort((a, b) => a.ticker.localeCompare(b.ticker));
    return html`<h1 tabindex="-1">Model: ${t}</h1>
      <div class="grid">
        ${selectField({
          id: "model-pick",
          label: "Model",
          value: t ?? "",
          options: modelOptions(models, p.valuation_date, t ?? ""),
          onChange: (v) => (location.hash = `#/model/${encodeURIComponent(v)}`),
        })}
      </div>
      ${this.fail ? html`<p class="notice bad" role="alert">${this.fail.message}</p>` : nothing}
      ${this.sheet ? this.sheetView(this.sheet) : html`<p class="muted" role="status">Loading…</p>`}
      ${this.historyView()}`;
  }

  private sheetView(s: ModelSheet): TemplateResult {
    const r = s.row;
    const rows: Array<{ k: string; sym: string; v: unknown; shown: string }> = [
      { k: "Output price (the ticker price)", sym: "β", v: r.beta, shown: perM(r.beta) },
      { k: "Input price", sym: "", v: r.prices.input, shown: perM(r.prices.input) },
      { k: "Cache read price", sym: "", v: r.prices.cache_read, shown: perM(r.prices.cache_read) },
      { k: "Input ÷ output", sym: "r_in", v: r.r_in, shown: num(r.r_in) },
      { k: "Cache read ÷ output", sym: "r_cache", v: r.r_cache, shown: num(r.r_cache) },
      { k: "Thinking ÷ output", sym: "r_think", v: r.r_think, shown: num(r.r_think) },
      { k: "Batch ÷ sync", sym: "r_batch", v: r.r_batch, shown: r.r_batch === null ? "no batch API" : num(r.r_batch) },
      {
        k: "Cache write multiplier (5 min / 1 h)",
        sym: "m_w",
        v: `${r.cache_write_mult["5m"]}/${r.cache_write_mult["1h"]}`,
        shown: `${num(r.cache_write_mult["5m"])} / ${num(r.cache_write_mult["1h"])}`,
      },
      {
        k: "Family price decay per year (descriptive family statistic, not the forward)",
        sym: "θ",
        v: r.theta,
        shown: `${num(r.theta)} (${r.theta_prior} prior, credibility ${num(r.credibility_z, 3)})`,
      },
      { k: "Family price decay per month (descriptive)", sym: "θ_month", v: r.theta_month, shown: num(r.theta_month) },
      {
        k: "Family price volatility per month (descriptive)",
        sym: "σ_month",
        v: r.sigma_month,
        shown: num(r.sigma_month),
      },
      {
        k: "Family's yearly decline at θ (descriptive)",
        sym: "",
        v: s.derived.annual_decline,
        shown: pct(s.derived.annual_decline),
      },
      {
        k: "Family's price half-life at θ (descriptive)",
        sym: "",
        v: s.derived.half_life_years,
        shown: s.derived.half_life_years === null ? "none (not falling)" : `${num(s.derived.half_life_years, 3)} years`,
      },
      {
        k: "Output tokens per USD",
        sym: "",
        v: s.derived.tokens_per_usd,
        shown: tokens(s.derived.tokens_per_usd === null ? null : Math.round(s.derived.tokens_per_usd)),
      },
      ...(["1M", "3M", "6M", "12M"] as const).map((h) => ({
        k: `Forward output price ${h} (expected price of this model)`,
        sym: "β_fwd",
        v: r.forwards[h],
        shown: perM(r.forwards[h]),
      })),
      { k: "Quote status", sym: "", v: r.status, shown: r.status },
      { k: "Lifecycle", sym: "", v: r.lifecycle, shown: r.lifecycle },
      { k: "Sources", sym: "", v: r.sources.join(" "), shown: r.sources.join(", ") || "—" },
      { k: "Context window", sym: "", v: r.context_window, shown: `${tokens(r.context_window)} tokens` },
      { k: "Max output", sym: "", v: r.max_output, shown: `${tokens(r.max_output)} tokens` },
      {
        k: "Tokenizer",
        sym: "",
        v: r.tokenizer,
        shown: r.tokenizer.startsWith("estimate:")
          ? `${r.tokenizer.slice(9)} (not public: counts are estimates)`
          : `${r.tokenizer} (exact)`,
      },
      { k: "Release date", sym: "", v: r.release_date, shown: r.release_date },
    ];
    const banded = s.curve.every((c) => c.law !== null);
    const q = (k: "q5" | "q25" | "median" | "q75" | "q95") => s.curve.map((c) => c.law?.[k] ?? null);
    const curve: ChartSpec = {
      x: s.curve.map((c) => dateSeconds(c.date)),
      time: true,
      yLabel: "USD per 1M output tokens",
      series: banded
        ? [
            { label: "95% quantile", values: q("q95"), color: "#7db89d", width: 1 },
            { label: "75% quantile", values: q("q75"), color: "#2f8a63", width: 1 },
            { label: "25% quantile", values: q("q25"), color: "#2f8a63", width: 1 },
            { label: "5% quantile", values: q("q5"), color: "#7db89d", width: 1 },
            { label: "Median", values: q("median"), color: "#555", dash: [2, 3] },
            {
              label: `${r.ticker} forward β (expected price)`,
              values: s.curve.map((c) => c.value),
              color: "#0b4f3c",
              width: 3,
            },
          ]
        : [{ label: `${r.ticker} forward β`, values: s.curve.map((c) => c.value), color: "#0b4f3c", width: 3 }],
      ...(banded
        ? {
            bands: [
              { upper: 0, lower: 3, fill: "rgba(11, 79, 60, 0.10)" },
              { upper: 1, lower: 2, fill: "rgba(11, 79, 60, 0.20)" },
            ],
          }
        : {}),
    };
    const end = s.curve.at(-1)!;
    const bandNote = end.law
      ? `; in 12 months 90% of outcomes lie between ${perM(end.law.q5)} and ${perM(end.law.q95)}, and the price changes at all with probability ${pct(end.law.p_change)}`
      : "";
    const law = (k: "median" | "q5" | "q25" | "q75" | "q95", label: string) => ({
      label,
      value: (x: CurvePoint) => x.law?.[k] ?? null,
      cell: (x: CurvePoint) => (x.law ? perM(x.law[k]) : "—"),
      num: true,
    });
    return html`<p class="lede">${r.display_name} by ${r.provider}, family ${r.family}. Values as of ${this.payload!.valuation_date}.</p>
      ${lifecycleBlock(r, this.payload!.valuation_date)}
      ${dataTable({
        id: "greeks",
        caption: "Greek sheet",
        filename: `greeks-${r.ticker}`,
        columns: [
          { label: "Quantity", value: (x) => x.k },
          { label: "Symbol", value: (x) => x.sym, cell: (x) => html`<span class="sym">${x.sym}</span>` },
          { label: "Value", value: (x) => x.v, cell: (x) => x.shown },
        ],
        rows,
      })}
      <p class="muted" data-testid="theta-note">θ and σ describe how this model's family has priced its models over time (successors included). They are descriptive statistics and do not drive the forward: a model's own price rarely moves, so its forward is the expected price of this model from the lifecycle forecast.</p>
      <exo-chart
        .caption=${`Forward curve of ${r.ticker} (expected output price, next 12 months${banded ? ", with 50% and 90% bands" : ""})`}
        .summary=${`From ${perM(s.curve[0]!.value)} on ${s.curve[0]!.date} to ${perM(end.value)} on ${end.date}${bandNote}${r.scheduled.length ? "; announced prices are applied from their dates" : ""}.`}
        .filename=${`forward-${r.ticker}`}
        .spec=${curve}
      ></exo-chart>
      ${dataTable({
        id: "forward",
        caption: "Forward curve by month",
        filename: `forward-${r.ticker}`,
        columns: [
          { label: "Date", value: (x) => x.date },
          { label: "Years ahead", value: (x) => x.t, cell: (x) => num(x.t, 3), num: true },
          { label: "Forward (expected, USD/M)", value: (x) => x.value, cell: (x) => perM(x.value), num: true },
          ...(banded
            ? [
                law("median", "Median"),
                law("q5", "5%"),
                law("q25", "25%"),
                law("q75", "75%"),
                law("q95", "95%"),
                {
                  label: "P(change)",
                  value: (x: CurvePoint) => x.law?.p_change ?? null,
                  cell: (x: CurvePoint) => pct(x.law?.p_change ?? null),
                  num: true,
                },
              ]
            : []),
        ],
        rows: s.curve,
      })}
      ${s.tier ? this.tierView(r.family, s.tier) : nothing}`;
  }

  private tierView(family: string, tier: NonNullable<ModelSheet["tier"]>): TemplateResult {
    return html`<h2>Tier forecast: what ${family}'s newest model will cost</h2>
      <p class="muted">A separate instrument: the price of whichever model is the family's newest at each date, successor launches included (they are often priced above or below this one). The index and this model's own forward do not use it.</p>
      ${dataTable({
        id: "tier",
        caption: `Tier forecast of ${family} (USD per 1M output tokens)`,
        filename: `tier-${family}`,
        columns: [
          { label: "Tenor", value: (x) => x.name },
          { label: "Date", value: (x) => x.date },
          { label: "Forward (expected)", value: (x) => x.point.mean, cell: (x) => perM(x.point.mean), num: true },
          { label: "Median", value: (x) => x.point.median, cell: (x) => perM(x.point.median), num: true },
          { label: "5%", value: (x) => x.point.q5, cell: (x) => perM(x.point.q5), num: true },
          { label: "95%", value: (x) => x.point.q95, cell: (x) => perM(x.point.q95), num: true },
          { label: "P(change)", value: (x) => x.point.p_change, cell: (x) => pct(x.point.p_change), num: true },
        ],
        rows: tier,
      })}`;
  }

  private historyView(): TemplateResult {
    const h = this.history;
    const t = this.current();
    if (!h) return html``;
    if (!h.available)
      return html`<h2>Price history</h2><p class="notice" data-testid="history-unavailable">${h.reason} The forward curve above is all there is for now.</p>`;
    const pts = h.points.filter((x) => x.field === "output" || x.field === "input");
    if (pts.length === 0)
      return html`<h2>Price history</h2><p class="muted">No recorded price changes for ${t} yet.</p>`;
    const today = this.payload!.valuation_date;
    const xs = [...new Set([...pts.map((x) => x.effective_at), today])].sort();
    const snapOnly = (x: HistoryPoint) => x.confidence === "snapshot-only";
    // The price in force on each date is the latest recorded value (prices hold until they change).
    const held = (field: string) =>
      xs.map((d) => pts.filter((x) => x.field === field && x.effective_at <= d).at(-1)?.value ?? null);
    const marks = (field: string | null, only: boolean) =>
      xs.map(
        (d) =>
          pts.find((x) => x.effective_at === d && (field === null || x.field === field) && snapOnly(x) === only)
            ?.value ?? null,
      );
    const spec: ChartSpec = {
      x: xs.map(dateSeconds),
      time: true,
      yLabel: "USD per 1M tokens",
      series: [
        { label: "Output price", values: held("output"), color: "#0b4f3c", stepped: true },
        { label: "Input price", values: held("input"), color: "#1a5fd0", stepped: true },
        { label: "Recorded output", values: marks("output", false), color: "#0b4f3c", pointsOnly: true },
        { label: "Recorded input", values: marks("input", false), color: "#1a5fd0", pointsOnly: true },
        { label: "Snapshot-only point", values: marks(null, true), color: "#a3161f", pointsOnly: true, hollow: true },
      ],
    };
    const nSnap = pts.filter(snapOnly).length;
    return html`<h2>Price history</h2>
      <exo-chart
        .caption=${`Recorded prices of ${t}`}
        .summary=${`${pts.length} observations from ${xs[0]} to ${pts.at(-1)!.effective_at}, held to ${today}; ${nSnap} known only from snapshots (hollow red markers).`}
        .filename=${`history-${t}`}
        .spec=${spec}
      ></exo-chart>
      ${dataTable({
        id: "history",
        caption: "Observations with provenance",
        filename: `history-${t}`,
        rowClass: (x) => (snapOnly(x) ? "snapshot-only" : ""),
        columns: [
          { label: "Effective date", value: (x) => x.effective_at },
          { label: "Field", value: (x) => x.field },
          { label: "USD/M", value: (x) => x.value, cell: (x) => perM(x.value), num: true },
          { label: "Kind", value: (x) => x.kind },
          {
            label: "Confidence",
            value: (x) => x.confidence,
            cell: (x) => (snapOnly(x) ? html`<strong>snapshot-only</strong>` : x.confidence),
          },
          { label: "Provenance", value: (x) => x.provenance },
          { label: "Source", value: (x) => x.source },
          { label: "Observed", value: (x) => x.observed_at },
        ],
        rows: pts,
      })}`;
  }
}

customElements.define("page-model", PageModel);
