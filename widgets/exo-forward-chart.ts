import type uPlot from "uplot";
import uPlotLib from "uplot";
import { forwardPointAt } from "../oracle-core/greeks";
import { TENORS } from "../oracle-core/quant";
import { ExoChart, type ChartPoint } from "./chart-base";
import { define } from "./define";
import { dayMs, usd } from "./format";
import { TENOR_DAYS } from "./tenor-dates";

const TENOR_NAMES = ["1M", "3M", "6M", "12M"] as const;

/**
 * A model's output price (β): its history on a real date axis, then the verified spot and the
 * 1M/3M/6M/12M forwards from the snapshot (the expected price of that model), each labelled, inside the
 * 25–75% and 5–95% bands of its lifecycle forecast (computed by oracle-core from the signed row's forecast
 * block; none for a snapshot without one). Drawn with uPlot; a table of every point, with its median, bands and
 * P(change), is always in the DOM for assistive technology and shown on "Table". A retired model's title says it has
 * no forward past its retirement.
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
 * @cssproperty --exo-accent - Line colour of the forward curve, its bands (translucent) and the toggle.
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
    const law = TENOR_NAMES.map((t) => forwardPointAt(r, p.valuation_date, TENORS[t]!, "ticker"));
    const band = law.every((q) => q !== null) ? law : null;
    const at = (i: number) => {
      const q = band?.[i];
      if (!q) return "verified snapshot";
      const pc = q.p_change * 100;
      const pcs = pc === 0 ? "0" : pc < 0.1 ? "< 0.1" : pc.toFixed(1);
      const bands = `50% ${usd(q.q25)}–${usd(q.q75)} · 90% ${usd(q.q5)}–${usd(q.q95)}`;
      return `verified snapshot · median ${usd(q.median)} · ${bands} · P(change) ${pcs}%`;
    };
    const points: ChartPoint[] = [
      ...hist.map((h) => ({
        ms: h.ms,
        label: "history",
        value: h.value,
        source: `${h.kind} · ${h.source} · ${h.provenance} (feed API, unsigned)`,
      })),
      { ms: val, label: "spot", value: r.beta, source: "verified snapshot" },
      ...TENOR_NAMES.map((t, i) => ({
        ms: val + TENOR_DAYS[t] * 864e5,
        label: `${t} forward`,
        value: r.forwards[t],
        source: at(i),
      })),
    ];
    const n = hist.length;
    const tail = (k: "q5" | "q25" | "q75" | "q95") =>
      points.map((_q, i) => (i < n ? null : i === n ? r.beta : band![i - n - 1]![k]));
    const data: uPlot.AlignedData = [
      points.map((q) => q.ms / 1000),
      points.map((q, i) => (i <= n ? q.value : null)),
      points.map((q, i) => (i >= n ? q.value : null)),
      ...(band ? [tail("q95"), tail("q5"), tail("q75"), tail("q25")] : []),
    ];
    const edge = (label: string): uPlot.Series => ({
      label,
      stroke: () => this.ink.ac,
      width: 0,
      points: { show: false },
    });
    const series: uPlot.Series[] = [
      { label: "history", stroke: () => this.ink.fg, width: 2, paths: uPlotLib.paths.stepped!({ align: 1 }) },
      { label: "forward", stroke: () => this.ink.ac, width: 2, dash: [5, 4], points: { show: true, size: 7 } },
      ...(band ? [edge("95%"), edge("5%"), edge("75%"), edge("25%")] : []),
    ];
    // uPlot fills between series pairs (indices count the x series as 0): 5–95% faint, 25–75% stronger.
    const bands: uPlot.Band[] = band
      ? [
          { series: [3, 4], fill: () => alpha(this.ink.ac, 0.12) },
          { series: [5, 6], fill: () => alpha(this.ink.ac, 0.22) },
        ]
      : [];
    // A retired model has no price to forecast: the signed forwards are drawn, and the title says they do not apply.
    const on = r.retired_at ? " " + r.retired_at : "";
    const gone = r.lifecycle == "retired" ? ` · retired${on}: no forward past its retirement` : "";
    const title = `${r.ticker} · output $/M: spot and forwards${band ? " with 50% and 90% bands" : ""}${gone}`;
    return { title, points, data, series, bands };
  }

  protected override pointLabels(): (string | undefined)[] {
    const n = (this._h ?? []).filter((h) => h.ms < dayMs(this.payload?.valuation_date ?? "")).length;
    return [...Array<undefined>(n), "spot", ...TENOR_NAMES];
  }
}

/** "rgb(r, g, b)" → "rgba(r, g, b, a)" (canvas colours are read from the theme as rgb()). */
function alpha(rgb: string, a: number): string {
  const m = /^rgba?\(([^,]+),([^,]+),([^,)]+)/.exec(rgb);
  return m ? `rgba(${m[1]},${m[2]},${m[3]},${a})` : rgb;
}

define("exo-forward-chart", ExoForwardChart);

declare global {
  interface HTMLElementTagNameMap {
    "exo-forward-chart": ExoForwardChart;
  }
}
