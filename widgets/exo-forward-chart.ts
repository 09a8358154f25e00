import type uPlot from "uplot";
import uPlotLib from "uplot";
import { ExoChart, type ChartPoint } from "./chart-base.js";
import { define } from "./define.js";
import { dayMs } from "./format.js";
import { TENOR_DAYS } from "./tenor-dates.js";

const TENOR_NAMES = ["1M", "3M", "6M", "12M"] as const;

/**
 * A model's output price (β): its history on a real date axis, then the verified spot and the
 * 1M/3M/6M/12M forwards from the snapshot, each labelled. Drawn with uPlot; a table of every point is
 * always in the DOM for assistive technology and shown on "Table".
 *
 * @tag exo-forward-chart
 * @attr model - The ticker, e.g. "GPT-4O".
 * @attr {"light" | "dark" | "auto"} theme - "light" (default), "dark" or "auto".
 * @attr feed - Feed origin to read (default: the origin that served the script).
 * @attr pins - Root public keys to pin (base64, space-separated); else configure({ pins }), else exostream-pin meta.
 * @fires exo-state - After the first snapshot state renders; detail { state }.
 * @csspart title - The chart title.
 * @csspart toggle - The Chart/Table toggle button.
 * @csspart plot - The uPlot canvas area (aria-hidden details; the table carries the data).
 * @csspart table - The table alternative (date, point, $/M, source).
 * @csspart readout - The hovered point, or a one-line summary.
 * @csspart status - The message shown instead of data (loading, unverified, unavailable).
 * @csspart footer - Snapshot version and data age.
 * @cssproperty --exo-bg - Background colour.
 * @cssproperty --exo-fg - Text and axis colour.
 * @cssproperty --exo-muted - Secondary text colour.
 * @cssproperty --exo-border - Border and grid colour.
 * @cssproperty --exo-accent - Line colour of the forward curve and the toggle.
 * @cssproperty --exo-font - Font family.
 * @cssproperty --exo-radius - Corner radius.
 * @cssproperty --exo-height - Height (default 320px; reserve the same before upgrade).
 */
export class ExoForwardChart extends ExoChart {
  protected override chart() {
    const r = this.row(this.model);
    const p = this.payload;
    if (!r || !p) return undefined;
    const val = dayMs(p.valuation_date);
    const hist = this._h!.filter((h) => h.ms < val);
    const points: ChartPoint[] = [
      ...hist.map((h) => ({ ms: h.ms, label: "history", value: h.value, source: `${h.kind} · ${h.source} · ${h.provenance} (feed API, unsigned)` })),
      { ms: val, label: "spot", value: r.beta, source: "verified snapshot" },
      ...TENOR_NAMES.map((t) => ({ ms: val + TENOR_DAYS[t] * 864e5, label: `${t} forward`, value: r.forwards[t], source: "verified snapshot" })),
    ];
    const n = hist.length;
    const data: uPlot.AlignedData = [points.map((q) => q.ms / 1000), points.map((q, i) => (i <= n ? q.value : null)), points.map((q, i) => (i >= n ? q.value : null))];
    const series: uPlot.Series[] = [
      { label: "history", stroke: () => this.ink.fg, width: 2, paths: uPlotLib.paths.stepped!({ align: 1 }) },
      { label: "forward", stroke: () => this.ink.ac, width: 2, dash: [5, 4], points: { show: true, size: 7 } },
    ];
    return { title: `${r.ticker} · output $/M: spot and forwards`, points, data, series };
  }

  protected override pointLabels(): (string | undefined)[] {
    const n = (this._h ?? []).filter((h) => h.ms < dayMs(this.payload?.valuation_date ?? "")).length;
    return [...Array<undefined>(n), "spot", ...TENOR_NAMES];
  }
}

define("exo-forward-chart", ExoForwardChart);

declare global {
  interface HTMLElementTagNameMap {
    "exo-forward-chart": ExoForwardChart;
  }
}
