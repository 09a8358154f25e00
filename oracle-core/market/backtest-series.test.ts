import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SHARED_DIR } from "../../harness/shared-path";
import { backtest } from "../quant/backtest";
import { fitTheta } from "../quant/theta";
import type { FamilyPoint } from "../registry/family-series";
import { backtestSeries } from "./backtest-series";
import { summaryByTenor } from "./backtest-summary";

interface Bt {
  input: { obs: { date: string; price: number; kind: string }[]; as_of: string };
  expected: { rows: { date: string; tenor: string; theta: number; predicted: number; actual: number; ape: number; successor_step: boolean }[]; summary: Record<string, unknown> };
}
const vectors = (JSON.parse(readFileSync(join(SHARED_DIR, "reference/quant/vectors.json"), "utf8")) as { vectors: ({ id: string } & Bt)[] }).vectors;
const close = (got: number, exp: number) => expect(Math.abs(got - exp)).toBeLessThanOrEqual(1e-15 + 1e-12 * Math.abs(exp));

describe("backtestSeries reproduces MATH.md §11 (bt-001 GPT-4, bt-002 Opus) with the global prior", () => {
  for (const id of ["bt-001", "bt-002"]) {
    it(`${id}: rows and summary equal the vector and quant backtest()`, () => {
      const v = vectors.find((x) => x.id === id)!;
      const points: FamilyPoint[] = v.input.obs.map((o) => ({ ...o, kind: o.kind as FamilyPoint["kind"], ticker: "X" }));
      const rows = backtestSeries({
        family: "f",
        points,
        thetaAt: (d) => fitTheta({ obs: v.input.obs.filter((o) => o.date <= d), as_of: d }).theta,
        eval_end: v.input.as_of,
      });
      expect(rows.length).toBe(v.expected.rows.length);
      const quant = backtest({ obs: v.input.obs, as_of: v.input.as_of });
      rows.forEach((r, k) => {
        const e = v.expected.rows[k]!;
        expect([r.date, r.tenor, r.successor_step]).toEqual([e.date, e.tenor, e.successor_step]);
        for (const f of ["theta", "predicted", "actual", "ape"] as const) close(r[f], e[f]);
        expect(r.predicted).toBe(quant.rows[k]!.predicted);
      });
      const mine = summaryByTenor(rows, ["1M", "3M", "6M", "12M"]);
      for (const [t, s] of Object.entries(mine)) {
        expect({ all: s.forward.all, ex_successor: s.forward.ex_successor, n_flagged: s.n_flagged }).toEqual(quant.summary[t]);
      }
    });
  }

  it("GPT-4 first pair by hand: 60·e^(−0.4/12) = 58.033 vs 60; the no-change forecast is exact", () => {
    const v = vectors.find((x) => x.id === "bt-001")!;
    const rows = backtestSeries({ family: "f", points: v.input.obs.map((o) => ({ ...o, kind: o.kind as FamilyPoint["kind"], ticker: "X" })), thetaAt: () => 0.4, eval_end: v.input.as_of });
    expect(rows[0]).toMatchObject({ date: "2023-03-14", tenor: "1M", spot: 60, actual: 60, ape_no_change: 0 });
    expect(rows[0]!.predicted).toBeCloseTo(60 * Math.exp(-0.4 / 12), 12);
    // 12M from launch: the Turbo successor (30) is in force; no change misses by 100%.
    expect(rows.find((r) => r.tenor === "12M")).toMatchObject({ actual: 30, ape_no_change: 1, successor_step: true });
  });
});

describe("announced prices come before decay", () => {
  // DeepSeek V3: 0.28 introductory price announced at launch (2024-12-26) to end on 2025-02-08 (1.10).
  const points: FamilyPoint[] = [
    { date: "2024-12-26", price: 0.28, kind: "launch", ticker: "V3" },
    { date: "2025-02-08", price: 1.1, kind: "change", ticker: "V3" },
  ];
  const rows = backtestSeries({
    family: "deepseek",
    points,
    thetaAt: () => 0.4,
    announcedAt: (d, t) => (t === "V3" && d < "2025-02-08" ? [{ effective_date: "2025-02-08", output: 1.1 }] : []),
    eval_end: "2025-12-31",
  });
  it("1M from launch is before the end of the promotion: plain decay from 0.28", () => {
    const r = rows.find((x) => x.date === "2024-12-26" && x.tenor === "1M")!;
    expect(r.scheduled).toBe(false);
    expect(r.predicted).toBeCloseTo(0.28 * Math.exp(-0.4 / 12), 12);
  });
  it("3M from launch: 1.10 from 2025-02-08 (44 days in), decayed only over the remaining 0.25 − 44/365.25 years", () => {
    const r = rows.find((x) => x.date === "2024-12-26" && x.tenor === "3M")!;
    expect(r.scheduled).toBe(true);
    expect(r.predicted).toBeCloseTo(1.1 * Math.exp(-0.4 * (0.25 - 44 / 365.25)), 12);
    expect(r.actual).toBe(1.1);
    expect(r.ape_no_change).toBeCloseTo(1 - 0.28 / 1.1, 12);
  });
});
