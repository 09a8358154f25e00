import { html, type TemplateResult } from "lit";
import { num, pct, perM, tokens, usd } from "../app/display-format";
import { dataTable } from "../components/data-table";
import type { Calculation } from "../worker/worker-api";

/** The calculator's answer in plain words with the symbol beside each number (raw values in data-value). */
export function calcResults(
  r: Calculation,
  task: { ticker: string; n_in: number; n_out: number; valuation_date: string },
): TemplateResult {
  const s = r.point.spot!;
  const range = r.range.range!;
  const fwd = r.point.forward;
  const h = r.point.horizon;
  const comps = [
    { part: "Output tokens", usd: s.components.output },
    { part: "Thinking tokens", usd: s.components.thinking },
    { part: "Input, not cached", usd: s.components.input_uncached },
    { part: "Input, read from cache", usd: s.components.cache_read },
    { part: "Input, written to cache", usd: s.components.cache_write },
  ];
  const points = Object.entries(range.at).map(([n, cost]) => ({
    n: Number(n),
    cost,
    over: range.exceeds_max_tokens.includes(Number(n)),
  }));
  return html`<section aria-labelledby="calc-results-h" data-testid="calc-results">
    <h2 id="calc-results-h">What this call costs</h2>
    <p class="muted">Prices of the snapshot's valuation date, ${task.valuation_date}.</p>
    <div class="cards">
      <div class="card"><p class="k">Cost of this call today <span class="sym">S</span></p><p class="v" data-testid="spot-cost" data-value=${s.cost}>${usd(s.cost)}</p><p class="s">${tokens(task.n_in)} in, ${tokens(task.n_out)} out${s.tier_tau !== null ? `, long-context tier above ${tokens(s.tier_tau)} tokens applies` : ""}</p></div>
      <div class="card"><p class="k">Cost at the ${h === "spot" ? "spot" : `${h} forward`} horizon</p><p class="v" data-testid="forward-cost" data-value=${fwd.cost ?? ""}>${usd(fwd.cost)}</p><p class="s">forward output price <span class="sym">β</span> ${perM(fwd.beta)}</p></div>
      <div class="card"><p class="k">Your price exposure multiplier <span class="sym">κ</span></p><p class="v" data-testid="kappa" data-value=${s.kappa ?? ""}>${num(s.kappa, 4)}</p><p class="s">the call costs ${num(s.kappa, 3)}× its output tokens alone; effective output price ${perM(s.effective_output_price)}</p></div>
      <div class="card"><p class="k">What caching saves you <span class="sym">Δ</span><sub>cache</sub></p><p class="v" data-testid="cache-savings" data-value=${s.savings}>${usd(s.savings)}</p><p class="s">${s.savings_pct === null ? "" : `${num(s.savings_pct, 3)}% of the uncached ${usd(s.cost_without_cache)}`}</p></div>
      <div class="card"><p class="k">How the cost moves with the price <span class="sym">∂S/∂β</span></p><p class="v">${usd(s.dcost_dbeta)}</p><p class="s">per $1/M change of the output price</p></div>
    </div>
    <h3>If you do not know the answer length</h3>
    <p data-testid="cost-range" data-min=${range.min} data-max=${range.max}>
      With <span class="sym">n</span><sub>out</sub> anywhere from 1 to ${tokens(range.max_tokens)} tokens this call costs
      <strong>${usd(range.min)}</strong> (<span class="sym">κ</span> = ${num(range.kappa_at_min, 4)}) to <strong>${usd(range.max)}</strong>
      (<span class="sym">κ</span> = ${num(range.kappa_at_max, 4)}). Each output token adds ${usd(range.marginal_cost_per_output_token)}; the prompt alone costs ${usd(range.fixed_cost)}.
    </p>
    ${dataTable({
      id: "calc-points",
      caption: "Cost at common answer lengths",
      filename: `cost-points-${task.ticker}`,
      columns: [
        { label: "Output tokens", value: (x) => x.n, cell: (x) => tokens(x.n) },
        { label: "Cost (USD)", value: (x) => x.cost, cell: (x) => usd(x.cost), num: true },
        {
          label: "Note",
          value: (x) => (x.over ? "exceeds max output" : ""),
          cell: (x) => (x.over ? "exceeds the model's max output" : ""),
        },
      ],
      rows: points,
    })}
    ${dataTable({
      id: "calc-components",
      caption: "Where the money goes",
      filename: `cost-components-${task.ticker}`,
      columns: [
        { label: "Part", value: (x) => x.part },
        { label: "Cost (USD)", value: (x) => x.usd, cell: (x) => usd(x.usd), num: true },
        {
          label: "Share",
          value: (x) => (s.cost > 0 ? x.usd / s.cost : null),
          cell: (x) => (s.cost > 0 ? pct(x.usd / s.cost) : "—"),
          num: true,
        },
      ],
      rows: comps,
    })}
  </section>`;
}
