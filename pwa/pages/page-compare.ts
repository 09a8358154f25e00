import { html, nothing } from "lit";
import type { CompareEntry, CompareRowsResult } from "../../oracle-core/greeks/compare-rows";
import type { TaskRequest } from "../../oracle-core/greeks/price-task";
import { check, numberField, radioGroup, selectField } from "../app/fields";
import { num, usd } from "../app/format";
import { compute } from "../app/worker-client";
import { dataTable } from "../components/data-table";
import { ExoPage } from "../components/exo-page";
import type { Fail } from "../worker/worker-api";

const form = { n_in: "30000", n_out: "800", n_think: "0", eta: "60", mode: "sync" as "sync" | "batch", horizon: "3M", provider: "" };

/** Every active model ranked for one task profile, spot and forward; the cheapest is highlighted. */
export class PageCompare extends ExoPage {
  private result: CompareRowsResult | null = null;
  private fail: Fail | null = null;
  private seq = 0;

  protected override snapshotChanged(): void {
    void this.compute();
  }

  private checked() {
    const f = {
      n_in: check.tokens(form.n_in, "Input tokens n_in"),
      n_out: check.tokens(form.n_out, "Output tokens n_out"),
      n_think: check.tokens(form.n_think, "Thinking tokens n_think"),
      eta: check.percent(form.eta, "Cache hit rate η"),
    };
    const ok = Object.values(f).every((x) => !x.error);
    const req: TaskRequest | null = ok ? { n_in: f.n_in.value, n_out: f.n_out.value, n_think: f.n_think.value, eta: f.eta.value, mode: form.mode, horizon: form.horizon } : null;
    return { f, req };
  }

  private async compute(): Promise<void> {
    const my = ++this.seq;
    const { req } = this.checked();
    if (!req) {
      this.result = null;
      this.fail = null;
      this.requestUpdate();
      return;
    }
    const r = await compute((api) => api.compare(req, form.provider || null));
    if (my !== this.seq) return;
    this.result = r.ok ? r.value : null;
    this.fail = r.ok ? null : r.error;
    this.requestUpdate();
  }

  private set(k: keyof typeof form, v: string): void {
    (form as Record<string, string>)[k] = v;
    void this.compute();
  }

  protected override render() {
    const p = this.payload;
    if (!p) return this.waiting("Compare models");
    const { f, req } = this.checked();
    const providers = [...new Set(p.models.filter((m) => m.lifecycle === "active").map((m) => m.provider))].sort();
    const r = this.result;
    const cheapest = r?.ranked[0]?.ticker;
    return html`<h1 tabindex="-1">Compare models</h1>
      <p class="lede">Every active model priced for the same task, cheapest first, with the forward cost at the horizon. Thinking tokens are billed at each model's thinking rate r<sub>think</sub>.</p>
      <form novalidate @submit=${(e: Event) => e.preventDefault()}>
        <div class="grid">
          ${numberField({ id: "cmp-n-in", label: "Input tokens n_in", value: form.n_in, error: f.n_in.error, min: 0, step: "1", onInput: (v) => this.set("n_in", v) })}
          ${numberField({ id: "cmp-n-out", label: "Output tokens n_out", value: form.n_out, error: f.n_out.error, min: 0, step: "1", onInput: (v) => this.set("n_out", v) })}
          ${numberField({ id: "cmp-n-think", label: "Thinking tokens n_think", value: form.n_think, error: f.n_think.error, min: 0, step: "1", onInput: (v) => this.set("n_think", v) })}
          ${numberField({ id: "cmp-eta", label: "Cache hit rate η (%)", value: form.eta, error: f.eta.error, min: 0, max: 100, onInput: (v) => this.set("eta", v) })}
          ${selectField({ id: "cmp-horizon", label: "Forward horizon", value: form.horizon, options: ["spot", "1M", "3M", "6M", "12M"].map((h) => ({ value: h, label: h })), onChange: (v) => this.set("horizon", v) })}
          ${selectField({ id: "cmp-provider", label: "Provider", value: form.provider, options: [{ value: "", label: "All providers" }, ...providers.map((x) => ({ value: x, label: x }))], onChange: (v) => this.set("provider", v) })}
          ${radioGroup({ name: "cmp-mode", legend: "Mode", value: form.mode, options: [{ value: "sync", label: "Sync" }, { value: "batch", label: "Batch" }], onChange: (v) => this.set("mode", v) })}
        </div>
      </form>
      ${!req
        ? html`<p class="notice" role="status">Fix the highlighted fields to see the ranking.</p>`
        : this.fail
          ? html`<p class="notice bad" role="alert">${this.fail.message} (${this.fail.code})</p>`
          : r
            ? html`${cheapest ? html`<p role="status">Cheapest: <strong data-testid="cheapest">${cheapest}</strong> at ${usd(r.ranked[0]!.cost)} per call.</p>` : nothing}
                ${dataTable<CompareEntry>({
                  id: "compare",
                  caption: `${r.ranked.length} models ranked by spot cost per call (forward at ${r.horizon})`,
                  filename: "compare",
                  rowClass: (x) => (x.ticker === cheapest ? "cheapest" : ""),
                  note: (x) => (x.ticker === cheapest ? "cheapest" : ""),
                  columns: [
                    { label: "Model", value: (x) => x.ticker, cell: (x) => html`<a href=${`#/model/${encodeURIComponent(x.ticker)}`}>${x.ticker}</a>` },
                    { label: "Rank", value: (x) => x.rank, num: true },
                    { label: "Provider", value: (x) => x.provider },
                    { label: "Spot cost (USD)", value: (x) => x.cost, cell: (x) => usd(x.cost), num: true },
                    { label: `Forward cost ${r.horizon} (USD)`, value: (x) => x.forward_cost, cell: (x) => usd(x.forward_cost), num: true },
                    { label: "κ", value: (x) => x.kappa, cell: (x) => num(x.kappa, 4), num: true },
                    { label: "Cache saves (USD)", value: (x) => x.savings, cell: (x) => usd(x.savings), num: true },
                    { label: "Quote status", value: (x) => x.status },
                  ],
                  rows: r.ranked,
                })}
                ${r.excluded.length
                  ? html`<p class="muted">Not priced in batch mode (no batch API): ${r.excluded.map((x) => x.ticker).join(", ")}.</p>`
                  : nothing}`
            : html`<p class="muted" role="status">Computing…</p>`}`;
  }
}

customElements.define("page-compare", PageCompare);
