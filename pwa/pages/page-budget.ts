import { html } from "lit";
import { BUDGET_HORIZONS, type BudgetLine, type BudgetPlan } from "../../oracle-core/planning/index";
import { REFERENCE_PROFILES } from "../../oracle-core/greeks/reference-profiles";
import { check, numberField, selectField } from "../app/fields";
import { pct, tokens, usd } from "../app/format";
import { compute } from "../app/worker-client";
import { dataTable } from "../components/data-table";
import type { ChartSpec } from "../components/chart-spec";
import "../components/exo-chart";
import { ExoPage } from "../components/exo-page";
import type { BudgetInput, Fail } from "../worker/worker-api";

const form = { calls: "100000", n_in: "30000", n_out: "800", n_think: "0", eta: "60", tickers: [] as string[] };
const MAX_MODELS = 6;
const COLORS = ["#0b4f3c", "#1a5fd0", "#a3161f", "#7a4a00", "#5b2a86", "#2f6f73"];

/** Budget Planner: monthly volume × task profile → the monthly bill at spot and the 1M/3M/6M forwards. */
export class PageBudget extends ExoPage {
  private plan: BudgetPlan | null = null;
  private fail: Fail | null = null;
  private seq = 0;

  protected override snapshotChanged(): void {
    const p = this.payload!;
    form.tickers = form.tickers.filter((t) => p.models.some((m) => m.ticker === t));
    if (form.tickers.length === 0) form.tickers = ["GPT-4.1", "SONNET-4.5", "GEMINI-2.5-FLASH"].filter((t) => p.models.some((m) => m.ticker === t));
    if (form.tickers.length === 0) form.tickers = [p.models[0]!.ticker];
    void this.compute();
  }

  private checked() {
    const f = {
      calls: check.volume(form.calls, "Monthly calls"),
      n_in: check.tokens(form.n_in, "Input tokens n_in"),
      n_out: check.tokens(form.n_out, "Output tokens n_out"),
      n_think: check.tokens(form.n_think, "Thinking tokens n_think"),
      eta: check.percent(form.eta, "Cache hit rate η"),
    };
    const ok = Object.values(f).every((x) => !x.error) && form.tickers.length > 0;
    const input: BudgetInput | null = ok
      ? { monthly_calls: f.calls.value, task: { n_in: f.n_in.value, n_out: f.n_out.value, n_think: f.n_think.value, eta: f.eta.value }, tickers: [...form.tickers] }
      : null;
    return { f, input };
  }

  private async compute(): Promise<void> {
    const my = ++this.seq;
    const { input } = this.checked();
    if (!input) {
      this.plan = null;
      this.requestUpdate();
      return;
    }
    const r = await compute((api) => api.budget(input));
    if (my !== this.seq) return;
    this.plan = r.ok ? r.value : null;
    this.fail = r.ok ? null : r.error;
    this.requestUpdate();
  }

  private set(k: "calls" | "n_in" | "n_out" | "n_think" | "eta", v: string): void {
    form[k] = v;
    void this.compute();
  }

  protected override render() {
    const p = this.payload;
    if (!p) return this.waiting("Budget Planner");
    const { f, input } = this.checked();
    const profiles = p.reference_profiles.length ? p.reference_profiles : REFERENCE_PROFILES;
    const models = p.models.filter((m) => m.lifecycle === "active").sort((a, b) => a.ticker.localeCompare(b.ticker));
    return html`<h1 tabindex="-1">Budget Planner</h1>
      <p class="lede">Your monthly volume and task profile, priced today and at the 1M, 3M and 6M forwards — a number for the forecast, with the decay it assumes stated.</p>
      <form novalidate @submit=${(e: Event) => e.preventDefault()}>
        <div class="grid">
          ${numberField({ id: "bp-calls", label: "Calls per month", value: form.calls, error: f.calls.error, min: 0, step: "1", onInput: (v) => this.set("calls", v) })}
          ${selectField({
            id: "bp-profile",
            label: "Task profile preset",
            value: "",
            options: [{ value: "", label: "Custom" }, ...profiles.map((x) => ({ value: x.id, label: `${x.name} (${tokens(x.n_in)} in, ${tokens(x.n_out)} out, ${Math.round(x.eta * 100)}% cache)` }))],
            onChange: (v) => {
              const x = profiles.find((y) => y.id === v);
              if (!x) return;
              form.n_in = String(x.n_in);
              form.n_out = String(x.n_out);
              form.eta = String(Math.round(x.eta * 100));
              void this.compute();
            },
          })}
          ${numberField({ id: "bp-n-in", label: "Input tokens n_in", value: form.n_in, error: f.n_in.error, min: 0, step: "1", onInput: (v) => this.set("n_in", v) })}
          ${numberField({ id: "bp-n-out", label: "Output tokens n_out", value: form.n_out, error: f.n_out.error, min: 0, step: "1", onInput: (v) => this.set("n_out", v) })}
          ${numberField({ id: "bp-n-think", label: "Thinking tokens n_think", value: form.n_think, error: f.n_think.error, min: 0, step: "1", onInput: (v) => this.set("n_think", v) })}
          ${numberField({ id: "bp-eta", label: "Cache hit rate η (%)", value: form.eta, error: f.eta.error, min: 0, max: 100, onInput: (v) => this.set("eta", v) })}
        </div>
        <fieldset>
          <legend>Models (up to ${MAX_MODELS})</legend>
          ${form.tickers.map(
            (t, i) => html`<div class="row">
              ${selectField({ id: `bp-model-${i}`, label: `Model ${i + 1}`, value: t, options: models.map((m) => ({ value: m.ticker, label: m.ticker })), onChange: (v) => ((form.tickers[i] = v), void this.compute()) })}
              <button type="button" class="secondary" ?disabled=${form.tickers.length <= 1} @click=${() => (form.tickers.splice(i, 1), void this.compute())}>Remove<span class="visually-hidden"> model ${i + 1}</span></button>
            </div>`,
          )}
          <button type="button" class="secondary" ?disabled=${form.tickers.length >= MAX_MODELS} @click=${() => (form.tickers.push(models.find((m) => !form.tickers.includes(m.ticker))!.ticker), void this.compute())}>Add a model</button>
        </fieldset>
      </form>
      ${!input ? html`<p class="notice" role="status">Fix the highlighted fields to see the budget.</p>` : this.fail ? html`<p class="notice bad" role="alert">${this.fail.message} (${this.fail.code})</p>` : this.results()}`;
  }

  private results() {
    const plan = this.plan;
    if (!plan) return html`<p class="muted" role="status">Computing…</p>`;
    const spec: ChartSpec = {
      x: [0, 1, 3, 6],
      time: false,
      yLabel: "USD per month",
      series: plan.lines.map((l, i) => ({ label: l.ticker, values: BUDGET_HORIZONS.map((h) => l.monthly_cost[h]), color: COLORS[i % COLORS.length]!, width: 2 })),
    };
    return html`<exo-chart
        .caption=${"Monthly bill: spot, then 1, 3 and 6 months ahead (x axis in months)"}
        .summary=${plan.lines.map((l) => `${l.ticker}: ${usd(l.monthly_cost.spot)} today, ${usd(l.monthly_cost["6M"])} in 6 months`).join("; ")}
        .filename=${"budget-projection"}
        .spec=${spec}
      ></exo-chart>
      ${dataTable<BudgetLine>({
        id: "budget",
        caption: `Monthly bill for ${tokens(plan.monthly_calls)} calls`,
        filename: "budget",
        columns: [
          { label: "Model", value: (l) => l.ticker },
          ...BUDGET_HORIZONS.map((h) => ({ label: `${h === "spot" ? "Spot" : h} (USD / month)`, value: (l: BudgetLine) => l.monthly_cost[h], cell: (l: BudgetLine) => usd(l.monthly_cost[h]), num: true })),
          { label: "Change by 6M", value: (l) => l.change["6M"], cell: (l) => pct(l.change["6M"]), num: true },
          { label: "Cost per call today", value: (l) => l.cost_per_task.spot, cell: (l) => usd(l.cost_per_task.spot), num: true },
        ],
        rows: plan.lines,
      })}`;
  }
}

customElements.define("page-budget", PageBudget);
