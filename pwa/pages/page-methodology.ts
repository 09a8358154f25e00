import { html, type TemplateResult } from "lit";
import { ESTIMATE_LABEL } from "../../oracle-core/tokens";
import { backtestSection } from "./backtest-section";
import { compute } from "../app/worker-client";
import { ExoPage } from "../components/exo-page";
import type { BacktestView, Fail } from "../worker/worker-api";

/**
 * How the numbers are made: the pricing model in plain words with its formulas (MATH.md in short), and the
 * forecasts' backtest with its calibration plots, computed on the device from the bundled history.
 */
export class PageMethodology extends ExoPage {
  private backtest: BacktestView | null = null;
  private fail: Fail | null = null;
  private asked = false;

  protected override snapshotChanged(): void {
    if (this.asked) return;
    this.asked = true;
    void compute((api) => api.backtest()).then((r) => {
      this.backtest = r.ok ? r.value : null;
      this.fail = r.ok ? null : r.error;
      this.requestUpdate();
    });
  }

  private backtestPart(): TemplateResult {
    if (this.fail) return html`<p class="notice bad" role="alert">${this.fail.message} (${this.fail.code})</p>`;
    if (!this.backtest)
      return html`<p class="muted" role="status" data-testid="backtest-loading">Running the backtest on the bundled history…</p>`;
    return backtestSection(this.backtest);
  }

  protected override render() {
    return html`<h1 tabindex="-1">Methodology</h1>
      <div class="prose">
        <p class="lede">Each model's cost is a spot price, a few structural ratios (the "Greeks") and a forecast of the model's own price. Every number in this app is computed on your device from the signed snapshot, with the same code the API uses.</p>
        <h2>The ticker price β</h2>
        <p>β is the published output price at the origin provider, in USD per million tokens. Every other price is a ratio of it: input <span class="sym">r</span><sub>in</sub>, cache read <span class="sym">r</span><sub>cache</sub>, thinking <span class="sym">r</span><sub>think</sub>, and the batch discount <span class="sym">r</span><sub>batch</sub>.</p>
        <h2>What one call costs</h2>
        <p>With <span class="sym">n</span><sub>in</sub> prompt tokens, <span class="sym">n</span><sub>out</sub> answer tokens, <span class="sym">n</span><sub>think</sub> thinking tokens, a cache hit share η and a cache write share ω:</p>
        <code class="formula">r_eff = r_in·(1 − η − ω) + r_cache·η + r_cw·ω
S     = β · b · [ α_out·(n_out + r_think·n_think) + α_in·n_in·r_eff ] · 10⁻⁶</code>
        <p>b is 1 for sync calls and r_batch for batch; α are the long-context tier multipliers when a prompt exceeds a tier's threshold (they apply to the whole request).</p>
        <h2>κ — your price exposure multiplier</h2>
        <code class="formula">κ = b · [ α_out·(n_out + r_think·n_think) + α_in·n_in·r_eff ] / n_out</code>
        <p>κ is how many times the call costs its output tokens alone, and your delta to β: if β moves by $1/M, the call moves by κ·n_out·10⁻⁶ dollars. Long prompts mean a high κ. When the answer length is unknown the calculator shows the cost from n_out = 1 to the model's maximum, with κ at both ends.</p>
        <h2>What caching saves you</h2>
        <p>Δ<sub>cache</sub> is the same call priced with η = ω = 0 minus its actual cost.</p>
        <h2>Forwards: the expected price of a model</h2>
        <p>A model's own price rarely moves: in the record, 11 unannounced changes in 105 model-years, all while the model was its family's newest, most within six months of launch, none after a successor launched. So a model's forward is its spot (with announced prices applied from their dates) times the expected effect of repricings that arrive at a rate set by its age and whether a successor exists (the lifecycle hazard), fitted only on data up to the valuation date. Beside it the app shows the median (usually the spot: most prices never move), the probability of any change by each date, and the 5/25/75/95% quantiles.</p>
        <p>The <strong>tier forecast</strong> is a separate instrument: what the family's newest model will cost, successor launches included (often priced above their predecessor). It appears on a family's newest model only.</p>
        <h2>θ and σ — descriptive family statistics</h2>
        <code class="formula">θ: the family's fitted price decay per year     σ: its monthly volatility</code>
        <p>θ is a continuous yearly rate fitted to each model family's price history (newest intervals weigh more) and shrunk toward the provider's average when the history is short; σ is the volatility around it. They describe how a family has priced its models over time and stay in the Greek sheet, but they no longer drive any forward: applying a family's decay to one model was the error of the earlier forward.</p>
        <h2>EICI — the index</h2>
        <p>A usage-weighted basket of output prices with capped weights (at most 10% per model and 30% per provider), a Laspeyres index with a divisor so that rebalances do not move the level, and circuit breakers that hold moves above 15% until confirmed.</p>
        <h2>EICS — the swap</h2>
        <code class="formula">K* = Σ_m D_m·F̄_m / Σ_m D_m      NPV = N·10⁻⁶·(Σ_m D_m·F̄_m − K·Σ_m D_m)</code>
        <p>The fair fixed rate K* discounts the expected floating rate F̄_m of each monthly period with D_m = e^(−r·τ_m): a model's forward above, or the index's (its members' forwards weighted by contribution). Sensitivities are reported for a 1% price move, a −0.01/yr drift of the forward and a 1bp move of the rate.</p>
        <h2>Monte Carlo</h2>
        <p>Simulates the same lifecycle model month by month: on each path a successor may launch, repricings arrive at the hazard of the model's state and multiply the price by a random factor. The simulation is seeded, so the same inputs always give the same fan; its statistics match the exact law shown beside them in the API.</p>
        <h2>Tokens</h2>
        <p>Prompts are counted on your device with one tokenizer engine, the same the API and the SDK run. OpenAI models: exact, with the ids tiktoken gives (o200k_base or cl100k_base). Llama 3, Mistral, DeepSeek and Gemini models: exact (open vocabulary), with the published Llama 3, Tekken, DeepSeek V3 and Gemma 3 vocabularies (Gemini is reported to share Gemma's; Google's own count may differ). Vendors without a public tokenizer (Anthropic, xAI, Llama 4) get an o200k_base count labelled ${ESTIMATE_LABEL}: the spread of the published vocabularies against o200k_base on a test corpus. A paste over 200 KB first shows an estimate from its size while the exact count runs.</p>
        <h2>Trust</h2>
        <p>The snapshot is a DSSE envelope signed with Ed25519. This app verifies the signature against keys chained from the first keyset it saw, refuses expired snapshots from the network and any older version than the one it has (rollback), and keeps the last verified snapshot for offline use.</p>
      </div>
      <section class="prose" aria-labelledby="backtest-h">
        <h2 id="backtest-h">Do the forecasts tell the truth? The backtest</h2>
        ${this.backtestPart()}
      </section>`;
  }
}

customElements.define("page-methodology", PageMethodology);
