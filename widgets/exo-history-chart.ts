import type uPlot from "uplot";
import uPlotLib from "uplot";
import { ExoChart, type ChartPoint } from "./chart-base";
import { define } from "./define";
import { dayMs } from "./format";

/**
 * A step chart of one price field of a model over time, every step with its provenance (kind,
 * source, provenance class) on hover and in the table alternative. Steps come from the feed's
 * history API (not signed); the last point is the verified current value from the snapshot.
 *
 * @tag exo-history-chart
 * @attr model - The ticker, e.g. "GPT-4O".
 * @attr {"output" | "input"} field - Price field: "output" (default) or "input".
 * @attr {"light" | "dark" | "auto"} theme - "light" (default), "dark" or "auto".
 * @attr feed - Feed origin to read (default: the origin that served the script).
 * @attr pins - Root public keys to pin (base64, space-separated); else configure({ pins }), else exostream-pin meta.
 * @fires exo-state - After the first snapshot state renders; detail { state }.
 * @csspart title - The chart title.
 * @csspart toggle - The Chart/Table toggle button.
 * @csspart plot - The uPlot canvas area.
 * @csspart table - The table alternative (date, point, $/M, provenance).
 * @csspart readout - The hovered step with its provenance, or a one-line summary.
 * @csspart status - The message shown instead of data.
 * @csspart footer - Snapshot version and data age.
 * @cssproperty --exo-bg - Background colour.
 * @cssproperty --exo-fg - Text and axis colour.
 * @cssproperty --exo-muted - Secondary text colour.
 * @cssproperty --exo-border - Border and grid colour.
 * @cssproperty --exo-accent - Line colour.
 * @cssproperty --exo-font - Font family.
 * @cssproperty --exo-radius - Corner radius.
 * @cssproperty --exo-height - Height (default 320px; reserve the same before upgrade).
 */
export class ExoHistoryChart extends ExoChart {
  protected override chart() {
    const r = this.row(this.model);
    const p = this.payload;
    if (!r || !p) return undefined;
    const field = this.getAttribute("field") === "input" ? "input" : "output";
    const val = dayMs(p.valuation_date);
    const points: ChartPoint[] = [
      ...this._h!.filter((h) => h.ms < val).map((h) => ({
        ms: h.ms,
        label: h.kind || "change",
        value: h.value,
        source: `${h.source} · ${h.provenance} (feed API, unsigned)`,
      })),
      { ms: val, label: "current", value: field === "input" ? r.prices.input : r.beta, source: "verified snapshot" },
    ];
    const data: uPlot.AlignedData = [points.map((q) => q.ms / 1000), points.map((q) => q.value)];
    const series: uPlot.Series[] = [
      {
        label: field,
        stroke: () => this.ink.ac,
        width: 2,
        paths: uPlotLib.paths.stepped!({ align: 1 }),
        points: { show: true, size: 6 },
      },
    ];
    return { title: `${r.ticker} · ${field} $/M history`, points, data, series };
  }
}

define("exo-history-chart", ExoHistoryChart);

declare global {
  interface HTMLElementTagNameMap {
    "exo-history-chart": ExoHistoryChart;
  }
}
