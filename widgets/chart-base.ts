import { html, type TemplateResult } from "lit/html.js";
import uPlot from "uplot";
import { chartStyles } from "./chart-styles";
import { ExoElement } from "./exo-element";
import { isoDay, usd } from "./format";
import { historyPoints, type HistoryPoint } from "./history-client";

/** One point of a chart, also one row of its table alternative. */
export interface ChartPoint {
  ms: number;
  /** What the point is: "history", "spot", "1M forward", … */
  label: string;
  value: number;
  /** Where it comes from (provenance, or the verified snapshot). */
  source: string;
}

/** A date-axis tick label for uPlot's split (unix seconds): "YYYY-MM" on a month's first day, else "YYYY-MM-DD". */
export function tickLabel(s: number): string {
  const d = isoDay(s * 1000);
  return d.endsWith("-01") ? d.slice(0, 7) : d;
}

/**
 * Shared by the uPlot charts: fetches the ticker's history once, draws on a real UTC date axis
 * (uPlot time scale in seconds, labels we format and record in `xTickLabels`), keeps a table
 * alternative in the DOM (visually hidden until "Table" is pressed) and a hover readout.
 */
export abstract class ExoChart extends ExoElement {
  static override styles = ExoElement.styles + chartStyles;
  /** History of the ticker from the feed API (undefined while loading). */
  protected _h: HistoryPoint[] | undefined;
  /** Table view on. */
  private _t = false;
  /** Index of the hovered point. */
  private _i: number | undefined;
  /** The date-axis tick labels as last drawn (what a reader sees under the chart). */
  xTickLabels: string[] = [];
  private plot: uPlot | undefined;
  private ro: ResizeObserver | undefined;
  /** Colours read from the rendered theme (canvas cannot use CSS variables). */
  protected ink = { fg: "", grid: "", ac: "", mu: "" };

  protected override feedKnown(): void {
    void historyPoints(this.feedOrigin, this.model.trim().toUpperCase(), this.getAttribute("field") ?? "output").then(
      (h) => {
        this._h = h;
        this.requestUpdate();
      },
    );
  }

  /** The ticker attribute. */
  get model(): string {
    return this.getAttribute("model") ?? "";
  }

  disconnectedCallback(): void {
    this.ro?.disconnect();
    this.plot?.destroy();
    this.plot = undefined;
  }

  /**
   * Title, points (one per x value, by date) and uPlot series for the verified payload; undefined for an unknown
   * ticker.
   */
  protected abstract chart():
    | { title: string; points: ChartPoint[]; data: uPlot.AlignedData; series: uPlot.Series[]; bands?: uPlot.Band[] }
    | undefined;

  /** Labels drawn beside points (index aligned with the x values); none by default. */
  protected pointLabels(): (string | undefined)[] {
    return [];
  }

  override render(): TemplateResult {
    const c = this._h && this.chart();
    const p =
      this.problem() ??
      (!this._h
        ? html`<p class="mu" part="status">Loading…</p>`
        : !c
          ? html`<p part="status">${this.model}: unknown ticker</p>`
          : undefined);
    if (p || !c) return p!;
    const hov = this._i === undefined ? undefined : c.points[this._i];
    const first = c.points[0];
    const last = c.points[c.points.length - 1];
    const summary = `${c.title}: ${c.points.length} points from ${first ? isoDay(first.ms) : "?"} to ${last ? isoDay(last.ms) : "?"}.`;
    return html`<div class="g">
      <div class="hd">
        <b part="title">${c.title}</b>
        <button part="toggle" aria-pressed=${this._t ? "true" : "false"} @click=${() => {
          this._t = !this._t;
          this.requestUpdate();
        }}>Table</button>
      </div>
      <div class="plot" part="plot" role="img" aria-label=${summary + " A table of every point follows."} ?hidden=${this._t}></div>
      <div class=${this._t ? "tw" : "sr"}>
        <table part="table">
          <caption class="sr">${summary}</caption>
          <thead><tr><th>Date</th><th>Point</th><th>$/M</th><th>Source</th></tr></thead>
          <tbody>${c.points.map((r) => html`<tr><td>${isoDay(r.ms)}</td><td>${r.label}</td><td>${usd(r.value)}</td><td>${r.source}</td></tr>`)}</tbody>
        </table>
      </div>
      <p class="ft mu" part="readout">${hov ? `${isoDay(hov.ms)} · ${hov.label} ${usd(hov.value)} · ${hov.source}` : summary}</p>
      ${this.note()}
    </div>`;
  }

  override updated(): void {
    const el = this.renderRoot.querySelector<HTMLElement>(".plot");
    const c = el && !this.plot && this._h ? this.chart() : undefined;
    if (!el || !c || el.clientWidth === 0) return;
    const cs = getComputedStyle(this);
    const q = (s: string) => getComputedStyle(this.renderRoot.querySelector(s)!).color;
    const { fg, grid } = (this.ink = { fg: cs.color, grid: cs.borderTopColor, ac: q("button"), mu: q(".ft") });
    const axis = {
      stroke: fg,
      font: "11px system-ui,sans-serif",
      grid: { stroke: grid, width: 1 },
      ticks: { stroke: grid, width: 1 },
    };
    const labels = this.pointLabels();
    this.plot = new uPlot(
      {
        width: el.clientWidth,
        height: el.clientHeight,
        legend: { show: false },
        cursor: { y: false, drag: { x: false, y: false } },
        // Splits and labels in UTC so a tick at a date boundary reads as that date everywhere.
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"),
        scales: { x: { time: true } },
        axes: [
          { ...axis, values: (_u, splits) => (this.xTickLabels = splits.map(tickLabel)) },
          { ...axis, size: 56, values: (_u, splits) => splits.map((v) => "$" + v) },
        ],
        series: [{}, ...c.series],
        ...(c.bands?.length ? { bands: c.bands } : {}),
        hooks: {
          setCursor: [
            (u) => {
              this._i = u.cursor.idx ?? undefined;
              this.requestUpdate();
            },
          ],
          draw: [
            (u) => {
              const ctx = u.ctx;
              ctx.fillStyle = fg;
              ctx.font = `${11 * devicePixelRatio}px system-ui,sans-serif`;
              ctx.textAlign = "center";
              labels.forEach((l, i) => {
                const y = (u.data[2] ?? u.data[1])?.[i];
                if (l && y != null)
                  ctx.fillText(
                    l,
                    u.valToPos(u.data[0][i]!, "x", true),
                    u.valToPos(y, "y", true) - 8 * devicePixelRatio,
                  );
              });
            },
          ],
        },
      },
      c.data,
      el,
    );
    this.ro = new ResizeObserver(
      () => el.clientWidth > 0 && this.plot?.setSize({ width: el.clientWidth, height: el.clientHeight }),
    );
    this.ro.observe(el);
  }
}
