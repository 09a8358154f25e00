import { html } from "lit";
import { BUDGET_HORIZONS, type BudgetLine, type BudgetPlan } from "../../oracle-core/planning";
import { REFERENCE_PROFILES } from "../../oracle-core/greeks";
import type { SnapshotPayload } from "../../oracle-core/schemas";
import { pct, tokens, usd } from "../app/display-format";
import { check, numberField, selectField } from "../app/fields";
import { LatestAnswer } from "../app/latest-answer";
import { applyProfile, checkTask, profileText, taskField, taskForm, type NumberKey } from "../app/task-form";
import { compute } from "../app/worker-client";
import type { ChartSpec } from "../components/chart-spec";
import "../components/chart-figure";
import { dataTable } from "../components/data-table";
import { ExoPage } from "../components/exo-page";
import type { BudgetInput } from "../worker/worker-api";

// Kept at module level so the form survives navigating to another page and back.
const form = { ...taskForm(), calls: "100000", tickers: [] as string[] };
const FIELDS = ["n_in", "n_out", "n_think", "eta"] as const;
const MAX_MODELS = 6;
const COLORS = ["#0b4f3c", "#1a5fd0", "#a3161f", "#7a4a00", "#5b2a86", "#2f6f73"];

/** Budget Planner: monthly volume × task profile → the monthly bill at spot and the 1M/3M/6M forwards. */
export class PageBudget extends ExoPage {
  private readonly answer = new LatestAnswer<BudgetPlan>(this);

  protected override snapshotChanged(p: SnapshotPayload): void {
    form.tickers = form.tickers.filter((t) => p.models.some((m) => m.ticker === t));
    if (form.tickers.length === 0)
      form.tickers = ["GPT-4.1", "SONNET-4.5", "GEMINI-2.5-FLASH"].filter((t) => p.models.some((m) => m.ticker === t));
    const first = p.models.find((m) => m.lifecycle === "active") ?? p.models[0];
    if (form.tickers.length === 0 && first) form.tickers = [first.ticker];
    this.compute();
  }

  private checked() {
    const calls = check.volume(form.calls, "Monthly calls");
    const task = checkTask(form, FIELDS);
    const ok = !calls.error && task.req && form.tickers.length > 0;
    const input: BudgetInput | null =
      ok && task.req ? { monthly_calls: calls.value, task: task.req, tickers: [...form.tickers] } : null;
    return { calls, task, input };
  }

  private compute(): void {
    const { input } = this.checked();
    void this.answer.ask(input ? () => compute((api) => api.budget(input)) : null);
  }

  private editTickers(fn: (tickers: string[]) => unknown): void {
    fn(form.tickers);
    this.compute();
  }

  private set(k: "calls" | NumberKey, v: string): void {
    form[k] = v;
    this.compute();
  }

  protected override render() {
    const p = this.payload;
    if (!p) return this.waiting("Budget Planner");
    const { calls, task, input } = this.checked();
    const fail = this.answer.fail;
    const profiles = p.reference_profiles.length ? p.reference_profiles : REFERENCE_PROFILES;
    const models = p.models.filter((m) => m.lifecycle === "active").sort((a, b) => a.ticker.localeCompare(b.ticker));
    const unused = models.find((m) => !form.tickers.includes(m.ticker));
    return html`<h1 tabindex="-1">Budget Planner</h1>
      <p class="lede">Your monthly volume and task profile, priced today and at the 1M, 3M and 6M forwards — a number for the forecast, with the decay it assumes stated.</p>
      <form novalidate @submit=${(e: Event) => e.preventDefault()}>
        <div class="grid">
          ${numberField({
            id: "bp-calls",
            label: "Calls per month",
            value: form.calls,
            error: calls.error,
            min: 0,
            step: "1",
            onInput: (v) => this.set("calls", v),
          })}
          ${selectField({
            id: "bp-profile",
            label: "Task profile preset",
            value: "",
            options: [
              { value: "", label: "Custom" },
              ...profiles.map((x) => ({ value: x.id, label: `${x.name} (${profileText(x)})` })),
            ],
            onChange: (v) => {
              const x = profiles.find((y) => y.id === v);
              if (!x) return;
              applyProfile(form, x);
              this.compute();
            },
          })}
          ${taskField({ id: "bp-n-in", key: "n_in", form, check: task, onInput: (v) => this.set("n_in", v) })}
          ${taskField({ id: "bp-n-out", key: "n_out", form, check: task, onInput: (v) => this.set("n_out", v) })}
          ${taskField({ id: "bp-n-think", key: "n_think", form, check: task, onInput: (v) => this.set("n_think", v) })}
          ${taskField({ id: "bp-eta", key: "eta", form, check: task, onInput: (v) => this.set("eta", v) })}
        </div>
        <fieldset>
          <legend>Models (up to ${MAX_MODELS})</legend>
          ${form.tickers.map(
            (t, i) => html`<div class="row">
              ${selectField({
                id: `bp-model-${i}`,
                label: `Model ${i + 1}`,
                value: t,
                options: models.map((m) => ({ value: m.ticker, label: m.ticker })),
                onChange: (v) => this.editTickers((ts) => (ts[i] = v)),
              })}
              <button
                type="button"
                class="secondary"
                ?disabled=${form.tickers.length <= 1}
                @click=${() => this.editTickers((ts) => ts.splice(i, 1))}
              >
                Remove<span class="visually-hidden"> model ${i + 1}</span>
              </button>
            </div>`,
          )}
          <button
            type="button"
            class="secondary"
            ?disabled=${form.tickers.length >= MAX_MODELS || !unused}
            @click=${() => this.editTickers((ts) => unused && ts.push(unused.ticker))}
          >
            Add a model
          </button>
        </fieldset>
      </form>
      ${
        !input
          ? html`<p class="notice" role="status">Fix the highlighted fields to see the budget.</p>`
          : fail
            ? html`<p class="notice bad" role="alert">${fail.message} (${fail.code})</p>`
            : this.results()
      }`;
  }

  private results() {
    const plan = this.answer.value;
    if (!plan) return html`<p class="muted" role="status">Computing…</p>`;
    const spec: ChartSpec = {
      x: [0, 1, 3, 6],
      time: false,
      yLabel: "USD per month",
      series: plan.lines.map((l, i) => ({
        label: l.ticker,
        values: BUDGET_HORIZONS.map((h) => l.monthly_cost[h]),
        color: COLORS[i % COLORS.length]!,
        width: 2,
      })),
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
          ...BUDGET_HORIZONS.map((h) => ({
            label: `${h === "spot" ? "Spot" : h} (USD / month)`,
            value: (l: BudgetLine) => l.monthly_cost[h],
            cell: (l: BudgetLine) => usd(l.monthly_cost[h]),
            num: true,
          })),
          { label: "Change by 6M", value: (l) => l.change["6M"], cell: (l) => pct(l.change["6M"]), num: true },
          {
            label: "Cost per call today",
            value: (l) => l.cost_per_task.spot,
            cell: (l) => usd(l.cost_per_task.spot),
            num: true,
          },
        ],
        rows: plan.lines,
      })}`;
  }
}

customElements.define("page-budget", PageBudget);
