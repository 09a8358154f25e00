import { html, type TemplateResult } from "lit/html.js";
import { css } from "./css";
import { isOracleError } from "../oracle-core";
import { priceTask } from "../oracle-core/greeks";
import type { GreekRow } from "../oracle-core/schemas";
import { define } from "./define";
import { ExoElement } from "./exo-element";
import { cost } from "./format";

type Field = "n_in" | "n_out" | "eta" | "mode";

/**
 * A compact task-cost calculator: input tokens, output tokens, cache-hit share η and sync/batch,
 * priced by oracle-core's priceTask on the verified snapshot row — the same numbers as POST /v1/price.
 *
 * @tag exo-cost-calculator
 * @attr model - The ticker, e.g. "OPUS-4.6".
 * @attr n-in - Initial input tokens (default 10000).
 * @attr n-out - Initial output tokens (default 1000).
 * @attr eta - Initial cache-hit share of the input, 0–1 (default 0).
 * @attr {"sync" | "batch"} mode - Initial mode: "sync" (default) or "batch".
 * @attr prompt - A prompt to count: its tokens, counted in the browser with the model's tokenizer (the same engine and
 *   count as the API), become the input tokens, and the line under the cost says what the count is (exact, exact
 *   (open vocabulary) or an estimate with its band).
 * @attr {"1M" | "3M" | "6M" | "12M"} horizon - Forward horizon shown beside the spot cost: 1M, 3M (default), 6M or 12M.
 * @attr {"light" | "dark" | "auto"} theme - "light" (default), "dark" or "auto".
 * @attr feed - Feed origin to read (default: the origin that served the script).
 * @attr pins - Root public keys to pin (base64, space-separated); else configure({ pins }), else exostream-pin meta.
 * @fires exo-state - After the first snapshot state renders; detail { state }.
 * @csspart form - The inputs.
 * @csspart input - Each input and the mode select.
 * @csspart cost - The spot cost of one call (data-value holds the unrounded number).
 * @csspart forward - The cost at the forward horizon (data-value holds the unrounded number).
 * @csspart badge - The row's lifecycle beside the ticker when it is not active ("provisional", "legacy", "deprecated",
 *   "retired"), also part `lifecycle`.
 * @csspart lifecycle - The same badge.
 * @csspart error - A validation message with its error code.
 * @csspart tokens - What the prompt's count is (when a prompt is given; data-value holds the count; past 200 KB,
 *   data-estimate holds the size-based estimate shown while the exact count runs).
 * @csspart status - The message shown instead of data.
 * @csspart footer - Snapshot version and data age.
 * @cssproperty --exo-bg - Background colour (also of the inputs).
 * @cssproperty --exo-fg - Text colour.
 * @cssproperty --exo-muted - Secondary text colour.
 * @cssproperty --exo-border - Border colour.
 * @cssproperty --exo-up - Colour of error messages.
 * @cssproperty --exo-accent - Focus colour.
 * @cssproperty --exo-font - Font family.
 * @cssproperty --exo-radius - Corner radius.
 * @cssproperty --exo-height - Height (default 160px; reserve the same before upgrade).
 */
export class ExoCostCalculator extends ExoElement {
  private _v: Record<Field, string> = { n_in: "", n_out: "", eta: "", mode: "" };
  /** The prompt's count once done, or why it failed (or, meanwhile, a large prompt's size-based estimate). */
  private _t: { n: number; label: string } | { error: string } | { bySize: number; label: string } | null = null;
  private _counting = "";

  static override styles =
    ExoElement.styles +
    css`
      :host {
        height: var(--exo-height, 160px) !important;
      }
      form {
        display: grid;
        grid-template-columns: repeat(4, minmax(0, 1fr));
        gap: 4px 8px;
        font-size: 12px;
        line-height: 16px;
      }
      input,
      select {
        display: block;
        width: 100%;
        height: 28px;
        font: 14px system-ui, sans-serif;
        font-family: inherit;
        color: inherit;
        background: var(--_bg);
        border: 1px solid var(--_bd);
        border-radius: 4px;
        padding: 0 6px;
      }
      .r {
        margin: 8px 0 4px;
        font-size: 16px;
        line-height: 24px;
        white-space: nowrap;
        overflow: hidden;
      }
      output {
        font-weight: 600;
      }
      .e {
        height: 32px;
        font-size: 12px;
        line-height: 16px;
        overflow: hidden;
      }
    `;

  override connectedCallback(): void {
    const a = (n: string, d: string) => this.getAttribute(n) ?? d;
    // Initial values from the attributes; a reconnected element keeps what the reader typed.
    if (!this._v.mode)
      this._v = { n_in: a("n-in", "10000"), n_out: a("n-out", "1000"), eta: a("eta", "0"), mode: a("mode", "sync") };
    super.connectedCallback();
  }

  /** Counts the prompt attribute once per (prompt, tokenizer), loading the engine lazily; the count becomes n_in. */
  private countPrompt(tokenizer: string): void {
    const text = this.getAttribute("prompt");
    const key = `${tokenizer}\n${text}`;
    if (!text || this._counting === key) return;
    this._counting = key;
    this._t = null;
    void import("./prompt-tokens")
      .then((m) =>
        m.countPrompt(this.feedOrigin, tokenizer, text, (s) => {
          if (this._counting !== key) return;
          this._t = { bySize: s.n_in, label: s.label };
          this.requestUpdate();
        }),
      )
      .then(
        (t) => {
          if (this._counting !== key) return;
          this._t = {
            n: t.n_in,
            label: t.kind === "estimate" ? `${t.label}, likely ${t.band[0]}–${t.band[1]}` : t.label,
          };
          this._v = { ...this._v, n_in: String(t.n_in) };
        },
        (e: unknown) => {
          if (this._counting === key)
            this._t = {
              error: `${(e as { code?: string }).code ?? "E_TOKENIZER_UNAVAILABLE"}: ${(e as Error).message}`,
            };
        },
      )
      .finally(() => this.requestUpdate());
  }

  /** What the prompt's count is, under the cost (empty without a prompt). */
  private tokensLine(): TemplateResult | string {
    if (!this.getAttribute("prompt")) return "";
    const t = this._t;
    if (!t) return html`<span part="tokens">counting the prompt…</span>`;
    if ("bySize" in t) {
      const line = `prompt: ≈ ${t.bySize} tokens, ${t.label}; counting exactly…`;
      return html`<span part="tokens" data-estimate=${String(t.bySize)}>${line}</span>`;
    }
    if ("error" in t) return html`<span part="tokens" class="up">${t.error}</span>`;
    return html`<span part="tokens" data-value=${String(t.n)}>prompt: ${t.n} tokens, ${t.label}</span>`;
  }

  private input(e: Event): void {
    const t = e.target as HTMLInputElement;
    this._v = { ...this._v, [t.name]: t.value };
    this.requestUpdate();
  }

  override render(): TemplateResult {
    const problem = this.problem();
    if (problem) return problem;
    const model = this.getAttribute("model");
    const r = this.row(model);
    if (!r) return html`<p part="status">${model}: unknown ticker</p>`;
    this.countPrompt(r.tokenizer);
    const v = this._v;
    const h = this.getAttribute("horizon") ?? "";
    const horizon = ["1M", "3M", "6M", "12M"].includes(h) ? h : "3M";
    let res: TemplateResult;
    try {
      // The one pricing function of the product: same inputs, same numbers as the API and the PWA.
      const t = priceTask(
        r,
        { n_in: num(v.n_in), n_out: num(v.n_out), eta: num(v.eta), mode: v.mode, horizon },
        this.payload!.valuation_date,
      );
      const spot = t.spot!.cost;
      const fwd = t.forward.cost!;
      res = html`<p class="r">
          ${r.ticker}${state(r)}: <output part="cost" data-value=${String(spot)}>${cost(spot)}</output> per call
          <span class="mu">· ${horizon} forward</span> <output part="forward" data-value=${String(fwd)}>${cost(fwd)}</output>
        </p>
        <p class="e" part="error">${this.tokensLine()}</p>`;
    } catch (e) {
      if (!isOracleError(e)) throw e;
      res = html`<p class="r mu">${r.ticker}${state(r)}: no price for these inputs</p>
        <p class="e up" part="error" role="alert">${e.code}: ${e.message}</p>`;
    }
    const field = (name: Field, label: string, attrs: { min: string; max?: string; step: string }) =>
      html`<label>${label}<input part="input" name=${name} type="number" inputmode="decimal" min=${attrs.min} max=${attrs.max ?? ""} step=${attrs.step} .value=${v[name]} /></label>`;
    return html`<form part="form" @input=${this.input} @submit=${(e: Event) => e.preventDefault()}>
        ${field("n_in", "Input tokens", { min: "0", step: "1" })} ${field("n_out", "Output tokens", { min: "0", step: "1" })}
        ${field("eta", "Cached share η", { min: "0", max: "1", step: "0.05" })}
        <label
          >Mode<select part="input" name="mode" .value=${v.mode}>
            <option value="sync">sync</option>
            <option value="batch" ?disabled=${r.r_batch === null}>batch</option>
          </select></label
        >
      </form>
      ${res} ${this.note()}`;
  }
}

/**
 * The row's lifecycle state beside its ticker, unless active ("retired", "provisional"…): a word, not a colour. The
 * dated wording (exo-ticker.ts) stays in the ticker's chunk: sharing it would add a file to every page.
 */
function state(r: GreekRow): TemplateResult | string {
  return r.lifecycle == "active" ? "" : html`&#32;<b class="b l" part="badge lifecycle">${r.lifecycle}</b>`;
}

/** A form field as a number ("" stays NaN, so priceTask reports it with its code). */
function num(s: string): number {
  return s.trim() === "" ? NaN : Number(s);
}

define("exo-cost-calculator", ExoCostCalculator);

declare global {
  interface HTMLElementTagNameMap {
    "exo-cost-calculator": ExoCostCalculator;
  }
}
