import { html, type TemplateResult } from "lit";
import type { TargetSummary, WithInterval } from "../../oracle-core/market";
import { num } from "../app/display-format";
import type { ChartSpec } from "../components/chart-spec";
import { dataTable } from "../components/data-table";
import "../components/chart-figure";
import type { BacktestView } from "../worker/worker-api";

const TARGETS = { ticker: "Model's own price (ticker)", tier: "Family's newest model (tier)" } as const;
type Target = keyof typeof TARGETS;
const TENOR_COLORS: Record<string, string> = { "1M": "#7db89d", "3M": "#2f8a63", "6M": "#0b4f3c", "12M": "#16201c" };

/** A share as a signed percentage ("+8.5%"). */
const signed = (x: number) =>
  Number.isFinite(x) ? `${x > 0 ? "+" : x < 0 ? "−" : ""}${Math.abs(x * 100).toFixed(1)}%` : "—";
const share = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);
const ci = (w: WithInterval, f: (x: number) => string) =>
  w.ci ? `${f(w.value ?? NaN)} [${f(w.ci[0])}, ${f(w.ci[1])}]` : f(w.value ?? NaN);
const pts = (x: number) => `${x > 0 ? "+" : x < 0 ? "−" : ""}${Math.abs(x).toFixed(1)}%`;

const band = (c: { reliability: { nominal: number; observed: number | null }[] }, level: number) =>
  c.reliability.find((r) => Math.abs(r.nominal - level) < 1e-9)?.observed ?? null;

interface Line {
  target: Target;
  tenor: string;
  s: TargetSummary;
}

/** The backtest's table, PIT histograms and reliability diagram (every number computed by oracle-core). */
export function backtestSection(v: BacktestView): TemplateResult {
  const lines: Line[] = (Object.keys(TARGETS) as Target[]).flatMap((target) =>
    v.tenors.flatMap((tenor) => {
      const s = v.by_tenor[target][tenor];
      return s ? [{ target, tenor, s }] : [];
    }),
  );
  const bins = v.calibration.ticker[v.tenors[0]!]!.pit.length;
  const mids = Array.from({ length: bins }, (_, k) => (k + 0.5) / bins);
  const pitSpec = (target: Target): ChartSpec => ({
    x: mids,
    time: false,
    yLabel: "share of forecasts ÷ uniform",
    series: [
      { label: "calibrated (uniform)", values: mids.map(() => 1), color: "#a3161f", dash: [6, 4] },
      ...v.tenors.map((t) => ({
        label: t,
        values: v.calibration[target][t]!.pit.map((x) => x * bins),
        color: TENOR_COLORS[t] ?? "#555",
        stepped: true,
      })),
    ],
  });
  const levels = v.calibration.ticker[v.tenors[0]!]!.reliability.map((r) => r.nominal);
  const reliabilitySpec: ChartSpec = {
    x: levels,
    time: false,
    yLabel: "observed coverage",
    series: [
      { label: "calibrated (observed = nominal)", values: levels, color: "#a3161f", dash: [6, 4] },
      ...(Object.keys(TARGETS) as Target[]).flatMap((target) =>
        v.tenors.map((t) => ({
          label: `${target} ${t}`,
          values: v.calibration[target][t]!.reliability.map((r) => r.observed),
          color: TENOR_COLORS[t] ?? "#555",
          ...(target === "tier" ? { dash: [3, 3] } : {}),
        })),
      ),
    ],
  };
  const calRows = (Object.keys(TARGETS) as Target[]).flatMap((target) =>
    v.tenors.map((tenor) => ({ target, tenor, c: v.calibration[target][tenor]! })),
  );
  return html`<p>
      At every month-start up to ${v.eval_end}, every model launched by then and every family was forecast at
      ${v.tenors.join(", ")} with the models fitted on the data effective by that date only, and scored against the
      price in force at the horizon. Computed on this device from the bundled history (the README's table and
      <code>GET /v1/backtest</code> give the same numbers). Errors are in points of spot; skill &gt; 0 beats "no
      change"; brackets are 95% bootstrap intervals over whole models or families. Tier bands are widened ×${num(
        typeof v.tier_calibration === "string" ? 1 : v.tier_calibration.widen,
      )} (launch rate ×${num(typeof v.tier_calibration === "string" ? 1 : v.tier_calibration.rate_scale)}).
    </p>
    ${dataTable({
      id: "backtest",
      caption: "Forecast backtest against no change",
      filename: "backtest",
      columns: [
        { label: "Target", value: (x: Line) => TARGETS[x.target] },
        { label: "Tenor", value: (x) => x.tenor },
        { label: "Pairs", value: (x) => x.s.pairs, num: true },
        { label: "Moved / events", value: (x) => `${x.s.moved} / ${x.s.events}`, num: true },
        { label: "Bias", value: (x) => x.s.bias_pct.value, cell: (x) => ci(x.s.bias_pct, pts), num: true },
        {
          label: "Squared-error skill",
          value: (x) => x.s.se_skill.value,
          cell: (x) => ci(x.s.se_skill, signed),
          num: true,
        },
        { label: "CRPS skill", value: (x) => x.s.crps_skill.value, cell: (x) => ci(x.s.crps_skill, signed), num: true },
        { label: "90% band covers", value: (x) => x.s.coverage90.value, cell: (x) => share(x.s.coverage90.value) },
        { label: "50% band covers", value: (x) => x.s.coverage50.value, cell: (x) => share(x.s.coverage50.value) },
        {
          label: "Median MAPE (no change)",
          value: (x) => x.s.median.mape_pct,
          cell: (x) => `${x.s.median.mape_pct.toFixed(1)}% (${x.s.median.nc_mape_pct.toFixed(1)}%)`,
          num: true,
        },
      ],
      rows: lines,
    })}
    <exo-chart
      .caption=${"PIT histogram: model forecasts (ticker)"}
      .summary=${"Where each outcome fell in its forecast law, by decile; a calibrated forecast is flat at 1 (dashed)."}
      .filename=${"pit-ticker"}
      .spec=${pitSpec("ticker")}
    ></exo-chart>
    <exo-chart
      .caption=${"PIT histogram: family forecasts (tier)"}
      .summary=${"The same for the tier forecasts; a U shape means bands too narrow, a hump too wide."}
      .filename=${"pit-tier"}
      .spec=${pitSpec("tier")}
    ></exo-chart>
    <exo-chart
      .caption=${"Reliability diagram: nominal vs observed band coverage"}
      .summary=${
        "Each central band (10%…90%) against the share of outcomes it held; solid: ticker, dashed: tier. " +
        "On the diagonal is calibrated; below it, bands too narrow."
      }
      .filename=${"reliability"}
      .spec=${reliabilitySpec}
    ></exo-chart>
    ${dataTable({
      id: "calibration",
      caption: "Calibration by target and tenor (PIT deciles; observed coverage of the 50% and 90% bands)",
      filename: "calibration",
      columns: [
        { label: "Target", value: (x: (typeof calRows)[number]) => x.target },
        { label: "Tenor", value: (x) => x.tenor },
        { label: "PIT deciles (share)", value: (x) => x.c.pit.map((p) => p.toFixed(3)).join(" ") },
        { label: "50% band", value: (x) => band(x.c, 0.5), cell: (x) => share(band(x.c, 0.5)), num: true },
        { label: "90% band", value: (x) => band(x.c, 0.9), cell: (x) => share(band(x.c, 0.9)), num: true },
      ],
      rows: calRows,
    })}`;
}
