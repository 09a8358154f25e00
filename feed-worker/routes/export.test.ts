import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { calcPrice, updatePrices, waitForUpdate } from "@pydantic/genai-prices";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { publishedHarness, feedHarness, type FeedHarness } from "../../harness/feed-harness";
import { parseGenaiPrices } from "../sources/source-genai-prices";
import { parseLitellm } from "../sources/source-litellm";
import type { SourceQuote } from "../sources/types";
import { classPrices } from "../../oracle-core/integrations";
import { litellmKeys } from "../../oracle-core/integrations";
import { meterTokens } from "../../oracle-core/integrations";
import { GENAI_PROVIDER, providerModelIds } from "../../oracle-core/integrations";
import type { MeteredTokens } from "../../oracle-core/integrations";
import type { GreekRow } from "../../oracle-core/schemas";
import type { RegistryEntry } from "../../oracle-core/schemas";
import type { SnapshotPayload } from "../../oracle-core/schemas";
import registry from "../../data/registry.json";

const T0 = new Date("2026-11-24T06:15:00Z");
const ROOT = resolve(import.meta.dirname, "../..");
const entries = new Map((registry.models as RegistryEntry[]).map((m) => [m.ticker, m]));
/** The adapters normalise to 12 significant digits (price-value.ts); an exact price survives that unchanged. */
const p12 = (x: number) => Number(x.toPrecision(12));

/**
 * A call exercising every class a row prices: cache reads, 5m and 1h writes where the row has write prices, reasoning.
 */
function callOn(row: GreekRow, n_in: number): MeteredTokens {
  const writes = row.prices.cache_write_5m !== null;
  const cache_read = Math.round(n_in * 0.4);
  const w5 = writes ? Math.round(n_in * 0.1) : 0;
  const w1 = writes && row.prices.cache_write_1h !== null ? Math.round(n_in * 0.05) : 0;
  return {
    format: "anthropic",
    response_model: null,
    n_in,
    n_out: 700,
    n_think: 300,
    cache_read,
    cache_write_5m: w5,
    cache_write_1h: w1,
    eta: cache_read / n_in,
    omega: (w5 + w1) / n_in,
    notes: [],
  };
}

/**
 * LiteLLM's generic per-token cost (litellm/litellm_core_utils/llm_cost_calc/utils.py generic_cost_per_token), text
 * tokens only.
 */
function litellmCost(e: Record<string, unknown>, t: MeteredTokens): number {
  const num = (k: string) => (typeof e[k] === "number" ? (e[k] as number) : undefined);
  // Tiered keys apply to the whole request when the prompt is above the threshold (`_above_<N>k_tokens`).
  const tiers = Object.keys(e)
    .map((k) => /^input_cost_per_token_above_(\d+)k_tokens$/.exec(k)?.[1])
    .filter(Boolean)
    .map(Number)
    .sort((a, b) => b - a);
  const sfx = tiers.map((k) => `_above_${k}k_tokens`).find((s, i) => t.n_in > tiers[i]! * 1000) ?? "";
  const rate = (k: string) => num(`${k}${sfx}`) ?? num(k)!;
  const cachedRead = rate("cache_read_input_token_cost") ?? rate("input_cost_per_token");
  const w1 =
    num(`cache_creation_input_token_cost_above_1hr${sfx}`) ??
    num("cache_creation_input_token_cost_above_1hr") ??
    rate("cache_creation_input_token_cost") ??
    rate("input_cost_per_token");
  const w5 = rate("cache_creation_input_token_cost") ?? rate("input_cost_per_token");
  const uncached = t.n_in - t.cache_read - t.cache_write_5m - t.cache_write_1h;
  const reasoning =
    num(`output_cost_per_reasoning_token${sfx}`) ??
    num("output_cost_per_reasoning_token") ??
    rate("output_cost_per_token");
  return (
    uncached * rate("input_cost_per_token") +
    t.cache_read * cachedRead +
    t.cache_write_5m * w5 +
    t.cache_write_1h * w1 +
    t.n_out * rate("output_cost_per_token") +
    t.n_think * reasoning
  );
}

describe("drop-in price tables: GET /v1/export/litellm.json and /v1/export/genai-prices.json", () => {
  let h: FeedHarness;
  let payload: SnapshotPayload;
  let active: GreekRow[];
  beforeAll(async () => {
    h = await publishedHarness(T0);
    const env = (await (await h.request("/v1/snapshot")).json()) as { payload: string };
    payload = JSON.parse(Buffer.from(env.payload, "base64").toString("utf8")) as SnapshotPayload;
    active = payload.models.filter((m) => m.lifecycle === "active");
  });
  afterAll(() => h?.dispose());

  describe("LiteLLM model_prices_and_context_window.json", () => {
    let text: string;
    let doc: Record<string, Record<string, unknown>>;
    beforeAll(async () => {
      const res = await h.request("/v1/export/litellm.json");
      expect(res.status).toBe(200);
      expect(res.headers.get("x-exostream-version")).toBe(String(payload.version));
      expect(res.headers.get("etag")).toMatch(/^"v\d+-/);
      text = await res.text();
      doc = JSON.parse(text) as typeof doc;
    });

    it("parses as LiteLLM's file: model → flat entry; every key one LiteLLM's own file uses; prices per token", () => {
      const upstream = JSON.parse(
        readFileSync(resolve(ROOT, "data/archives/litellm/model_prices_and_context_window.json"), "utf8"),
      ) as Record<string, Record<string, unknown>>;
      const known = new Set(Object.values(upstream).flatMap((e) => Object.keys(e)));
      const providers = new Set([
        ...Object.values(upstream).map((e) => String(e.litellm_provider)),
        "mistral",
        "meta_llama",
      ]);
      const perToken = z.number().gt(1e-10).lt(1e-3);
      const Entry = z.looseObject({
        litellm_provider: z.string().refine((p) => providers.has(p)),
        mode: z.literal("chat"),
        max_input_tokens: z.number().int().positive(),
        max_output_tokens: z.number().int().positive(),
        max_tokens: z.number().int().positive(),
        input_cost_per_token: perToken,
        output_cost_per_token: perToken,
      });
      for (const [id, e] of Object.entries(doc)) {
        expect(Entry.safeParse(e).success, id).toBe(true);
        for (const [k, v] of Object.entries(e)) {
          expect(known.has(k) || /_above_\d+k_tokens$/.test(k), `${id}.${k}`).toBe(true);
          if (/cost/.test(k))
            expect(perToken.safeParse(v).success, `${id}.${k} = ${String(v)} is not a per-token price`).toBe(true);
        }
      }
    });

    it("lists every active ticker under its LiteLLM ids (and provider/id routes), and no legacy one", () => {
      for (const row of active)
        for (const { key } of litellmKeys(row, entries.get(row.ticker)))
          expect(doc[key], `${row.ticker} as ${key}`).toBeDefined();
      expect(doc["gpt-4.1-2025-04-14"]).toMatchObject({
        litellm_provider: "openai",
        input_cost_per_token: 2e-6,
        output_cost_per_token: 8e-6,
        cache_read_input_token_cost: 5e-7,
      });
      expect(doc["gemini/gemini-2.5-pro"]).toMatchObject({
        litellm_provider: "gemini",
        input_cost_per_token_above_200k_tokens: 2.5e-6,
        output_cost_per_token_above_200k_tokens: 1.5e-5,
      });
      const legacy = payload.models.filter((m) => m.lifecycle === "legacy");
      expect(legacy.length).toBeGreaterThan(0);
      for (const row of legacy)
        for (const { key } of litellmKeys(row, entries.get(row.ticker)))
          if (!active.some((a) => litellmKeys(a, entries.get(a.ticker)).some((k) => k.key === key)))
            expect(doc[key]).toBeUndefined();
    });

    it("costs a call as LiteLLM computes it to the cost oracle-core meters (1e-12), every active ticker, below and above its tier", () => {
      for (const row of active) {
        const key = litellmKeys(row, entries.get(row.ticker))[0]!.key;
        for (const n_in of [20_000, ...row.tiers.map((t) => t.tau + 40_000)]) {
          const t = callOn(row, n_in);
          const ours = meterTokens(row, t).cost;
          expect(Math.abs(litellmCost(doc[key]!, t) - ours), `${row.ticker} n_in=${n_in}`).toBeLessThanOrEqual(
            1e-12 * ours,
          );
        }
      }
    });

    it("round trip through our LiteLLM adapter: identical prices for every class, tier and batch price", () => {
      const parsed = parseLitellm(text);
      expect(parsed.rejected).toEqual([]);
      const quotes = new Map<string, SourceQuote[]>();
      for (const q of parsed.quotes) quotes.set(q.model_id, [...(quotes.get(q.model_id) ?? []), q]);
      for (const row of active) {
        for (const { key } of litellmKeys(row, entries.get(row.ticker))) {
          const got = Object.fromEntries(
            (quotes.get(key) ?? []).map((q) => [`${q.field}${q.tier_above ? `@${q.tier_above}` : ""}`, q.usd_per_m]),
          );
          const p = classPrices(row);
          const want: Record<string, number> = { input: p.input, output: p.output };
          for (const f of ["cache_read", "cache_write_5m", "cache_write_1h", "thinking"] as const)
            if (p[f] !== null) want[f] = p[f]!;
          if (row.r_batch !== null)
            Object.assign(want, { batch_input: p.input * row.r_batch, batch_output: p.output * row.r_batch });
          for (const t of row.tiers) {
            want[`input@${t.tau}`] = p.input * t.alpha_in;
            want[`output@${t.tau}`] = p.output * t.alpha_out;
            for (const f of ["cache_read", "cache_write_5m", "cache_write_1h"] as const)
              if (p[f] !== null) want[`${f}@${t.tau}`] = p[f]! * t.alpha_in;
            if (p.thinking !== null) want[`thinking@${t.tau}`] = p.thinking * t.alpha_out;
          }
          expect(got, `${row.ticker} as ${key}`).toEqual(
            Object.fromEntries(Object.entries(want).map(([k, v]) => [k, p12(v)])),
          );
        }
      }
    });
  });

  describe("genai-prices v2 data format", () => {
    let text: string;
    beforeAll(async () => {
      const res = await h.request("/v1/export/genai-prices.json");
      expect(res.status).toBe(200);
      expect(res.headers.get("x-oracle-timestamp")).toBe(payload.issued_at);
      text = await res.text();
      // Loaded the way genai-prices loads its remote data.json: updatePrices → its own normalisation and checks.
      updatePrices(({ setProviderData }) => setProviderData(JSON.parse(text)));
      const loaded = await waitForUpdate();
      expect(loaded?.map((p) => p.id).sort()).toEqual([
        "anthropic",
        "deepseek",
        "google",
        "meta",
        "mistral",
        "openai",
        "x-ai",
      ]);
    });

    it("genai-prices' calcPrice, on our data, costs every active ticker's call to oracle-core's meter (1e-9), below and above its tier", () => {
      let checked = 0;
      for (const row of active) {
        const id = providerModelIds(entries.get(row.ticker)!)[0]!;
        for (const n_in of [20_000, ...row.tiers.map((t) => t.tau + 40_000)]) {
          const t = callOn(row, n_in);
          const usage = {
            input_tokens: t.n_in,
            cache_read_tokens: t.cache_read,
            cache_write_tokens: t.cache_write_5m + t.cache_write_1h,
            cache_write_1h_tokens: t.cache_write_1h,
            output_tokens: t.n_out + t.n_think,
            output_reasoning_tokens: t.n_think,
          };
          const r = calcPrice(usage, id, { providerId: GENAI_PROVIDER[row.provider]!, timestamp: T0 });
          expect(r, `${row.ticker} (${id})`).not.toBeNull();
          const ours = meterTokens(row, t).cost;
          expect(Math.abs(r!.total_price - ours), `${row.ticker} n_in=${n_in}`).toBeLessThanOrEqual(1e-9 * ours);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(active.length);
    });

    it("announced prices are start_date sets: on the day they apply genai-prices uses them", () => {
      const row = active.find((m) => m.scheduled.length > 0)!;
      const s = row.scheduled[0]!;
      const id = providerModelIds(entries.get(row.ticker)!)[0]!;
      const after = calcPrice({ input_tokens: 1e6, output_tokens: 1e6 }, id, {
        providerId: GENAI_PROVIDER[row.provider]!,
        timestamp: new Date(`${s.effective_date}T00:00:00Z`),
      })!;
      expect(after.total_price).toBeCloseTo(s.input + s.output, 12);
      const before = calcPrice({ input_tokens: 1e6, output_tokens: 1e6 }, id, {
        providerId: GENAI_PROVIDER[row.provider]!,
        timestamp: T0,
      })!;
      expect(before.total_price).toBeCloseTo(row.prices.input + row.prices.output, 12);
    });

    it("round trip through our genai-prices adapter: the current set has every row price exactly; announced sets keep their dates", () => {
      const parsed = parseGenaiPrices(text);
      expect(parsed.rejected).toEqual([]);
      for (const row of active) {
        const id = providerModelIds(entries.get(row.ticker)!)[0]!;
        const qs = parsed.quotes.filter(
          (q) => q.model_id === id && q.provider === GENAI_PROVIDER[row.provider] && q.effective_from === undefined,
        );
        const got = Object.fromEntries(
          qs.map((q) => [`${q.field}${q.tier_above ? `@${q.tier_above}` : ""}`, q.usd_per_m]),
        );
        const p = classPrices(row);
        const want: Record<string, number> = { input: p.input, output: p.output };
        if (p.cache_read !== null) want.cache_read = p.cache_read;
        if (p.cache_write_5m !== null) want.cache_write_5m = p.cache_write_5m;
        if (p.cache_write_5m !== null && p.cache_write_1h !== null) want.cache_write_1h = p.cache_write_1h;
        if (p.thinking !== null) want.thinking = p.thinking;
        for (const t of row.tiers)
          for (const [k, v] of Object.entries({ ...want }))
            if (!k.includes("@"))
              want[`${k}@${t.tau}`] = v * (k === "output" || k === "thinking" ? t.alpha_out : t.alpha_in);
        expect(got, row.ticker).toEqual(Object.fromEntries(Object.entries(want).map(([k, v]) => [k, p12(v)])));
        for (const s of row.scheduled) {
          const dated = parsed.quotes.filter((q) => q.model_id === id && q.effective_from === s.effective_date);
          expect(
            dated.find((q) => q.field === "output" && q.tier_above === undefined)?.usd_per_m,
            `${row.ticker} ${s.effective_date}`,
          ).toBe(p12(s.output));
        }
      }
    });
  });

  it("the published class prices are the row's in-force prices (input, output, cache read as listed; writes and thinking by ratio)", () => {
    for (const row of active) {
      const c = classPrices(row);
      expect([c.input, c.output]).toEqual([row.prices.input, row.beta]);
      if (row.prices.cache_read !== null) expect(c.cache_read).toBe(row.prices.cache_read);
    }
    // SONNET-5's announced $3/$15 took effect on 2026-09-01: its 5-minute write is 1.25 × $3, not the listed pre-change
    // $2.50.
    const s5 = active.find((m) => m.ticker === "SONNET-5")!;
    expect([s5.prices.input, s5.prices.cache_write_5m, classPrices(s5).cache_write_5m]).toEqual([3, 3.75, 3.75]);
  });

  it("both exports answer 304 to their ETag, and a wrong method is 405", async () => {
    for (const path of ["/v1/export/litellm.json", "/v1/export/genai-prices.json"]) {
      const etag = (await h.request(path)).headers.get("etag")!;
      expect((await h.request(path, { headers: { "if-none-match": etag } })).status).toBe(304);
      expect((await h.request(path, { method: "POST" })).status).toBe(405);
    }
  });
});
