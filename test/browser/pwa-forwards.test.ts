// Issue 13: the PWA shows the lifecycle forwards — a model's expected price with its 50%/90% bands and P(change),
// θ/σ labelled descriptive, the tier forecast apart, the lifecycle Monte Carlo, the index's signed forward — and the
// Methodology page's backtest table, PIT histogram and reliability diagram.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VALUATION_DATE } from "../../harness/pwa-fixture";
import { goTo, openApp, waitForController, type PwaHarness } from "../../harness/pwa-harness";
import history from "../../data/history.json";
import registry from "../../data/registry.json";
import { backtestFamilies } from "../../oracle-core/market";
import type { HistoryFile } from "../../oracle-core/schemas";
import { announcedPath } from "../../oracle-core/forecast";
import { forwardPointAt } from "../../oracle-core/greeks";

const H = history as unknown as HistoryFile;

const cells = (h: PwaHarness, id: string) =>
  h.page.evaluate(
    (id) =>
      [...document.querySelectorAll(`[data-testid="table-${id}"] tbody tr`)].map((r) =>
        [...r.children].map((c) => c.textContent!.trim()),
      ),
    id,
  );
const headers = (h: PwaHarness, id: string) =>
  h.page.evaluate(
    (id) => [...document.querySelectorAll(`[data-testid="table-${id}"] thead th`)].map((c) => c.textContent!.trim()),
    id,
  );
// As the page formats (Intl, en-US: half away from zero on the decimal value, unlike toFixed on the binary one).
const fix = (x: number, d: number) =>
  new Intl.NumberFormat("en-US", { minimumFractionDigits: d, maximumFractionDigits: d }).format(x);
const pct1 = (x: number) => `${fix(x * 100, 1)}%`;
const usd = (x: number) => `$${fix(x, 2)}/M`;

describe("PWA forwards", () => {
  let h: PwaHarness;
  beforeAll(async () => {
    h = await openApp();
  });
  afterAll(async () => h?.close());

  it("the model page shows a superseded model's forward on its spot: P(change) = 1 − e^(−λt), θ descriptive", async () => {
    await goTo(h.page, "#/model/GPT-4.1");
    await h.page.locator('[data-testid="table-forward"]').waitFor();
    expect(await headers(h, "forward")).toEqual([
      "Date",
      "Years ahead",
      "Forward (expected, USD/M)",
      "Median",
      "5%",
      "25%",
      "75%",
      "95%",
      "P(change)",
    ]);
    const row = h.payload.models.find((m) => m.ticker === "GPT-4.1")!;
    expect(row.forecast!.superseded).toBe(true);
    const rows = await cells(h, "forward");
    expect(rows).toHaveLength(13); // spot and months 1–12
    // GPT-5 launched after it: moves arrive at the superseded hazard λ only, so P(change in 12M) = 1 − e^(−λ).
    expect(rows[12]![8]).toBe(pct1(1 - Math.exp(-row.forecast!.hazard.superseded)));
    // A move that unlikely leaves every quantile on the $8 spot.
    expect(rows[12]!.slice(3, 8)).toEqual(Array(5).fill("$8.00/M"));
    expect(await h.page.textContent('[data-testid="theta-note"]')).toContain("do not drive the forward");
    const greeks = await cells(h, "greeks");
    expect(greeks.find((r) => r[1] === "θ")![0]).toContain("descriptive family statistic, not the forward");
    expect(await h.page.locator('[data-testid="table-tier"]').count()).toBe(0); // not its family's newest
  });

  it("a young family head has a band and a tier forecast; the numbers are oracle-core's", async () => {
    await goTo(h.page, "#/model/SONNET-5");
    await h.page.locator('[data-testid="table-tier"]').waitFor();
    const row = h.payload.models.find((m) => m.ticker === "SONNET-5")!;
    const p12 = forwardPointAt(row, VALUATION_DATE, 1, "ticker")!;
    const last = (await cells(h, "forward"))[12]!;
    expect(last.slice(2)).toEqual(
      [p12.mean, p12.median, p12.q5, p12.q25, p12.q75, p12.q95].map(usd).concat(pct1(p12.p_change)),
    );
    // Young (launched 2026-06-30) and its family's newest: its introductory $10 ends on 2026-09-01 ($15 announced),
    // so P(change) is 1 at every tenor; beyond that step the 5% quantile is a cut, and "no further move" from the
    // announced path is the median.
    const announced = announcedPath(row, VALUATION_DATE, 1);
    expect([row.beta, announced]).toEqual([10, 15]);
    expect(p12.p_change).toBe(1);
    expect(p12.q5).toBeLessThan(announced);
    expect(p12.median).toBe(announced);
    const tier = await cells(h, "tier");
    expect(tier.map((r) => r[0])).toEqual(["1M", "3M", "6M", "12M"]);
    const t12 = forwardPointAt(row, VALUATION_DATE, 1, "tier")!;
    expect(tier[3]![6]).toBe(pct1(t12.p_change));
    // Successor launches move the tier as well as the SKU's own repricings: a wider band than the ticker's.
    expect(t12.q95 - t12.q5).toBeGreaterThan(p12.q95 - p12.q5);
    const caption = await h.page.locator("exo-chart figcaption").first().textContent();
    expect(caption).toBe("Forward curve of SONNET-5 (expected output price, next 12 months, with 50% and 90% bands)");
  });

  it("the Monte Carlo simulates the lifecycle law, with P(change) per tenor", async () => {
    await goTo(h.page, "#/monte-carlo");
    await h.page.fill("#mc-paths", "2000");
    await h.page.getByRole("button", { name: "Run simulation" }).click();
    await h.page.locator('[data-testid="table-mc-stats"]').waitFor();
    expect(await headers(h, "mc-stats")).toContain("P(change)");
    const rows = await cells(h, "mc-stats");
    // GPT-4.1 (superseded): P(change in 12M) ≈ 0.4%, so of 2,000 paths a handful move; the median stays at spot.
    const p = rows.map((r) => Number(r[4]!.replace("%", "")));
    expect(p[3]).toBeLessThan(2);
    expect(rows[3]![7]).toBe("$8.00/M");
  });

  it("the index page shows the signed lifecycle forward", async () => {
    await goTo(h.page, "#/index");
    await h.page.locator('[data-testid="table-index-forward"]').waitFor();
    const f = h.payload.index!.forwards_usd_per_m!;
    const rows = await cells(h, "index-forward");
    expect(rows.map((r) => r[2])).toEqual(["1M", "3M", "6M", "12M"].map((t) => usd(f[t as "1M"])));
    expect(await h.page.textContent('[data-testid="table-index-forward"] caption')).toBe(
      "Index forward (members' lifecycle forwards, signed in the snapshot)",
    );
  });
});

describe("PWA methodology: the backtest and its calibration plots", () => {
  let h: PwaHarness;
  beforeAll(async () => {
    h = await openApp();
  });
  afterAll(async () => h?.close());

  it("computes the backtest on the device: the table equals oracle-core's runner, with three uPlot charts", async () => {
    await goTo(h.page, "#/methodology");
    await h.page.locator('[data-testid="table-backtest"]').waitFor({ timeout: 60_000 });
    const rows = await cells(h, "backtest");
    expect(rows.map((r) => `${r[0]} ${r[1]}`)).toEqual(
      ["Model's own price (ticker)", "Family's newest model (tier)"].flatMap((t) =>
        ["1M", "3M", "6M", "12M"].map((x) => `${t} ${x}`),
      ),
    );
    // The same runner as GET /v1/backtest and the README, on the bundled history to the registry's as-of date.
    const mine = backtestFamilies({ history: H, families: H.families, eval_end: registry.as_of });
    const t6 = mine.by_tenor.ticker["6M"]!;
    const row6 = rows[2]!;
    expect(row6[2]).toBe(String(t6.pairs));
    expect(row6[3]).toBe(`${t6.moved} / ${t6.events}`);
    expect(row6[7]).toBe(`${fix(t6.coverage90.value! * 100, 1)}%`);
    // The ticker goal: its 90% bands cover 85–95% of outcomes at 6M.
    expect(t6.coverage90.value!).toBeGreaterThan(0.85);
    expect(t6.coverage90.value!).toBeLessThan(0.95);
    const charts = h.page.locator("page-methodology exo-chart");
    expect(await charts.count()).toBe(3);
    await charts.nth(2).locator("canvas").waitFor();
    expect(await charts.nth(2).locator("figcaption").textContent()).toBe(
      "Reliability diagram: nominal vs observed band coverage",
    );
    // The calibration table: the PIT deciles of each target and tenor sum to 1, and the 90% column is the table's.
    const cal = await cells(h, "calibration");
    expect(cal).toHaveLength(8);
    const deciles = cal[2]![2]!.split(" ").map(Number);
    expect(deciles).toHaveLength(10);
    expect(deciles.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 2);
    expect(cal[2]![4]).toBe(row6[7]);
  });

  it("works offline: the bundled history is precached", async () => {
    await waitForController(h.page);
    await h.context.setOffline(true);
    await h.page.reload();
    await goTo(h.page, "#/methodology");
    await h.page.locator('[data-testid="table-backtest"]').waitFor({ timeout: 60_000 });
    expect((await cells(h, "backtest")).length).toBe(8);
    await h.context.setOffline(false);
  });
});
