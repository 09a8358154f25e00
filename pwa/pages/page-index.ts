import { html } from "lit";
import { num, pct, perM } from "../app/display-format";
import { compute } from "../app/worker-client";
import { dateSeconds, type ChartSpec } from "../components/chart-spec";
import { dataTable } from "../components/data-table";
import "../components/chart-figure";
import { ExoPage } from "../components/exo-page";
import { lifecycleTag } from "../components/lifecycle-view";
import type { Fail, IndexView } from "../worker/worker-api";

const TENOR_DAYS: Record<string, number> = { "1M": 30.4375, "3M": 91.3125, "6M": 182.625, "12M": 365.25 };

/** EICI: level, constituents and weights, and its forward (MATH.md §8). */
export class PageIndex extends ExoPage {
  private view: IndexView | null | undefined = undefined;
  private fail: Fail | null = null;

  protected override snapshotChanged(): void {
    void compute((api) => api.indexView()).then((r) => {
      this.view = r.ok ? r.value : undefined;
      this.fail = r.ok ? null : r.error;
      this.requestUpdate();
    });
  }

  protected override render() {
    const p = this.payload;
    if (!p) return this.waiting("EICI — Exostream Inference Cost Index");
    const head = html`<h1 tabindex="-1">EICI — Exostream Inference Cost Index</h1>
      <p class="lede">A usage-weighted basket of output prices: the floating rate that both sides of an EICS swap agree on. It moves when providers reprice; it does not move on rebalances.</p>`;
    if (this.fail) return html`${head}<p class="notice bad" role="alert">${this.fail.message}</p>`;
    if (this.view === undefined) return html`${head}<p class="muted" role="status">Loading…</p>`;
    if (this.view === null)
      return html`${head}<p class="notice" data-testid="index-unpublished">The index is not yet published in this snapshot (v${p.version}). The other pages work without it; the Swap desk can price a single model instead.</p>`;
    const v = this.view;
    const ix = v.index;
    const fixing = ix.fixing_date;
    const tenors = Object.keys(v.forward_points);
    const dateOf = (h: string) =>
      new Date(Date.parse(`${fixing}T00:00:00Z`) + (TENOR_DAYS[h] ?? 0) * 86_400_000).toISOString().slice(0, 10);
    const spec: ChartSpec = {
      x: [dateSeconds(fixing), ...tenors.map((h) => dateSeconds(dateOf(h)))],
      time: true,
      yLabel: "USD per 1M output tokens",
      series: [
        {
          label: "EICI forward (USD/M)",
          values: [ix.level_usd_per_m, ...tenors.map((h) => v.forward_usd[h]!)],
          color: "#0b4f3c",
          width: 3,
        },
      ],
    };
    return html`${head}
      <div class="cards">
        <div class="card"><p class="k">Level (points)</p><p class="v" data-testid="index-level">${num(ix.level, 6)}</p><p class="s">base ${num(ix.base_value)} on ${ix.base_date}</p></div>
        <div class="card"><p class="k">Usage-weighted output price</p><p class="v">${perM(ix.level_usd_per_m)}</p><p class="s">fixing of ${ix.fixing_date}</p></div>
        <div class="card"><p class="k">Divisor</p><p class="v">${num(ix.divisor, 6)}</p><p class="s">${ix.index_breaker ? "circuit breaker tripped: held for confirmation" : "no circuit breaker"}</p></div>
      </div>
      ${dataTable({
        id: "constituents",
        caption: `${ix.constituents.length} constituents`,
        filename: "eici-constituents",
        columns: [
          {
            label: "Model",
            value: (c) => c.ticker,
            cell: (c) =>
              html`<a href=${`#/model/${encodeURIComponent(c.ticker)}`}>${c.ticker}</a>${lifecycleTag(
                p.models.find((m) => m.ticker === c.ticker),
                p.valuation_date,
              )}`,
          },
          { label: "Provider", value: (c) => c.provider },
          { label: "Weight", value: (c) => c.weight, cell: (c) => pct(c.weight), num: true },
          { label: "Price (USD/M)", value: (c) => c.price, cell: (c) => perM(c.price), num: true },
          { label: "Quantity (M tokens)", value: (c) => c.quantity, cell: (c) => num(c.quantity, 5), num: true },
          {
            label: "Contribution (points)",
            value: (c) => c.contribution,
            cell: (c) => num(c.contribution, 5),
            num: true,
          },
          { label: "Stale", value: (c) => c.stale, cell: (c) => (c.stale ? "stale: last price carried" : "fresh") },
        ],
        rows: ix.constituents,
      })}
      <exo-chart
        .caption=${"EICI forward curve (USD per 1M output tokens)"}
        .summary=${`From ${perM(ix.level_usd_per_m)} today to ${perM(v.forward_usd["12M"])} in 12 months${v.basis === "lifecycle" ? ": each member's expected price (its lifecycle forward), weighted by its contribution; a launch enters at a rebalance through the divisor and does not move the level" : ", assuming no rebalance (θ forward of an older snapshot)"}.`}
        .filename=${"eici-forward"}
        .spec=${spec}
      ></exo-chart>
      ${dataTable({
        id: "index-forward",
        caption:
          v.basis === "lifecycle"
            ? "Index forward (members' lifecycle forwards, signed in the snapshot)"
            : "Index forward (MATH.md §8.7, no future rebalance)",
        filename: "eici-forward",
        columns: [
          { label: "Tenor", value: (h: string) => h },
          { label: "Points", value: (h) => v.forward_points[h], cell: (h) => num(v.forward_points[h], 6), num: true },
          { label: "USD/M", value: (h) => v.forward_usd[h], cell: (h) => perM(v.forward_usd[h]), num: true },
        ],
        rows: tenors,
      })}`;
  }
}

customElements.define("page-index", PageIndex);
