import { html } from "lit";
import type { SnapshotPayload } from "../../oracle-core/schemas";
import { num, perM, tokens, usd } from "../app/display-format";
import { check, numberField, radioGroup, selectField } from "../app/fields";
import { LatestAnswer } from "../app/latest-answer";
import { compute } from "../app/worker-client";
import { dateSeconds, type ChartSpec } from "../components/chart-spec";
import { dataTable } from "../components/data-table";
import "../components/chart-figure";
import { ExoPage } from "../components/exo-page";
import type { SwapDesk, SwapDeskInput } from "../worker/worker-api";

const form = {
  underlying: "",
  months: "3",
  notional_type: "tokens" as "tokens" | "usd",
  notional: "1000000000",
  K: "",
  fixing: "end" as "end" | "average",
};

/** EICS swap desk: fair fixed rate, NPV at a chosen K, sensitivities and the fixed-vs-floating picture (MATH.md §9). */
export class PageSwap extends ExoPage {
  private readonly answer = new LatestAnswer<SwapDesk>(this);

  protected override snapshotChanged(p: SnapshotPayload): void {
    const unknown = form.underlying === "EICI" ? !p.index : !p.models.some((m) => m.ticker === form.underlying);
    const model = (p.models.find((m) => m.ticker === "GPT-4.1") ?? p.models[0])?.ticker ?? "";
    if (!form.underlying || unknown) form.underlying = p.index ? "EICI" : model;
    this.compute();
  }

  private checked() {
    const months = check.range(form.months, "Term (months)", 1, 120, "E_SWAP_TERM");
    if (!months.error && !Number.isInteger(months.value))
      months.error = "Term must be a whole number of months (E_SWAP_TERM)";
    const notional =
      form.notional_type === "tokens"
        ? check.tokens(form.notional, "Notional (output tokens per month)")
        : check.money(form.notional, "Notional (USD per month)");
    const K = form.K.trim() === "" ? { value: Number.NaN, error: null } : check.money(form.K, "Fixed rate K");
    if (form.notional_type === "usd" && form.K.trim() !== "" && !K.error && K.value <= 0)
      K.error = "A USD notional needs K > 0 to convert the budget to tokens (E_SWAP_K)";
    const ok = !months.error && !notional.error && !K.error;
    const input: SwapDeskInput | null = ok
      ? {
          underlying: form.underlying,
          months: months.value,
          notional: { type: form.notional_type, amount: notional.value },
          K: form.K.trim() === "" ? null : K.value,
          fixing: form.fixing,
        }
      : null;
    return { months, notional, K, input };
  }

  private compute(): void {
    const { input } = this.checked();
    void this.answer.ask(input && this.payload ? () => compute((api) => api.swap(input)) : null);
  }

  private set(k: keyof typeof form, v: string): void {
    (form as Record<string, string>)[k] = v;
    this.compute();
  }

  protected override render() {
    const p = this.payload;
    if (!p) return this.waiting("Swap desk (EICS)");
    const { months, notional, K, input } = this.checked();
    const underlyings = [
      ...(p.index ? [{ value: "EICI", label: "EICI — the index (USD/M)" }] : []),
      ...p.models
        .filter((m) => m.lifecycle === "active")
        .map((m) => ({ value: m.ticker, label: `${m.ticker} output price β` })),
    ];
    return html`<h1 tabindex="-1">Swap desk (EICS)</h1>
      <p class="lede">Lock a fixed price per million output tokens for a term. The fixed payer pays K each month and receives the floating rate; the fair rate K* makes the swap worth zero today. Rates and risk are to the fixed payer.</p>
      <form novalidate @submit=${(e: Event) => e.preventDefault()}>
        <div class="grid">
          ${selectField({ id: "swap-underlying", label: "Underlying", value: form.underlying, options: underlyings, onChange: (v) => this.set("underlying", v), hint: p.index ? undefined : "The index is not yet published: single models only." })}
          ${numberField({ id: "swap-months", label: "Term (months)", value: form.months, error: months.error, min: 1, step: "1", onInput: (v) => this.set("months", v), hint: "1, 3 or 6 months are the standard terms" })}
          ${radioGroup({
            name: "swap-ntype",
            legend: "Notional in",
            value: form.notional_type,
            options: [
              { value: "tokens", label: "Output tokens per month" },
              { value: "usd", label: "USD per month" },
            ],
            onChange: (v) => this.set("notional_type", v),
          })}
          ${numberField({ id: "swap-notional", label: form.notional_type === "tokens" ? "Notional (tokens / month)" : "Notional (USD / month)", value: form.notional, error: notional.error, min: 0, onInput: (v) => this.set("notional", v) })}
          ${numberField({ id: "swap-k", label: "Fixed rate K (USD/M) — blank for the fair rate", value: form.K, error: K.error, min: 0, onInput: (v) => this.set("K", v) })}
          ${radioGroup({
            name: "swap-fixing",
            legend: "Fixing",
            value: form.fixing,
            options: [
              { value: "end", label: "End of month" },
              { value: "average", label: "Monthly average" },
            ],
            onChange: (v) => this.set("fixing", v),
          })}
        </div>
      </form>
      ${
        !input
          ? html`<p class="notice" role="status">Fix the highlighted fields to price the swap.</p>`
          : this.answer.fail
            ? html`<p class="notice bad" role="alert">${this.answer.fail.message} (${this.answer.fail.code})</p>`
            : this.results()
      }`;
  }

  private results() {
    const d = this.answer.value;
    if (!d) return html`<p class="muted" role="status">Computing…</p>`;
    const v = d.value;
    const f = d.fair;
    const spec: ChartSpec = {
      x: d.dates.map(dateSeconds),
      time: true,
      yLabel: "USD per 1M output tokens",
      series: [
        {
          label: "Floating (expected)",
          values: d.periods.map((x) => x.expected_float),
          color: "#0b6b3a",
          width: 3,
          fillTo: { y: d.K, above: "rgba(11, 107, 58, 0.22)", below: "rgba(163, 22, 31, 0.22)" },
        },
        { label: "Fixed K", values: d.periods.map(() => d.K), color: "#16201c", dash: [6, 4] },
      ],
    };
    const fair = v.fair_rate; // K* for the requested fixing
    const basis = {
      lifecycle: "the model's lifecycle forward (its expected price; announced prices honoured)",
      "index-grid": "the index's signed forward (its members' lifecycle forwards)",
      theta: "θ decay (a snapshot from before the forecasts)",
    }[d.basis];
    const risks = [
      { k: "Fair fixed rate K* (end-of-month fixing)", v: f.end, shown: perM(f.end) },
      { k: "K* with monthly-average fixing", v: f.average, shown: perM(f.average) },
      { k: "Floating leg's forward", v: d.basis, shown: basis },
      {
        k: "Notional (output tokens per month)",
        v: v.notional_tokens_per_month,
        shown: tokens(Math.round(v.notional_tokens_per_month)),
      },
      { k: "PV of the floating leg", v: v.pv_float, shown: usd(v.pv_float) },
      { k: "PV of the fixed leg", v: v.pv_fixed, shown: usd(v.pv_fixed) },
      { k: "NPV to the fixed payer", v: v.npv_fixed_payer, shown: usd(v.npv_fixed_payer) },
      { k: "Annuity A (Σ discount factors)", v: v.annuity, shown: num(v.annuity, 6) },
      { k: "Delta: all prices +1%", v: v.delta_1pct, shown: usd(v.delta_1pct) },
      { k: "Theta01: forward drift −0.01/yr", v: v.theta01, shown: usd(v.theta01) },
      { k: "DV01: discount rate +1bp", v: v.dv01, shown: usd(v.dv01) },
      { k: "∂NPV/∂K per $1/M", v: v.dnpv_dK, shown: usd(v.dnpv_dK) },
    ];
    return html`<div class="cards">
        <div class="card"><p class="k">Fair fixed rate <span class="sym">K*</span></p><p class="v" data-testid="fair-rate" data-value=${fair}>${perM(fair)}</p><p class="s">the rate that makes the swap worth zero today</p></div>
        <div class="card"><p class="k">NPV at K = ${perM(d.K)}</p><p class="v" data-testid="npv" data-value=${v.npv_fixed_payer}>${usd(v.npv_fixed_payer)}</p><p class="s">${v.npv_fixed_payer > 0 ? "in your favour as fixed payer" : v.npv_fixed_payer < 0 ? "you pay above the fair rate for certainty" : "at market"}</p></div>
      </div>
      <exo-chart
        .caption=${"Fixed vs floating, month by month"}
        .summary=${`Expected floating rate from ${perM(d.periods[0]?.expected_float)} to ${perM(d.periods.at(-1)?.expected_float)} against the fixed ${perM(d.K)}. Green: the market is above your rate (you save); red: below (the cost of certainty).`}
        .filename=${"swap-fixed-vs-floating"}
        .spec=${spec}
      ></exo-chart>
      ${dataTable({
        id: "swap-risk",
        caption: "Valuation and sensitivities (to the fixed payer)",
        filename: "swap-valuation",
        columns: [
          { label: "Quantity", value: (x) => x.k },
          { label: "Value", value: (x) => x.v, cell: (x) => x.shown, num: true },
        ],
        rows: risks,
      })}
      ${dataTable({
        id: "swap-periods",
        caption: "Payment schedule",
        filename: "swap-periods",
        columns: [
          { label: "Month", value: (x) => x.m },
          { label: "Payment date", value: (x) => d.dates[x.m - 1] },
          { label: "Discount factor", value: (x) => x.df, cell: (x) => num(x.df, 6), num: true },
          {
            label: "Expected floating (USD/M)",
            value: (x) => x.expected_float,
            cell: (x) => perM(x.expected_float),
            num: true,
          },
          { label: "Fixed (USD/M)", value: () => d.K, cell: () => perM(d.K), num: true },
        ],
        rows: d.periods,
      })}`;
  }
}

customElements.define("page-swap", PageSwap);
