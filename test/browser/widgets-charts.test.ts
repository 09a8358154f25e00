// Issue 5, elements: the forward chart's date axis shows real dates inside the data's range (the
// earlier product showed 1970 dates), spot and every forward are labelled; the history chart shows
// provenance on hover; <exo-index> shows the level and a sparkline, or says it is not yet published.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TENORS, DAYS_PER_YEAR } from "../../oracle-core/quant";
import { TENOR_DAYS } from "../../widgets/tenor-dates";
import { launchChromium } from "../../harness/chromium";
import type { TestServer } from "../../harness/static-server";
import { ensureWidgetsBuilt } from "../../harness/widgets-build";
import {
  FIXTURE_VALUATION_DATE,
  historyOf,
  hostPage,
  keysDocument,
  signedSnapshot,
  startFeed,
  startHost,
  type FeedState,
} from "../../harness/widgets-fixture";
import { openPage, shadowText, shadowTexts, statesOf } from "../../harness/widgets-page";

let browser: Browser;
let feed: TestServer;
let host: TestServer;
const state: FeedState = { snapshot: null, keys: null };

beforeAll(async () => {
  await ensureWidgetsBuilt();
  browser = await launchChromium();
  state.keys = await keysDocument();
  state.snapshot = (await signedSnapshot()).envelope;
  state.indexHistory = [
    { date: "2026-03-01", level: 900 },
    { date: "2026-06-01", level: 851.5 },
    { date: "2026-09-01", level: 812.3 },
  ];
  feed = await startFeed(state);
  host = await startHost({ "/forward-chart.html": () => hostPage("forward-chart.html", feed.origin) });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await feed?.close();
  await host?.close();
});

const ticks = (page: Page, id: string) =>
  page
    .waitForFunction((id) => {
      const t = (document.getElementById(id) as unknown as { xTickLabels: string[] }).xTickLabels;
      return t.length > 0 ? t : false;
    }, id)
    .then((h) => h.jsonValue() as Promise<string[]>);

/** A tick label as the first instant it names ("2024-09" → 2024-09-01). */
const labelMs = (l: string) => Date.parse(`${l.length === 7 ? `${l}-01` : l}T00:00:00Z`);

/** Records every string drawn on a canvas (what uPlot actually paints: tick labels, point labels). */
const recordCanvasText = () => {
  const w = window as unknown as { __text: string[] };
  w.__text = [];
  const fillText = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (
    this: CanvasRenderingContext2D,
    text: string,
    x: number,
    y: number,
    max?: number,
  ) {
    w.__text.push(text);
    return max === undefined ? fillText.call(this, text, x, y) : fillText.call(this, text, x, y, max);
  };
};

describe("forward chart", () => {
  it("every date-axis tick label is a real date within the data's range — never 1970", async () => {
    const p = await openPage(browser, `${host.origin}/forward-chart.html`, { init: recordCanvasText });
    await statesOf(p.page, ["w"]);
    const labels = await ticks(p.page, "w");
    // What we recorded is what was painted.
    const painted = await p.page.evaluate(() => (window as unknown as { __text: string[] }).__text);
    for (const l of labels) expect(painted).toContain(l);
    // The spot and every forward are labelled on the chart itself.
    for (const l of ["spot", "1M", "3M", "6M", "12M"]) expect(painted).toContain(l);
    expect(painted.filter((t) => /^\d{4}-/.test(t)).every((t) => !t.startsWith("1970"))).toBe(true);
    // Range: GPT-4O launch (2024-05-13) to the 12M forward (valuation date + 365.25 days).
    const valuation = (await p.page.evaluate(
      () => document.getElementById("w")!.shadowRoot!.querySelectorAll("tbody tr")[2]!.firstElementChild!.textContent,
    ))!;
    expect(valuation).toBe(FIXTURE_VALUATION_DATE);
    const lo = Date.parse("2024-05-13T00:00:00Z");
    const hi = Date.parse(`${valuation}T00:00:00Z`) + 365.25 * 86_400_000;
    expect(labels.length).toBeGreaterThanOrEqual(4);
    for (const l of labels) {
      expect(l).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
      const ms = labelMs(l);
      expect(Number.isFinite(ms)).toBe(true);
      expect(new Date(ms).getUTCFullYear()).toBeGreaterThanOrEqual(2024);
      expect(ms).toBeGreaterThanOrEqual(lo);
      expect(ms).toBeLessThanOrEqual(hi);
    }
    // Ticks advance in time, and span more than one year of this 3½-year range.
    expect([...labels].sort()).toEqual(labels);
    expect(labelMs(labels.at(-1)!) - labelMs(labels[0]!)).toBeGreaterThan(365 * 86_400_000);
    await p.context.close();
  });

  it("spot and 1M/3M/6M/12M forwards are labelled, with the snapshot's values on tenor dates", async () => {
    const p = await openPage(browser, `${host.origin}/forward-chart.html`);
    await statesOf(p.page, ["w"]);
    await ticks(p.page, "w");
    const rows = await p.page.evaluate(() =>
      [...document.getElementById("w")!.shadowRoot!.querySelectorAll("tbody tr")].map((r) =>
        [...r.children].map((c) => c.textContent),
      ),
    );
    const v = rows[2]![0]!;
    // GPT-4o is superseded: its price moves at the superseded hazard λ = 0.002257/yr, so the forward (its expected
    // price) stays within a cent of $10 (12M: 10·exp(−λ·0.3663) = $9.99) and every band collapses onto the spot.
    expect(rows.slice(2).map((r) => [r[1], r[2]])).toEqual([
      ["spot", "$10.00"],
      ["1M forward", "$10.00"],
      ["3M forward", "$10.00"],
      ["6M forward", "$10.00"],
      ["12M forward", "$9.99"],
    ]);
    expect(rows[6]![3]).toBe(
      "verified snapshot · median $10.00 · 50% $10.00–$10.00 · 90% $10.00–$10.00 · P(change) 0.2%",
    );
    const day = (d: string) => Date.parse(`${d}T00:00:00Z`);
    // valuation + 30.44, 91.31, 182.63, 365.25 days, shown as the date they fall on.
    expect(rows.slice(3).map((r) => (day(r[0]!) - day(v)) / 86_400_000)).toEqual([30, 91, 182, 365]);
    expect(rows.slice(2).every((r) => r[3]!.startsWith("verified snapshot"))).toBe(true);
    const [launch] = historyOf("GPT-4O", "output");
    expect(rows[0]![3]).toBe(`launch · ${launch!.source} · historical:public-record (feed API, unsigned)`);
    await p.context.close();
  });

  it("draws the forward inside its 50% and 90% bands; the table gives the median, bands and P(change)", async () => {
    // A constant move hazard λ = 0.5/yr (whatever the model's age) with OpenAI's move sizes e^Y, Y ~ N(−0.7370,
    // 0.7494²): P(change by t) = 1 − e^(−λt) → 4.1, 11.8, 22.1, 39.3%; forward 10·exp(λt(e^(μ+s²/2) − 1)) =
    // 10·exp(−0.1831 t) → $9.85, $9.55, $9.12, $8.33. A move is unlikely, so the median stays at $10.
    const hazard = { young: 0.5, old: 0.5, superseded: 0.5, young_years: 0.5 };
    state.snapshot = (await signedSnapshot({ forecasts: { "GPT-4O": { hazard } } })).envelope;
    try {
      const p = await openPage(browser, `${host.origin}/forward-chart.html`);
      await statesOf(p.page, ["w"]);
      await ticks(p.page, "w");
      expect(await shadowText(p.page, "w", "[part=title]")).toBe(
        "GPT-4O · output $/M: spot and forwards with 50% and 90% bands",
      );
      const rows = await p.page.evaluate(() =>
        [...document.getElementById("w")!.shadowRoot!.querySelectorAll("tbody tr")].map((r) =>
          [...r.children].map((c) => c.textContent),
        ),
      );
      const fwd = rows.slice(-4);
      expect(fwd.map((r) => r[2])).toEqual(["$9.85", "$9.55", "$9.12", "$8.33"]);
      expect(fwd.map((r) => /P\(change\) ([\d.]+)%/.exec(r[3]!)![1])).toEqual(["4.1", "11.8", "22.1", "39.3"]);
      expect(fwd.every((r) => r[3]!.includes("median $10.00"))).toBe(true);
      // 12M: P(no move) = e^(−0.5) = 61%; a move is a rise with P(Y > 0) = 17.5%, so P(above $10) = 0.393·0.175 =
      // 6.9% and P(below) = 32.5%: the 75% quantile sits on the spot, the 95% one above it, the 25% and 5% below.
      const [q25, q75, q5, q95] = /50% \$([\d.]+)–\$([\d.]+) · 90% \$([\d.]+)–\$([\d.]+)/
        .exec(fwd[3]![3]!)!
        .slice(1)
        .map(Number) as [number, number, number, number];
      expect(q75).toBe(10);
      expect(q95).toBeGreaterThan(10);
      expect(q25).toBeLessThan(10);
      expect(q5).toBeLessThan(q25);
      await p.context.close();
    } finally {
      state.snapshot = (await signedSnapshot()).envelope;
    }
  });

  it("places tenors at the exact year fractions of MATH.md §0 (ACT/365.25)", () => {
    for (const [t, days] of Object.entries(TENOR_DAYS)) expect(days).toBe(TENORS[t]! * DAYS_PER_YEAR);
    expect(Object.keys(TENOR_DAYS)).toEqual(Object.keys(TENORS));
  });
});

describe("history chart", () => {
  it("a step chart whose hover readout gives each step's provenance", async () => {
    const p = await openPage(browser, `${host.origin}/forward-chart.html`);
    await statesOf(p.page, ["h"]);
    const labels = await ticks(p.page, "h");
    expect(labels.every((l) => new Date(labelMs(l)).getUTCFullYear() >= 2024)).toBe(true);
    // Hover just right of the price cut (2024-08-06): the readout names that step and where it comes from.
    const at = await p.page.evaluate(() => {
      const over = document.getElementById("h")!.shadowRoot!.querySelector(".u-over")!.getBoundingClientRect();
      return { x: over.x, y: over.y + over.height / 2, w: over.width };
    });
    // The data spans 2024-05-13 … valuation date; 2024-08-06 sits at (86 days / span) of the width.
    const span = (Date.parse(FIXTURE_VALUATION_DATE) - Date.parse("2024-05-13")) / 86_400_000;
    await p.page.mouse.move(at.x + (at.w * 86) / span + 1, at.y);
    await p.page.waitForFunction(() =>
      /^2024-08-06/.test(document.getElementById("h")!.shadowRoot!.querySelector("[part=readout]")!.textContent!),
    );
    const [launch, cut] = historyOf("GPT-4O", "output");
    expect([launch!.effective_at, launch!.value, cut!.effective_at, cut!.value, cut!.kind]).toEqual([
      "2024-05-13",
      15,
      "2024-08-06",
      10,
      "cut",
    ]);
    expect(await shadowText(p.page, "h", "[part=readout]")).toBe(
      `2024-08-06 · cut $10.00 · ${cut!.source} · historical:public-record (feed API, unsigned)`,
    );
    const rows = await shadowTexts(p.page, "h", "tbody tr");
    expect(rows[0]).toBe(`2024-05-13launch$15.00${launch!.source} · historical:public-record (feed API, unsigned)`);
    expect(rows.at(-1)).toMatch(/^\d{4}-\d{2}-\d{2}current\$10\.00verified snapshot$/);
    await p.context.close();
  });
});

describe("index", () => {
  it("shows the verified level, fixing date and constituents, with a sparkline of past levels", async () => {
    const p = await openPage(browser, `${host.origin}/forward-chart.html`);
    await statesOf(p.page, ["i"]);
    await p.page.waitForFunction(() => document.getElementById("i")!.shadowRoot!.querySelector("[part=sparkline]"));
    expect(await shadowText(p.page, "i", "[part=name]")).toBe("EICI");
    expect(await shadowText(p.page, "i", "[part=level]")).toBe("812.30");
    expect(await shadowText(p.page, "i", "[part=meta]")).toBe(`fixing ${FIXTURE_VALUATION_DATE} · 4 models`);
    const spark = await p.page.evaluate(() => {
      const s = document.getElementById("i")!.shadowRoot!.querySelector("[part=sparkline]")!;
      return [s.getAttribute("aria-label"), s.querySelector("polyline")!.getAttribute("points")];
    });
    // Highest level at the top (y 2), lowest at the bottom (y 30), the middle one in proportion.
    expect(spark).toEqual([
      "Level from 900.00 on 2026-03-01 to 812.30 on 2026-09-01",
      `0,2 50,${30 - ((851.5 - 812.3) / (900 - 812.3)) * 28} 100,30`,
    ]);
    await p.context.close();
  });

  it("until the index is published (index: null) it says so and shows no level", async () => {
    state.snapshot = (await signedSnapshot({ index: null })).envelope;
    try {
      const p = await openPage(browser, `${host.origin}/forward-chart.html`);
      expect(await statesOf(p.page, ["i"])).toMatchObject({ i: "verified" });
      expect(await shadowText(p.page, "i", "[part=status]")).toBe("The Exostream index (EICI) is not yet published.");
      expect(await shadowTexts(p.page, "i", "[part=level]")).toEqual([]);
      await p.context.close();
    } finally {
      state.snapshot = (await signedSnapshot()).envelope;
    }
  });
});
