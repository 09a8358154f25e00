import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tickerForward } from "../../oracle-core/forecast";
import { get_encoding } from "tiktoken";
import { publishedHarness, feedHarness, type FeedHarness } from "../../harness/feed-harness";
import { priceTask, type PricedTask } from "../../oracle-core/greeks";
import type { CompareRowsResult } from "../../oracle-core/greeks";
import type { SnapshotPayload } from "../../oracle-core/schemas";
import type { GreekRow } from "../../oracle-core/schemas";
import registry from "../../data/registry.json";
import { ESTIMATE_BAND } from "../../oracle-core/tokens";
import { reference } from "../../test/tokens/references";

const T0 = new Date("2026-11-24T06:15:00Z");

/** |a − b| ≤ tol·|b| (exact when b = 0). */
function expectRel(a: number, b: number, tol = 1e-12): void {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.abs(b));
}

type PriceBody = {
  data: PricedTask & {
    n_in: number;
    tokens: null | { n_in: number; exact: boolean; encoding: string; band: [number, number] };
    quote_status: string;
  };
  oracle_timestamp: string;
  snapshot_version: number;
};
type ErrorBody = { error: { code: string; message: string; field?: string } };

describe("POST /v1/price and /v1/compare on the published v1 snapshot", () => {
  let h: FeedHarness;
  let payload: SnapshotPayload;
  const row = (t: string): GreekRow => payload.models.find((m) => m.ticker === t)!;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    h.request(path, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  const price = async (body: unknown) => {
    const res = await post("/v1/price", body);
    return { status: res.status, json: (await res.json()) as PriceBody & ErrorBody };
  };

  beforeAll(async () => {
    h = await publishedHarness(T0);
    const env = (await (await h.request("/v1/snapshot")).json()) as { payload: string };
    payload = JSON.parse(Buffer.from(env.payload, "base64").toString("utf8")) as SnapshotPayload;
  });
  afterAll(() => h.dispose());

  it("the registry holds Sonnet 4 at $3 in / $15 out / $0.30 cache read (MATH.md §2.4's example model)", () => {
    const s4 = registry.models.find((m) => m.ticker === "SONNET-4")!;
    expect([s4.prices.input.usd_per_m, s4.prices.output.usd_per_m, s4.prices.cache_read?.usd_per_m]).toEqual([
      3, 15, 0.3,
    ]);
    expect(row("SONNET-4")).toMatchObject({ beta: 15, r_in: 0.2, r_cache: 0.02 });
  });

  it("MATH.md worked example: SONNET-4, n_in 30000, n_out 800, η 0.6 → S 0.0534, κ 4.45, savings 47.647…%", async () => {
    const task = { n_in: 30000, n_out: 800, eta: 0.6 };
    const { status, json } = await price({ model: "SONNET-4", ...task });
    expect(status).toBe(200);
    const spot = json.data.spot!;
    // By hand: r_eff = 0.2·0.4 + 0.02·0.6 = 0.092; S = 15·(800 + 30000·0.092)·1e−6 = 0.0534.
    expect(spot.cost).toBeCloseTo(0.0534, 12);
    expect(spot.r_eff).toBeCloseTo(0.092, 12);
    expect(spot.kappa).toBeCloseTo(4.45, 12);
    expect(spot.cost_without_cache).toBeCloseTo(0.102, 12);
    expect(spot.savings_pct).toBeCloseTo((100 * 0.0486) / 0.102, 9); // 47.6470588…
    const direct = priceTask(row("SONNET-4"), task, payload.valuation_date).spot!;
    for (const k of ["cost", "kappa", "savings", "savings_pct", "effective_output_price"] as const)
      expectRel(spot[k]!, direct[k]!);
    expect(json.data).toMatchObject({
      model: "SONNET-4",
      mode: "sync",
      n_in: 30000,
      tokens: null,
      range: null,
      quote_status: row("SONNET-4").status,
    });
    expect(json.oracle_timestamp).toBe(payload.issued_at);
    expect(json.snapshot_version).toBe(1);
  });

  it("without n_out returns the range: at 100/500/1000/4000, min = S(1), max = S(max_tokens), κ at both ends", async () => {
    const { status, json } = await price({ model: "sonnet-4", n_in: 30000, eta: 0.6 });
    expect(status).toBe(200);
    const r = json.data.range!;
    expect(json.data.spot).toBeNull();
    // S(n) = 15e−6·(n + 2760); max_tokens defaults to the row's max output (64000).
    const S = (n: number) => 15e-6 * (n + 2760);
    expect(r.max_tokens).toBe(row("SONNET-4").max_output);
    expect(r.max_tokens).toBe(64000);
    expect(Object.keys(r.at).sort()).toEqual(["100", "1000", "4000", "500"]);
    for (const n of [100, 500, 1000, 4000]) expect(r.at[String(n)]).toBeCloseTo(S(n), 12);
    expect(r.min).toBeCloseTo(S(1), 12);
    expect(r.max).toBeCloseTo(S(64000), 12);
    expect(r.kappa_at_min).toBeCloseTo(2761, 9); // (1 + 2760)/1
    expect(r.kappa_at_max).toBeCloseTo(66760 / 64000, 12);
    const direct = priceTask(row("SONNET-4"), { n_in: 30000, eta: 0.6 }, payload.valuation_date).range!;
    expectRel(r.min, direct.min);
    expectRel(r.max, direct.max);
    expect(r.exceeds_max_tokens).toEqual([]);
  });

  it("max_tokens below a cost point lists it in exceeds_max_tokens", async () => {
    const { json } = await price({ model: "GPT-4.1", n_in: 1000, max_tokens: 800 });
    expect(json.data.range!.exceeds_max_tokens).toEqual([1000, 4000]);
    expect(json.data.range!.max).toBeCloseTo(8e-6 * (800 + 1000 * 0.25), 12);
  });

  it("mode batch halves the cost on a row with r_batch 0.5", async () => {
    expect(row("SONNET-4").r_batch).toBe(0.5);
    const sync = (await price({ model: "SONNET-4", n_in: 30000, n_out: 800, eta: 0.6 })).json.data.spot!;
    const batch = (await price({ model: "SONNET-4", n_in: 30000, n_out: 800, eta: 0.6, mode: "batch" })).json.data
      .spot!;
    expect(batch.cost).toBeCloseTo(0.0267, 12);
    expectRel(batch.cost, sync.cost / 2);
  });

  it("batch on a DeepSeek row without a batch API (r_batch null) → 400 E_BAD_MODE", async () => {
    expect(row("DEEPSEEK-V3").r_batch).toBeNull();
    const { status, json } = await price({ model: "DEEPSEEK-V3", n_in: 100, n_out: 10, mode: "batch" });
    expect(status).toBe(400);
    expect(json.error).toMatchObject({ code: "E_BAD_MODE", field: "mode" });
  });

  it("eta 1.5 → 400 with exactly {error:{code:E_ETA_RANGE, message, field:eta}}", async () => {
    const { status, json } = await price({ model: "GPT-4.1", n_in: 100, n_out: 10, eta: 1.5 });
    expect(status).toBe(400);
    expect(Object.keys(json)).toEqual(["error"]);
    expect(Object.keys(json.error).sort()).toEqual(["code", "field", "message"]);
    expect(json.error.code).toBe("E_ETA_RANGE");
    expect(json.error.field).toBe("eta");
    expect(json.error.message).toMatch(/eta/);
  });

  it.each([
    ["negative n_in", { model: "GPT-4.1", n_in: -1, n_out: 10 }, "E_NEG_TOKENS", "n_in"],
    ["n_in as a string", { model: "GPT-4.1", n_in: "abc", n_out: 10 }, "E_NOT_FINITE", "n_in"],
    ["n_out null", { model: "GPT-4.1", n_in: 1, n_out: null }, "E_NOT_FINITE", "n_out"],
    ["an unknown field", { model: "GPT-4.1", n_in: 1, n_out: 1, temperature: 0.2 }, "E_UNKNOWN_FIELD", "temperature"],
    ["a missing model", { n_in: 1, n_out: 1 }, "E_MISSING_FIELD", "model"],
    ["an unknown mode", { model: "GPT-4.1", n_in: 1, n_out: 1, mode: "turbo" }, "E_BAD_MODE", "mode"],
    [
      "an unknown cache_ttl",
      { model: "GPT-4.1", n_in: 1, n_out: 1, cache_ttl: "2h" },
      "E_BAD_CACHE_WRITE",
      "cache_ttl",
    ],
    [
      "omega with eta over 1",
      { model: "GPT-4.1", n_in: 1, n_out: 1, eta: 0.7, omega: 0.5 },
      "E_CACHE_FRACTIONS",
      "omega",
    ],
    ["max_tokens 0", { model: "GPT-4.1", n_in: 1, max_tokens: 0 }, "E_MAX_TOKENS", "max_tokens"],
    ["a negative horizon", { model: "GPT-4.1", n_in: 1, n_out: 1, horizon: -1 }, "E_NEG_TENOR", "horizon"],
    ["an unknown horizon name", { model: "GPT-4.1", n_in: 1, n_out: 1, horizon: "2Y" }, "E_BAD_HORIZON", "horizon"],
    ["no n_in and no prompt", { model: "GPT-4.1", n_out: 1 }, "E_MISSING_FIELD", "n_in"],
  ])("%s → 400 %s", async (_name, body, code, field) => {
    const { status, json } = await price(body);
    expect(status).toBe(400);
    expect(json.error).toMatchObject({ code, field });
  });

  it("n_in written as 1e400 (parses to Infinity) → 400 E_NOT_FINITE, not 'missing'", async () => {
    const res = await post("/v1/price", '{"model":"GPT-4.1","n_in":1e400,"n_out":1}');
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error).toMatchObject({ code: "E_NOT_FINITE", field: "n_in" });
  });

  it("inputs whose cost overflows float64 → 400 E_NOT_FINITE instead of a 200 with cost null", async () => {
    for (const body of [
      { model: "GPT-4.1", n_in: 1e308, n_out: 1e308 },
      { model: "GPT-4.1", n_in: 1, max_tokens: 1e308 },
    ]) {
      const { status, json } = await price(body);
      expect(status).toBe(400);
      expect(json.error.code).toBe("E_NOT_FINITE");
    }
  });

  it("an unknown model → 404 E_UNKNOWN_TICKER with suggestions; a model name with % is not a 500", async () => {
    const a = await price({ model: "GPT-4.2", n_in: 1, n_out: 1 });
    expect(a.status).toBe(404);
    expect(a.json.error.code).toBe("E_UNKNOWN_TICKER");
    const b = await price({ model: "100%", n_in: 1, n_out: 1 });
    expect(b.status).toBe(404);
    expect(b.json.error.code).toBe("E_UNKNOWN_TICKER");
  });

  it("invalid JSON → 400 E_BAD_JSON; text/plain → 415; a JSON array → 400 E_BAD_TYPE", async () => {
    const bad = await post("/v1/price", '{"model":"GPT-4.1",');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorBody).error.code).toBe("E_BAD_JSON");
    const plain = await h.request("/v1/price", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ model: "GPT-4.1", n_in: 1 }),
    });
    expect(plain.status).toBe(415);
    expect(((await plain.json()) as ErrorBody).error.code).toBe("E_UNSUPPORTED_MEDIA");
    const arr = await post("/v1/price", "[1,2]");
    expect(arr.status).toBe(400);
    expect(((await arr.json()) as ErrorBody).error.code).toBe("E_BAD_TYPE");
  });

  it("a body over 16 KB → 413 E_BODY_TOO_LARGE, with or without Content-Length; 16 KB exactly is read", async () => {
    const pad = (n: number) => JSON.stringify({ model: "GPT-4.1", n_in: 1, n_out: 1, pad: "x".repeat(n) });
    const over = pad(16 * 1024 - pad(0).length + 1);
    expect(Buffer.byteLength(over)).toBe(16 * 1024 + 1);
    const r1 = await post("/v1/price", over);
    expect(r1.status).toBe(413);
    expect(((await r1.json()) as ErrorBody).error.code).toBe("E_BODY_TOO_LARGE");
    const stream = new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode(over)), c.close()) });
    const r2 = await h.request("/v1/price", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(r2.status).toBe(413);
    // Exactly 16384 bytes is within the limit: the body is parsed, and `pad` is then an unknown field.
    const exact = pad(16 * 1024 - pad(0).length);
    expect(Buffer.byteLength(exact)).toBe(16 * 1024);
    const r3 = await post("/v1/price", exact);
    expect(r3.status).toBe(400);
    expect(((await r3.json()) as ErrorBody).error).toMatchObject({ code: "E_UNKNOWN_FIELD", field: "pad" });
  });

  it("prompt on an o200k_base model: tokens.exact and n_in = tiktoken's count of the same text", async () => {
    const enc = get_encoding("o200k_base");
    const text =
      "Exostream prices LLM inference like a commodity: spot β, θ decay, forwards. Ünïcödé — 日本語のテキスト.\n".repeat(
        3,
      );
    const count = enc.encode_ordinary(text).length;
    expect(enc.encode_ordinary("hello world").length).toBe(2);
    enc.free();
    const { status, json } = await price({ model: "GPT-4.1", prompt: text, n_out: 100 });
    expect(status).toBe(200);
    expect(json.data.n_in).toBe(count);
    expect(json.data.tokens).toMatchObject({ exact: true, encoding: "o200k_base", n_in: count, band: [count, count] });
    // GPT-4.1: β 8, r_in 0.25 → S = 8·(100 + 0.25·count)·1e−6.
    expect(json.data.spot!.cost).toBeCloseTo(8e-6 * (100 + 0.25 * count), 12);
    expect((await price({ model: "GPT-4.1", prompt: "hello world", n_out: 1 })).json.data.n_in).toBe(2);
  });

  it("prompt on a cl100k_base model counts with cl100k_base", async () => {
    const enc = get_encoding("cl100k_base");
    const text = "def f(x):\n    return x ** 2  # squares\n";
    const count = enc.encode_ordinary(text).length;
    enc.free();
    const { json } = await price({ model: "GPT-4", prompt: text, n_out: 1 });
    expect(json.data.tokens).toMatchObject({ exact: true, encoding: "cl100k_base", n_in: count });
  });

  it("prompt on an Anthropic model: an estimate (exact false) with the calibrated band around the o200k count", async () => {
    const enc = get_encoding("o200k_base");
    const text = "Summarise the attached quarterly report in three bullet points, citing page numbers.";
    const c = enc.encode_ordinary(text).length;
    enc.free();
    const { status, json } = await price({ model: "SONNET-4", prompt: text, n_out: 50 });
    expect(status).toBe(200);
    const band = [Math.floor(c * (1 + ESTIMATE_BAND.low)), Math.ceil(c * (1 + ESTIMATE_BAND.high))];
    expect(json.data.tokens).toMatchObject({
      exact: false,
      encoding: "estimate:claude",
      n_in: c,
      band,
      kind: "estimate",
      label: "estimate −5%…+24%",
    });
    expect(json.data.tokens!.band[0]).toBeLessThan(c);
    expect(json.data.tokens!.band[1]).toBeGreaterThan(c);
  });

  it("prompt on a Llama 3, Mistral, DeepSeek or Gemini model: an exact count with the published vocabulary", async () => {
    const text =
      "Exostream prices LLM inference like a commodity: spot β, θ decay. 日本語のテキスト, 😀 <|begin_of_text|>\n\n";
    for (const [model, id] of [
      ["LLAMA-3.3-70B", "llama3"],
      ["MISTRAL-LARGE-3", "tekken"],
      ["DEEPSEEK-V3", "deepseek-v3"],
      ["GEMINI-2.5-PRO", "gemma3"],
    ] as const) {
      const ref = reference(id);
      const count = (await ref.encode(text)).length;
      ref.free();
      const { status, json } = await price({ model, prompt: text, n_out: 10 });
      expect(status, model).toBe(200);
      expect(json.data.tokens, model).toMatchObject({
        exact: true,
        encoding: id,
        n_in: count,
        band: [count, count],
        kind: "open-vocabulary",
        label: "exact (open vocabulary)",
      });
    }
  });

  it("both prompt and n_in → 400", async () => {
    const { status, json } = await price({ model: "GPT-4.1", prompt: "hi", n_in: 5, n_out: 1 });
    expect(status).toBe(400);
    expect(json.error.field).toBe("prompt");
  });

  describe("/v1/compare", () => {
    const compare = async (body: unknown) => {
      const res = await post("/v1/compare", body);
      return {
        status: res.status,
        json: (await res.json()) as {
          data: CompareRowsResult;
          oracle_timestamp: string;
          snapshot_version: number;
        } & ErrorBody,
      };
    };
    const task = { n_in: 30000, n_out: 800, eta: 0.6 };

    it("every active model, sorted ascending by cost; each cost equals priceTask on its row", async () => {
      const { status, json } = await compare(task);
      expect(status).toBe(200);
      expect(json.snapshot_version).toBe(1);
      const ranked = json.data.ranked;
      const active = payload.models.filter((m) => m.lifecycle === "active");
      expect(ranked.length + json.data.excluded.length).toBe(active.length);
      expect(new Set(ranked.map((r) => r.ticker))).toEqual(new Set(active.map((m) => m.ticker)));
      for (let i = 1; i < ranked.length; i++) expect(ranked[i]!.cost).toBeGreaterThanOrEqual(ranked[i - 1]!.cost);
      expect(ranked.map((r) => r.rank)).toEqual(ranked.map((_, i) => i + 1));
      const cheapest = ranked[0]!;
      expectRel(cheapest.cost, priceTask(row(cheapest.ticker), task, payload.valuation_date).spot!.cost);
      for (const r of ranked) expectRel(r.cost, priceTask(row(r.ticker), task, payload.valuation_date).spot!.cost);
    });

    it("a models list (any case, legacy included) and a provider filter", async () => {
      const listed = await compare({ ...task, models: ["gpt-4.1", "SONNET-4", "deepseek-v3"] });
      expect(listed.status).toBe(200);
      expect(listed.json.data.ranked.map((r) => r.ticker).sort()).toEqual(["DEEPSEEK-V3", "GPT-4.1", "SONNET-4"]);
      // By hand: DeepSeek V3 (β 1.1) is far cheaper than GPT-4.1 (β 8) and Sonnet 4 (0.0534).
      expect(listed.json.data.ranked[0]!.ticker).toBe("DEEPSEEK-V3");
      expect(listed.json.data.ranked.find((r) => r.ticker === "SONNET-4")!.cost).toBeCloseTo(0.0534, 12);
      const openai = await compare({ ...task, provider: "OpenAI" });
      const expected = payload.models
        .filter((m) => m.lifecycle === "active" && m.provider === "openai")
        .map((m) => m.ticker);
      expect(openai.json.data.ranked.map((r) => r.ticker).sort()).toEqual([...expected].sort());
      expect(openai.json.data.ranked.every((r) => r.provider === "openai")).toBe(true);
      const unknown = await compare({ ...task, models: ["GPT-4.1", "NOPE-9"] });
      expect(unknown.status).toBe(404);
      expect(unknown.json.error.code).toBe("E_UNKNOWN_TICKER");
    });

    it("horizon 3M: forward_cost = cost · F(3M)/β for every row", async () => {
      const { json } = await compare({ ...task, horizon: "3M" });
      expect(json.data.horizon_years).toBe(0.25);
      expect(json.data.ranked.length).toBeGreaterThan(10);
      for (const r of json.data.ranked) {
        const m = row(r.ticker);
        const f = tickerForward(m, payload.valuation_date, 0.25);
        expectRel(r.forward_cost, m.beta > 0 ? (r.cost * f) / m.beta : r.cost, 1e-12);
        // the signed row's 3M forward is the same number to its 6 published significant digits
        expectRel(m.forwards["3M"], f, 1e-5);
      }
    });

    it("batch mode excludes rows without a batch API (E_BAD_MODE) instead of failing the request", async () => {
      const { status, json } = await compare({ ...task, mode: "batch", provider: "deepseek" });
      expect(status).toBe(200);
      const noBatch = payload.models
        .filter((m) => m.lifecycle === "active" && m.provider === "deepseek" && m.r_batch === null)
        .map((m) => m.ticker);
      expect(noBatch.length).toBeGreaterThan(0);
      expect(json.data.excluded.map((e) => e.ticker).sort()).toEqual(noBatch.sort());
      expect(json.data.excluded.every((e) => e.code === "E_BAD_MODE")).toBe(true);
    });

    it("without n_out → 400 (a ranking needs an output length); prompt → 400", async () => {
      const a = await compare({ n_in: 1000 });
      expect(a.status).toBe(400);
      expect(a.json.error.field).toBe("n_out");
      const b = await compare({ prompt: "hi", n_out: 1 });
      expect(b.status).toBe(400);
      expect(b.json.error.field).toBe("prompt");
    });
  });
});
