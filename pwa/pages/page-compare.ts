import { html, nothing } from "lit";
import type { CompareEntry, CompareRowsResult } from "../../oracle-core/greeks";
import { HORIZON_NAMES } from "../../oracle-core/greeks";
import { num, usd } from "../app/display-format";
import { radioGroup, selectField } from "../app/fields";
import { LatestAnswer } from "../app/latest-answer";
import { checkTask, taskField, taskForm, type TaskForm } from "../app/task-form";
import { compute } from "../app/worker-client";
import { dataTable } from "../components/data-table";
import { ExoPage } from "../components/exo-page";
import { lifecycleTag } from "../components/lifecycle-view";

// Kept at module level so the form survives navigating to another page and back.
const form = { ...taskForm(undefined, { horizon: "3M" }), provider: "" };
const FIELDS = ["n_in", "n_out", "n_think", "eta", "mode", "horizon"] as const;

/** Every active model ranked for one task profile, spot and forward; the cheapest is highlighted. */
export class PageCompare extends ExoPage {
  private readonly answer = new LatestAnswer<CompareRowsResult>(this);

  protected override snapshotChanged(): void {
    this.compute();
  }

  private compute(): void {
    const { req } = checkTask(form, FIELDS);
    const provider = form.provider || null;
    void this.answer.ask(req ? () => compute((api) => api.compare(req, provider)) : null);
  }

  private set<K extends keyof typeof form>(k: K, v: (typeof form)[K]): void {
    form[k] = v;
    this.compute();
  }

  protected override render() {
    const p = this.payload;
    if (!p) return this.waiting("Compare models");
    const check = checkTask(form, FIELDS);
    const providers = [...new Set(p.models.filter((m) => m.lifecycle === "active").map((m) => m.provider))].sort();
    const r = this.answer.value;
    const fail = this.answer.fail;
    const cheapest = r?.ranked[0]?.ticker;
    return html`<h1 tabindex="-1">Compare models</h1>
      <p class="lede">Every active model priced for the same task, cheapest first, with the forward cost at the horizon. Thinking tokens are billed at each model's thinking rate r<sub>think</sub>.</p>
      <form novalidate @submit=${(e: Event) => e.preventDefault()}>
        <div class="grid">
          ${taskField({ id: "cmp-n-in", key: "n_in", form, check, onInput: (v) => this.set("n_in", v) })}
          ${taskField({ id: "cmp-n-out", key: "n_out", form, check, onInput: (v) => this.set("n_out", v) })}
          ${taskField({ id: "cmp-n-think", key: "n_think", form, check, onInput: (v) => this.set("n_think", v) })}
          ${taskField({ id: "cmp-eta", key: "eta", form, check, onInput: (v) => this.set("eta", v) })}
          ${selectField({
            id: "cmp-horizon",
            label: "Forward horizon",
            value: form.horizon,
            options: HORIZON_NAMES.map((h) => ({ value: h, label: h })),
            onChange: (v) => this.set("horizon", v as TaskForm["horizon"]),
          })}
          ${selectField({ id: "cmp-provider", label: "Provider", value: form.provider, options: [{ value: "", label: "All providers" }, ...providers.map((x) => ({ value: x, label: x }))], onChange: (v) => this.set("provider", v) })}
          ${radioGroup({
            name: "cmp-mode",
            legend: "Mode",
            value: form.mode,
            options: [
              { value: "sync", label: "Sync" },
              { value: "batch", label: "Batch" },
            ],
            onChange: (v) => this.set("mode", v as TaskForm["mode"]),
          })}
        </div>
      </form>
      ${
        !check.req
          ? html`<p class="notice" role="status">Fix the highlighted fields to see the ranking.</p>`
          : fail
            ? html`<p class="notice bad" role="alert">${fail.message} (${fail.code})</p>`
            : r
              ? html`${cheapest ? html`<p role="status">Cheapest: <strong data-testid="cheapest">${cheapest}</strong> at ${usd(r.ranked[0]!.cost)} per call.</p>` : nothing}
                ${dataTable<CompareEntry>({
                  id: "compare",
                  caption: `${r.ranked.length} models ranked by spot cost per call (forward at ${r.horizon})`,
                  filename: "compare",
                  rowClass: (x) => (x.ticker === cheapest ? "cheapest" : ""),
                  note: (x) => (x.ticker === cheapest ? "cheapest" : ""),
                  columns: [
                    {
                      label: "Model",
                      value: (x) => x.ticker,
                      cell: (x) =>
                        html`<a href=${`#/model/${encodeURIComponent(x.ticker)}`}>${x.ticker}</a>${lifecycleTag(
                          p.models.find((m) => m.ticker === x.ticker),
                          p.valuation_date,
                        )}`,
                    },
                    { label: "Rank", value: (x) => x.rank, num: true },
                    { label: "Provider", value: (x) => x.provider },
                    { label: "Spot cost (USD)", value: (x) => x.cost, cell: (x) => usd(x.cost), num: true },
                    {
                      label: `Forward cost ${r.horizon} (USD)`,
                      value: (x) => x.forward_cost,
                      cell: (x) => usd(x.forward_cost),
                      num: true,
                    },
                    { label: "κ", value: (x) => x.kappa, cell: (x) => num(x.kappa, 4), num: true },
                    { label: "Cache saves (USD)", value: (x) => x.savings, cell: (x) => usd(x.savings), num: true },
                    { label: "Quote status", value: (x) => x.status },
                  ],
                  rows: r.ranked,
                })}
                ${
                  r.excluded.length
                    ? html`<p class="muted">Not priced in batch mode (no batch API): ${r.excluded.map((x) => x.ticker).join(", ")}.</p>`
                    : nothing
                }`
              : html`<p class="muted" role="status">Computing…</p>`
      }`;
  }
}

customElements.define("page-compare", PageCompare);
