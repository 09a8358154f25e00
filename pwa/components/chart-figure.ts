import { html, LitElement, nothing } from "lit";
import type uPlot from "uplot";
import { downloadBlob } from "../app/download";
import type { ChartSpec } from "./chart-spec";

/**
 * `<exo-chart>`: a chart (uPlot, loaded on first use) in a figure with its caption, a text summary for screen readers
 * and a "Download PNG" button. Set `.spec`, `caption`, `summary` and `filename`. The PWA's own: the widgets' ExoChart
 * (widgets/chart-base.ts) is another class, the base of their uPlot widgets.
 */
export class ChartFigure extends LitElement {
  private _spec: ChartSpec | null = null;
  caption = "";
  summary = "";
  filename = "chart";
  private plot: uPlot | null = null;
  private resize: ResizeObserver | null = null;

  // Set spec last (after caption, summary, filename): it re-renders the figure and redraws the plot.
  set spec(s: ChartSpec | null) {
    this._spec = s;
    this.requestUpdate();
  }
  get spec(): ChartSpec | null {
    return this._spec;
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resize = new ResizeObserver(() => this.plot?.setSize({ width: this.width(), height: 300 }));
    this.resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize?.disconnect();
    this.plot?.destroy();
    this.plot = null;
  }

  protected override render() {
    return html`<figure class="chart">
      <figcaption>${this.caption}</figcaption>
      <div class="plot" role="img" aria-label=${`${this.caption}. ${this.summary}`}></div>
      ${this.summary ? html`<p class="legend-note">${this.summary}</p>` : nothing}
      <button type="button" class="secondary" @click=${() => this.png()}>Download PNG<span class="visually-hidden">: ${this.caption}</span></button>
    </figure>`;
  }

  protected override updated(): void {
    void this.draw();
  }

  private width(): number {
    return Math.max(280, (this.querySelector(".plot") as HTMLElement | null)?.clientWidth ?? 600);
  }

  private async draw(): Promise<void> {
    await this.updateComplete;
    const host = this.querySelector<HTMLElement>(".plot");
    const s = this._spec;
    if (!host || !s) return;
    const [{ default: UPlot }] = await Promise.all([import("uplot"), import("uplot/dist/uPlot.min.css")]);
    this.plot?.destroy();
    const pts = (fill: string, hollow: boolean) => ({
      show: true,
      size: 7,
      fill: hollow ? "#ffffff" : fill,
      stroke: fill,
      width: 2,
    });
    const opts: uPlot.Options = {
      width: this.width(),
      height: 300,
      scales: { x: { time: s.time } },
      axes: [{ stroke: "#16201c" }, { stroke: "#16201c", label: s.yLabel, size: 70 }],
      legend: { show: true },
      series: [
        {},
        ...s.series.map((x) => ({
          label: x.label,
          stroke: x.color,
          width: x.pointsOnly ? 0 : (x.width ?? 2),
          dash: x.dash,
          paths: x.stepped ? UPlot.paths.stepped!({ align: 1 }) : undefined,
          points: x.pointsOnly || x.hollow ? pts(x.color, x.hollow ?? false) : { show: false },
          spanGaps: !x.pointsOnly,
          ...(x.fillTo ? fillBetween(x.fillTo) : {}),
        })),
      ],
      bands: s.bands?.map((b) => ({ series: [b.upper + 1, b.lower + 1] as [number, number], fill: b.fill })),
    };
    const data = [s.x as number[], ...s.series.map((x) => x.values as (number | null)[])] as uPlot.AlignedData;
    host.replaceChildren();
    this.plot = new UPlot(opts, data, host);
  }

  private png(): void {
    const src = this.plot?.ctx.canvas;
    if (!src) return;
    // White background and the caption, so the file reads on its own.
    const pad = 40;
    const c = document.createElement("canvas");
    c.width = src.width;
    c.height = src.height + pad;
    const g = c.getContext("2d")!;
    g.fillStyle = "#ffffff";
    g.fillRect(0, 0, c.width, c.height);
    g.fillStyle = "#16201c";
    g.font = `${Math.round(16 * devicePixelRatio)}px system-ui, sans-serif`;
    g.fillText(this.caption, 8, 26);
    g.drawImage(src, 0, pad);
    c.toBlob((b) => b && downloadBlob(b, `${this.filename}.png`), "image/png");
  }
}

// Fill to a level with one colour above it and another below: a vertical gradient with a hard stop at the level.
function fillBetween(f: { y: number; above: string; below: string }): Pick<uPlot.Series, "fill" | "fillTo"> {
  return {
    fillTo: () => f.y,
    fill: (u: uPlot) => {
      const top = u.bbox?.top;
      const h = Math.max(1, u.bbox?.height ?? 0);
      const pos = u.valToPos(f.y, "y", true);
      if (!Number.isFinite(top) || !Number.isFinite(pos)) return f.above; // before the first layout
      const at = Math.min(1, Math.max(0, (pos - top) / h));
      const g = u.ctx.createLinearGradient(0, top, 0, top + h);
      g.addColorStop(0, f.above);
      g.addColorStop(at, f.above);
      g.addColorStop(at, f.below);
      g.addColorStop(1, f.below);
      return g;
    },
  };
}

if (!customElements.get("exo-chart")) customElements.define("exo-chart", ChartFigure);
