import { html, nothing, type TemplateResult } from "lit";
import { TASK_CLASS_LABELS, type CanvasPlan } from "../../oracle-core/planning";
import { pct, tokens, usd } from "../app/display-format";
import { dataTable } from "../components/data-table";

/** Monthly cost, unit economics, ranked levers and the breakdowns of a computed canvas. */
export function canvasResults(plan: CanvasPlan): TemplateResult {
  const c = plan.cost;
  const e = plan.economics;
  return html`<h2>Monthly picture</h2>
    <div class="cards">
      <div class="card"><p class="k">Inference cost per month</p><p class="v" data-testid="canvas-monthly" data-value=${c.monthly_cost}>${usd(c.monthly_cost)}</p><p class="s">${usd(c.cost_per_task)} per call on average</p></div>
      <div class="card"><p class="k">Revenue per month</p><p class="v">${usd(e.monthly_revenue)}</p><p class="s">${tokens(c.monthly_calls)} calls</p></div>
      <div class="card"><p class="k">Margin per month</p><p class="v" data-testid="canvas-margin" data-value=${e.monthly_margin}>${usd(e.monthly_margin)}</p><p class="s">${e.margin_pct === null ? "no revenue" : `${pct(e.margin_pct)} of revenue`}</p></div>
      <div class="card"><p class="k">Break-even volume</p><p class="v" data-testid="canvas-breakeven" data-value=${e.break_even_calls ?? ""}>${e.break_even_calls === null ? "never" : `${tokens(Math.ceil(e.break_even_calls))} calls`}</p><p class="s">${e.break_even_calls === null ? "each task costs more than it earns" : `F ÷ (p − c − t); each task adds ${usd(e.contribution_per_task)}`}</p></div>
    </div>
    <h2>Optimisation levers, biggest saving first</h2>
    ${
      plan.levers.levers.length
        ? dataTable({
            id: "levers",
            caption: "Ranked levers (monthly savings at today's prices unless stated)",
            filename: "canvas-levers",
            columns: [
              { label: "Lever", value: (l) => l.label },
              {
                label: "Saves per month (USD)",
                value: (l) => l.monthly_savings,
                cell: (l) => usd(l.monthly_savings),
                num: true,
              },
              { label: "Saves (%)", value: (l) => l.savings_pct, cell: (l) => pct(l.savings_pct), num: true },
              {
                label: "Monthly cost after",
                value: (l) => l.new_monthly_cost,
                cell: (l) => usd(l.new_monthly_cost),
                num: true,
              },
              { label: "Why", value: (l) => l.detail },
            ],
            rows: plan.levers.levers,
          })
        : html`<p class="muted">No lever saves money for this system.</p>`
    }
    ${plan.levers.not_applicable.length ? html`<ul class="muted">${plan.levers.not_applicable.map((n) => html`<li>${n.id}: ${n.reason}</li>`)}</ul>` : nothing}
    ${dataTable({
      id: "canvas-models",
      caption: "Cost by model",
      filename: "canvas-by-model",
      columns: [
        { label: "Model", value: (m) => m.ticker },
        { label: "Share", value: (m) => m.weight, cell: (m) => pct(m.weight), num: true },
        { label: "Cost per call (USD)", value: (m) => m.cost_per_task, cell: (m) => usd(m.cost_per_task), num: true },
        { label: "Monthly (USD)", value: (m) => m.monthly_cost, cell: (m) => usd(m.monthly_cost), num: true },
      ],
      rows: c.by_model,
    })}
    ${dataTable({
      id: "canvas-classes",
      caption: "Cost by task class",
      filename: "canvas-by-class",
      columns: [
        { label: "Class", value: (x) => x.task_class, cell: (x) => TASK_CLASS_LABELS[x.task_class] },
        { label: "Share of calls", value: (x) => x.share, cell: (x) => pct(x.share), num: true },
        { label: "Cost per call (USD)", value: (x) => x.cost_per_task, cell: (x) => usd(x.cost_per_task), num: true },
        { label: "Monthly (USD)", value: (x) => x.monthly_cost, cell: (x) => usd(x.monthly_cost), num: true },
      ],
      rows: c.by_class,
    })}`;
}
