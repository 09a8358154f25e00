import { html, type TemplateResult } from "lit/html.js";
import { lifecycleNotes, type LifecycleFields } from "../api-core/lifecycle-note";
import { forwardDirection } from "../oracle-core/greeks";
import type { WidgetData } from "./snapshot-client";
import { getWidgetView } from "./widget-view-client";
import { css } from "./css";
import { define } from "./define";
import { ExoElement } from "./exo-element";
import { pct, usd } from "./format";

/**
 * Live, verified output prices (β) for one model or a list, as a board of cards or a marquee.
 *
 * @tag exo-ticker
 * @attr model - One ticker, e.g. "OPUS-4.6".
 * @attr models - A comma-separated list of tickers (overrides `model`).
 * @attr {"board" | "marquee"} mode - "board" (default) or "marquee".
 * @attr {"light" | "dark" | "auto"} theme - "light" (default), "dark" or "auto" (follows prefers-color-scheme).
 * @attr feed - Feed origin to read (default: the origin that served the script, or <meta name="exostream-feed">).
 * @attr pins - Root public keys to pin (base64, space-separated); else configure({ pins }), else exostream-pin meta.
 * @fires exo-state - After the first snapshot state renders; detail { state: "verified" | "unverified" | "unavailable"
 *   }.
 * @csspart board - The row of cards (board mode; scrolls sideways when they do not fit).
 * @csspart card - One model: a card on the board, an item in the marquee.
 * @csspart marquee - The scrolling region (marquee mode); focusable, pauses on hover and focus.
 * @csspart symbol - The ticker symbol.
 * @csspart price - β, the output price per million tokens.
 * @csspart change - Change since the last price move, with its date.
 * @csspart direction - Where the 12M forward (the expected price) stands against spot: ▼ below, ▲ above,
 *   nothing within ±1% (a change is improbable or not expected either way; oracle-core FLAT_DRIFT).
 * @csspart theta - The same element (the name it had when it showed θ; kept for existing stylesheets).
 * @csspart badge - A status badge (stale, pending, disputed, halted) or a lifecycle badge.
 * @csspart lifecycle - A lifecycle badge, also part `badge`: "provisional", "retires <date>", "retired <date>" or
 *   "unquoted since <date>" (no healthy source for ≥ 14 days); its title says what the state means.
 * @csspart status - The message shown instead of data (loading, unverified, unavailable).
 * @csspart footer - Snapshot version and data age.
 * @cssproperty --exo-bg - Background colour.
 * @cssproperty --exo-fg - Text colour.
 * @cssproperty --exo-muted - Secondary text colour.
 * @cssproperty --exo-border - Border colour.
 * @cssproperty --exo-up - Colour of price rises.
 * @cssproperty --exo-down - Colour of price cuts.
 * @cssproperty --exo-accent - Focus and accent colour.
 * @cssproperty --exo-font - Font family.
 * @cssproperty --exo-radius - Corner radius (default 8px).
 * @cssproperty --exo-height - Height (default 110px board, 38px marquee; reserve the same before upgrade).
 * @cssproperty --exo-marquee-duration - One marquee loop (default 40s).
 */
export class ExoTicker extends ExoElement<WidgetData> {
  // The ticker reads the compact signed widget view, not the full snapshot (a fraction of the bytes at 400 models).
  static override load = getWidgetView;
  static override styles =
    ExoElement.styles +
    css`
      :host {
        height: var(--exo-height, 110px) !important;
      }
      :host([mode="marquee"]) {
        height: var(--exo-height, 38px) !important;
      }
      .w {
        display: flex;
        overflow: auto hidden;
        white-space: nowrap;
      }
      .bd > * {
        flex: none;
        min-width: 180px;
        height: 76px;
        padding-right: 12px;
        margin-right: 12px;
        border-right: 1px solid var(--_bd);
      }
      .bd > :last-child {
        border: 0;
      }
      .bd [part~="price"],
      .bd [part~="change"] {
        display: block;
      }
      .bd [part~="price"] {
        font-size: 18px;
        line-height: 28px;
        font-weight: 600;
      }
      small {
        font-size: 12px;
        font-weight: 400;
      }
      .mq {
        overflow: hidden;
      }
      .t {
        display: flex;
        width: max-content;
        animation: m var(--exo-marquee-duration, 40s) linear infinite;
      }
      .mq:hover .t,
      .mq:focus-within .t {
        animation-play-state: paused;
      }
      .t > * {
        display: flex;
        align-items: baseline;
      }
      .t > * > * {
        padding-right: 28px;
      }
      @keyframes m {
        to {
          transform: translateX(-50%);
        }
      }
      @media (prefers-reduced-motion: reduce) {
        .t {
          animation: none;
        }
        .t > [aria-hidden] {
          display: none;
        }
        .mq {
          overflow-x: auto;
        }
      }
    `;

  private card(t: string): TemplateResult {
    const r = this.row(t);
    if (!r) return html`<div part="card"><b part="symbol">${t}</b> <span class="mu">unknown ticker</span></div>`;
    const f = forwardDirection(r);
    const c = r.last_change;
    const d = c?.from ? (c.to - c.from) / c.from : 0;
    return html`<div part="card">
      <b part="symbol">${r.ticker}</b>
      ${
        f.direction === "flat"
          ? ""
          : html`<span part="direction theta" role="img" class=${f.direction === "down" ? "dn" : "up"}
            aria-label="12M forward ${pct(f.change).slice(2)} ${f.direction === "down" ? "below" : "above"} spot"
            title="12M forward ${usd(r.forwards["12M"])}"
            >${f.direction === "down" ? "▼" : "▲"}</span
          >`
      }${lifecycleBadges(r, this.payload!.valuation_date)}${this.badges(r)}
      <span part="price">${usd(r.beta)}<small class="mu"> /M out</small></span>
      <span part="change" class=${d < 0 ? "dn" : d > 0 ? "up" : "mu"}
        >${
          !c
            ? "no change on record"
            : !c.from
              ? `listed ${c.effective_at}`
              : `${c.field == "output" ? "" : c.field + " "}${pct(d)} since ${c.effective_at}`
        }</span
      >
    </div>`;
  }

  override render(): TemplateResult {
    const problem = this.problem();
    if (problem) return problem;
    const cards = (this.getAttribute("models") ?? this.getAttribute("model") ?? "")
      .split(",")
      .flatMap((t) => (t.trim() ? [this.card(t)] : []));
    if (this.getAttribute("mode") != "marquee")
      return html`<div class="w bd" part="board">${cards}</div>${this.note()}`;
    const items = html`${this.note()}${cards}`;
    return html`<div class="w mq" part="marquee" tabindex="0" role="region" aria-label="Model prices">
      <div class="t"><div>${items}</div><div aria-hidden="true">${items}</div></div>
    </div>`;
  }
}

/**
 * Lifecycle badges of a row (provisional, retires/retired <date>, unquoted since <date>): the words are the signal,
 * the title says what they mean. Each starts with a space (&#32;: the build trims the edges of a template).
 */
function lifecycleBadges(r: LifecycleFields, valuationDate: string): TemplateResult[] {
  return lifecycleNotes(r, valuationDate).map(
    (n) => html`&#32;<b class="b l" part="badge lifecycle" data-kind=${n.kind} title=${n.title}>${n.label}</b>`,
  );
}

define("exo-ticker", ExoTicker);

declare global {
  interface HTMLElementTagNameMap {
    "exo-ticker": ExoTicker;
  }
}
