import { html, svg, type TemplateResult } from "lit/html.js";
import { css } from "./css";
import { define } from "./define";
import { ExoElement } from "./exo-element";
import { feedJson, listOf } from "./feed-json";

interface Level {
  date: string;
  level: number;
}

/**
 * The Exostream index (EICI): its verified level from the snapshot, fixing date and number of
 * constituents, with a sparkline of past levels from the feed API. Until the index is published
 * (snapshot.index === null) it says so instead.
 *
 * @tag exo-index
 * @attr {"light" | "dark" | "auto"} theme - "light" (default), "dark" or "auto".
 * @attr feed - Feed origin to read (default: the origin that served the script).
 * @attr pins - Root public keys to pin (base64, space-separated); else configure({ pins }), else exostream-pin meta.
 * @fires exo-state - After the first snapshot state renders; detail { state }.
 * @csspart name - The index name.
 * @csspart level - The index level.
 * @csspart meta - Fixing date and constituent count.
 * @csspart sparkline - The SVG sparkline of past levels (with a text alternative).
 * @csspart status - The message shown instead of data (also "not yet published").
 * @csspart footer - Snapshot version and data age.
 * @cssproperty --exo-bg - Background colour.
 * @cssproperty --exo-fg - Text colour.
 * @cssproperty --exo-muted - Secondary text colour.
 * @cssproperty --exo-border - Border colour.
 * @cssproperty --exo-accent - Sparkline colour.
 * @cssproperty --exo-font - Font family.
 * @cssproperty --exo-radius - Corner radius.
 * @cssproperty --exo-height - Height (default 100px; reserve the same before upgrade).
 */
export class ExoIndex extends ExoElement {
  private _l: Level[] | undefined;

  static override styles =
    ExoElement.styles +
    css`
      :host {
        height: var(--exo-height, 100px) !important;
      }
      .w {
        display: flex;
        justify-content: space-between;
        gap: 12px;
        height: 64px;
      }
      [part="level"] {
        font-size: 22px;
        line-height: 28px;
        font-weight: 600;
      }
      svg {
        flex: 0 1 160px;
        height: 48px;
        color: var(--_ac);
      }
    `;

  protected override feedKnown(): void {
    void feedJson(this.feedOrigin + "/v1/index/history").then((b) => {
      this._l = (listOf(b) as Record<string, unknown>[])
        .map((r) => ({ date: String(r?.date ?? r?.fixing_date ?? ""), level: r?.level as number }))
        .filter((r) => /^\d{4}-\d{2}-\d{2}$/.test(r.date) && Number.isFinite(r.level))
        .sort((a, b) => (a.date < b.date ? -1 : 1));
      this.requestUpdate();
    });
  }

  private spark(ls: Level[]): TemplateResult {
    if (ls.length < 2) return html`<span class="mu ft">no level history yet</span>`;
    const lo = Math.min(...ls.map((l) => l.level));
    const hi = Math.max(...ls.map((l) => l.level));
    const pts = ls
      .map((l, i) => `${(i / (ls.length - 1)) * 100},${hi === lo ? 16 : 30 - ((l.level - lo) / (hi - lo)) * 28}`)
      .join(" ");
    const a = ls[0]!;
    const b = ls[ls.length - 1]!;
    return html`<svg part="sparkline" viewBox="0 0 100 32" preserveAspectRatio="none" role="img" aria-label="Level from ${a.level.toFixed(2)} on ${a.date} to ${b.level.toFixed(2)} on ${b.date}">
      ${svg`<polyline points=${pts} fill="none" stroke="currentColor" stroke-width="1.5" vector-effect="non-scaling-stroke" />`}
    </svg>`;
  }

  override render(): TemplateResult {
    const problem = this.problem();
    if (problem) return problem;
    const ix = this.payload!.index;
    if (!ix) return html`<p part="status">The Exostream index (EICI) is not yet published.</p>${this.note()}`;
    return html`<div class="w">
        <div>
          <b part="name">${ix.name}</b>
          <div part="level">${ix.level.toFixed(2)}</div>
          <div part="meta" class="ft">fixing ${ix.fixing_date} · ${ix.constituents.length} models${ix.index_breaker ? " · breaker on" : ""}</div>
        </div>
        ${this._l ? this.spark(this._l) : ""}
      </div>
      ${this.note()}`;
  }
}

define("exo-index", ExoIndex);

declare global {
  interface HTMLElementTagNameMap {
    "exo-index": ExoIndex;
  }
}
