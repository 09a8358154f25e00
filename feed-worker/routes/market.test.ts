import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { feedHarness, type FeedHarness } from "../../harness/feed-harness";
import history from "../../data/history.json";
import registry from "../../data/registry.json";
import { tickerForward } from "../../oracle-core/forecast";
import { backtestFamilies } from "../../oracle-core/market";
import { indexSeries } from "../../oracle-core/market";
import { monteCarloFor } from "../../oracle-core/market";
import { priceSwap, tickerUnderlying } from "../../oracle-core/market";
import type { GreekRow } from "../../oracle-core/schemas";
import type { HistoryFile } from "../../oracle-core/schemas";
import type { IndexBlock } from "../../oracle-core/schemas";

const T0 = new Date("2026-11-24T06:15:00Z");
const H = history as unknown as HistoryFile;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe("market endpoints on the published snapshot", () => {
  let h: FeedHarness;
  let row: GreekRow;
  const get = async (path: string, init?: RequestInit) => {
    const r = await h.request(path, init);
    return { status: r.status, headers: r.headers, text: await r.text() };
  };
  const json = async (path: string, init?: RequestInit) => {
    const r = await get(path, init);
    return { ...r, body: JSON.parse(r.text) as Json };
  };
  const post = (path: string, body: unknown) =>
    json(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

  beforeAll(async () => {
    h = await feedHarness();
    await h.run({ now: T0 });
    row = (await json("/v1/models/GPT-4.1")).body.data as GreekRow;
  });
  afterAll(() => h.dispose());

  describe("GET /v1/index and /v1/index/history", () => {
    it("serves the snapshot's index block with the stamp; its last fixing is today's and equals the recomputed series", async () => {
      const r = await json("/v1/index");
      expect(r.status).toBe(200);
      expect(r.body.snapshot_version).toBe(1);
      const b = r.body.data as IndexBlock;
      expect(b).toMatchObject({
        name: "EICI",
        base_date: "2025-10-01",
        base_value: 1000,
        fixing_date: "2026-11-24",
        rebalance_date: "2026-11-01",
        index_breaker: false,
      });
      // The history's 2026-08-17 DeepSeek V4 Flash event (0.66, snapshot-only) gives way to the published 0.28 from
      // the registry's as-of date, 2026-08-21 (the registry follows the archives there).
      const correction = {
        ticker: "DEEPSEEK-V4-FLASH",
        family: "deepseek-chat",
        field: "output" as const,
        value: 0.28,
        effective_at: "2026-08-21",
        kind: "change" as const,
      };
      const series = indexSeries({
        observations: [...H.observations, correction],
        universe: registry.models.map((m) => ({ ticker: m.ticker, provider: m.provider, usage: m.index_weight_proxy })),
        valuation_date: "2026-11-24",
      });
      expect(b.level).toBe(series.last.level);
      expect(b.constituents.length).toBe(68); // GPT-4 left when every dated snapshot was deprecated upstream
      // Members are priced at the feed's published β.
      const models = (await json("/v1/greeks")).body.data as GreekRow[];
      for (const c of b.constituents) expect(c.price).toBe(models.find((m) => m.ticker === c.ticker)!.beta);
      const etag = r.headers.get("etag")!;
      expect((await get("/v1/index", { headers: { "If-None-Match": etag } })).status).toBe(304);
    });

    it("publishes the index forward from its members' lifecycle forwards (not θ), on the swap grid", async () => {
      const b = (await json("/v1/index")).body.data as IndexBlock;
      const models = (await json("/v1/greeks")).body.data as GreekRow[];
      const rows = new Map(models.map((m) => [m.ticker, m]));
      const usd = b.level_usd_per_m / b.level; // USD/M per index point
      // I_fwd(τ) = Σ c_i·F_i(τ)/β_i with c_i each member's contribution in USD/M (docs/METHODOLOGY.md, Forward).
      const fwd = (tau: number) =>
        b.constituents.reduce((s, c) => {
          const m = rows.get(c.ticker)!;
          return s + c.contribution * usd * (m.beta > 0 ? tickerForward(m, "2026-11-24", tau) / m.beta : 1);
        }, 0);
      expect(b.forward_grid_usd_per_m).toHaveLength(21);
      expect(b.forwards_usd_per_m!["3M"]).toBeCloseTo(fwd(0.25), 4);
      expect(b.forwards_usd_per_m!["12M"]).toBeCloseTo(fwd(1), 4);
      expect(b.forward_grid_usd_per_m![20]).toBeCloseTo(fwd(10), 3);
      // Most members are superseded or past their young months: the 12M index forward stays within 10% of spot,
      // where θ decay (MATH.md §8.7) would take it far lower.
      const theta12 = b.constituents.reduce(
        (s, c) => s + c.contribution * usd * Math.exp(-rows.get(c.ticker)!.theta),
        0,
      );
      expect(b.forwards_usd_per_m!["12M"] / b.level_usd_per_m).toBeGreaterThan(0.9);
      expect(Math.abs(b.forwards_usd_per_m!["12M"] - theta12)).toBeGreaterThan(0.01 * b.level_usd_per_m);
    });

    it("serves the daily series from 1000 at the base to the block's level today, JSON and CSV, with from/to", async () => {
      const r = await json("/v1/index/history");
      const s = r.body.data.series as { date: string; level: number; index_breaker: boolean }[];
      expect(s[0]).toMatchObject({ date: "2025-10-01", level: 1000 });
      expect(s.at(-1)!.level).toBe((await json("/v1/index")).body.data.level);
      expect(s.filter((p) => p.index_breaker).map((p) => p.date)).toEqual([]); // none since the 2025-10-01 base
      const part = await json("/v1/index/history?from=2026-01-01&to=2026-01-31");
      expect(part.body.data.series.length).toBe(31);
      const csv = await get("/v1/index/history?from=2026-01-01&to=2026-01-31", { headers: { Accept: "text/csv" } });
      expect(csv.headers.get("content-type")).toContain("text/csv");
      const lines = csv.text.trim().split("\r\n");
      expect(lines[0]).toBe("date,level,level_usd_per_m,divisor,rebalanced,index_breaker,members,stale,entries,exits");
      expect(lines.length).toBe(32);
      expect(Number(lines[1]!.split(",")[1])).toBe(part.body.data.series[0].level);
      expect((await get("/v1/index/history?format=csv")).headers.get("content-type")).toContain("text/csv");
      // The body varies on Accept, so the response says so (JSON and CSV alike).
      expect(csv.headers.get("vary")).toMatch(/Accept/);
      expect((await get("/v1/index/history")).headers.get("vary")).toMatch(/Accept/);
      const bad = await json("/v1/index/history?from=2026-13-01");
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe("E_BAD_DATE");
    });
  });

  describe("POST /v1/swap", () => {
    it("returns exactly oracle-core's priceSwap for the same inputs (GPT-4.1, 3M, K = 7.5, 1e9 tokens)", async () => {
      const req = { underlying: "GPT-4.1", term_months: 3, notional: { kind: "tokens", amount: 1e9 }, K: 7.5 };
      const r = await post("/v1/swap", req);
      expect(r.status).toBe(200);
      expect(r.body.data).toEqual(priceSwap(req, tickerUnderlying(row), "2026-11-24"));
      // NPV = N·1e−6·A·(K* − K)
      expect(r.body.data.fair_rates.end).toBeCloseTo(7.5 + r.body.data.npv / (1e3 * r.body.data.annuity), 9);
      expect(r.body.oracle_timestamp).toBe(T0.toISOString());
    });

    it("prices the index (EICI in USD/M) and a receiver with a USD budget, with mark-to-market", async () => {
      const idx = await post("/v1/swap", {
        underlying: "index",
        term_months: 6,
        fixing: "average",
        notional: { kind: "usd", amount: 50_000 },
        side: "fixed_receiver",
        elapsed_months: 1,
        K: 30,
      });
      expect(idx.status).toBe(200);
      expect(idx.body.data.underlying).toMatchObject({ kind: "index", name: "EICI", terms: 68 });
      expect(idx.body.data.underlying.spot).toBe((await json("/v1/index")).body.data.level_usd_per_m);
      expect(idx.body.data.schedule.map((f: { m: number }) => f.m)).toEqual([2, 3, 4, 5, 6]);
      expect(idx.body.data.npv).toBe(-idx.body.data.npv_fixed_payer);
    });

    it("rejects bad input with MATH.md §13 codes, unknown tickers with suggestions, and wrong methods", async () => {
      const base = { underlying: "GPT-4.1", term_months: 3, notional: { kind: "tokens", amount: 1e6 } };
      const cases: [unknown, number, string][] = [
        [{ ...base, term_months: 0 }, 400, "E_SWAP_TERM"],
        [{ ...base, fixing: "weekly" }, 400, "E_BAD_FIXING"],
        [{ ...base, notional: { kind: "eur", amount: 1 } }, 400, "E_BAD_NOTIONAL"],
        [{ ...base, side: "long" }, 400, "E_SWAP_SIDE"],
        [{ ...base, K: "7.5" }, 400, "E_NOT_FINITE"],
        [{ ...base, extra: 1 }, 400, "E_UNKNOWN_FIELD"],
        [{ term_months: 3, notional: base.notional }, 400, "E_MISSING_FIELD"],
        [{ ...base, underlying: "GPT-4.01" }, 404, "E_UNKNOWN_TICKER"],
      ];
      for (const [body, status, c] of cases) {
        const r = await post("/v1/swap", body);
        expect([r.status, r.body.error.code]).toEqual([status, c]);
      }
      const big = await h.request("/v1/swap", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ...base, pad: "x".repeat(17_000) }),
      });
      expect(big.status).toBe(413);
      const wrong = await h.request("/v1/swap");
      expect(wrong.status).toBe(405);
      expect(wrong.headers.get("allow")).toContain("POST");
    });
  });

  describe("GET /v1/monte-carlo/:ticker", () => {
    it("is deterministic for a seed and equal to oracle-core's monteCarloFor", async () => {
      const a = await json("/v1/monte-carlo/gpt-4.1?paths=2000&seed=7");
      const b = await json("/v1/monte-carlo/GPT-4.1?paths=2000&seed=7");
      expect(a.status).toBe(200);
      expect(a.body.data).toEqual(b.body.data);
      expect(a.body.data).toEqual(JSON.parse(JSON.stringify(monteCarloFor(row, { paths: 2000, seed: 7 }))));
      expect(Object.keys(a.body.data.tenors)).toEqual(["1M", "3M", "6M", "12M"]);
      expect(
        (
          await get("/v1/monte-carlo/GPT-4.1?paths=2000&seed=7", {
            headers: { "If-None-Match": a.headers.get("etag")! },
          })
        ).status,
      ).toBe(304);
    });

    it('If-None-Match must equal the ETag: x"v1-…" or a longer list item is a full 200, not an empty one', async () => {
      const a = await get("/v1/monte-carlo/GPT-4.1?paths=1000&seed=3");
      const etag = a.headers.get("etag")!;
      for (const inm of [`x${etag}`, `${etag}x`, `"${etag.slice(1, -1)}-extra"`]) {
        const r = await get("/v1/monte-carlo/GPT-4.1?paths=1000&seed=3", { headers: { "If-None-Match": inm } });
        expect([r.status, r.text.length > 100], inm).toEqual([200, true]);
      }
      const weak = await get("/v1/monte-carlo/GPT-4.1?paths=1000&seed=3", {
        headers: { "If-None-Match": `"zz", W/${etag}` },
      });
      expect([weak.status, weak.text]).toEqual([304, ""]);
    });

    it.each(["0", "1e9", "abc", "50001"])(
      "rejects paths=%s with 400 E_BAD_MC_PARAM and the allowed range",
      async (paths) => {
        const r = await json(`/v1/monte-carlo/GPT-4.1?paths=${paths}`);
        expect(r.status).toBe(400);
        expect(r.body.error).toMatchObject({ code: "E_BAD_MC_PARAM", field: "paths" });
        expect(r.body.error.message).toContain("from 100 to 50000");
      },
    );

    it("404s an unknown ticker with suggestions", async () => {
      const r = await json("/v1/monte-carlo/GPT-41");
      expect(r.status).toBe(404);
      expect(r.body.error.suggestions).toContain("GPT-4.1");
    });
  });

  describe("GET /v1/backtest", () => {
    it("serves the runner's numbers on the bundled history up to data_as_of, with every prediction", async () => {
      const r = await json("/v1/backtest");
      expect(r.status).toBe(200);
      const mine = backtestFamilies({ history: H, families: H.families, eval_end: "2026-08-21" });
      expect(r.body.data.eval_end).toBe("2026-08-21");
      expect(r.body.data.summary.by_tenor).toEqual(mine.by_tenor);
      expect(r.body.data.summary.by_family).toEqual(mine.by_family);
      expect(r.body.data.predictions).toEqual(mine.predictions);
      // The scored backtest: ticker and tier targets apart, each with the bands' scores and the counts.
      expect(Object.keys(r.body.data.method)).toEqual(
        expect.arrayContaining(["targets", "forward", "bands", "intervals"]),
      );
      const t6 = r.body.data.summary.by_tenor.ticker["6M"];
      expect(Object.keys(t6)).toEqual(
        expect.arrayContaining(["bias_pct", "se_skill", "crps_skill", "coverage90", "coverage50", "moved", "events"]),
      );
      expect(t6.moved).toBeLessThan(t6.pairs / 2); // most ticker prices never move within 6 months
      expect(t6.coverage90.ci).toHaveLength(2);
      expect(r.body.data.summary.by_tenor.tier["6M"].pairs).toBeGreaterThan(0);
    });

    it("filters by family, and 404s an unknown family with suggestions", async () => {
      const r = await json("/v1/backtest?family=openai-flagship");
      expect(new Set(r.body.data.predictions.map((p: { family: string }) => p.family))).toEqual(
        new Set(["openai-flagship"]),
      );
      const bad = await json("/v1/backtest?family=openai-flagshp");
      expect(bad.status).toBe(404);
      expect(bad.body.error.suggestions).toContain("openai-flagship");
    });
  });

  it("lists the market paths in the OpenAPI document", async () => {
    const doc = (await json("/v1/openapi.json")).body as { paths: Record<string, unknown> };
    for (const p of ["/v1/index", "/v1/index/history", "/v1/swap", "/v1/monte-carlo/{ticker}", "/v1/backtest"])
      expect(doc.paths[p]).toBeDefined();
  });
});
