import { get_encoding, type TiktokenEncoding } from "tiktoken";
import { describe, expect, it } from "vitest";
import { payloadFor } from "../test/sdk/snapshot-fixture";
import { ApiError } from "./api-error";
import { apiState } from "./api-state";
import { compareBody, compareCandidates, priceBody, type CountTokens } from "./compute-handlers";

const s = apiState(payloadFor());
const PROMPT = "Exostream prices LLM inference like an instrument."; // 10 tokens in o200k_base and in cl100k_base

/** tiktoken's Node build, recording which encodings were asked for. */
function tiktoken(): CountTokens & { asked: string[] } {
  const asked: string[] = [];
  const count = (async (encoding, text) => {
    asked.push(encoding);
    const enc = get_encoding(encoding as TiktokenEncoding);
    try {
      return enc.encode_ordinary(text).length;
    } finally {
      enc.free();
    }
  }) as CountTokens & { asked: string[] };
  count.asked = asked;
  return count;
}

async function rejection(p: Promise<unknown> | (() => unknown)): Promise<ApiError> {
  try {
    await (typeof p === "function" ? p() : p);
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error("expected an ApiError");
}

describe("priceBody: POST /v1/price and price_task", () => {
  it("the MATH.md worked example: SONNET-4, 30000 in (60% cache hits), 800 out → $0.0534, κ 4.45", async () => {
    const count = tiktoken();
    const body = await priceBody(s, { model: "sonnet-4", n_in: 30000, n_out: 800, eta: 0.6 }, count);
    // 30000·(0.4·3 + 0.6·0.3)/1e6 + 800·15/1e6 = 0.0414 + 0.012
    expect(body.data.spot!.cost).toBeCloseTo(0.0534, 12);
    expect(body.data.spot!.kappa).toBeCloseTo(4.45, 12);
    expect(body.data).toMatchObject({ model: "SONNET-4", n_in: 30000, tokens: null, quote_status: "ok" });
    expect(count.asked).toEqual([]); // no prompt, no tokenizer
  });

  it("a prompt is counted exactly with the model's own encoding (GPT-4.1: o200k_base, $2 in, $8 out)", async () => {
    const count = tiktoken();
    const body = await priceBody(s, { model: "GPT-4.1", prompt: PROMPT, n_out: 1000 }, count);
    expect(count.asked).toEqual(["o200k_base"]);
    expect(body.data.tokens).toMatchObject({ n_in: 10, exact: true, encoding: "o200k_base", band: [10, 10] });
    expect(body.data.spot!.cost).toBeCloseTo((10 * 2 + 1000 * 8) / 1e6, 15);
  });

  it("no public tokenizer: the o200k_base count as a labelled estimate with its calibrated −5%…+24% band", async () => {
    const body = await priceBody(s, { model: "SONNET-4", prompt: PROMPT, n_out: 1 }, tiktoken());
    // ⌊10·0.95⌋, ⌈10·1.24⌉ (oracle-core/tokens/estimate-band.json)
    expect(body.data.tokens).toMatchObject({ n_in: 10, exact: false, encoding: "estimate:claude", band: [9, 13] });
  });

  it("prompt and n_in together, neither, an unknown model and a float64 overflow: coded errors", async () => {
    const both = await rejection(priceBody(s, { model: "GPT-4.1", prompt: "x", n_in: 1 }, tiktoken()));
    expect([both.status, both.code, both.field]).toEqual([400, "E_BAD_TYPE", "prompt"]);
    const neither = await rejection(priceBody(s, { model: "GPT-4.1", n_out: 1 }, tiktoken()));
    expect([neither.code, neither.field]).toEqual(["E_MISSING_FIELD", "n_in"]);
    expect((await rejection(priceBody(s, { model: "GPT-9", n_in: 1 }, tiktoken()))).status).toBe(404);
    const inf = await rejection(priceBody(s, { model: "GPT-4.1", n_in: 1e308, n_out: 1e308 }, tiktoken()));
    expect([inf.status, inf.code]).toEqual([400, "E_NOT_FINITE"]);
  });
});

describe("compareBody and compareCandidates: POST /v1/compare, compare_models and the SDK's oracle.compare", () => {
  it("one provider's active models, cheapest first", () => {
    const body = compareBody(s, { n_in: 10000, n_out: 500, provider: "Anthropic" });
    const rows = compareCandidates(s.payload.models, { provider: "anthropic" }, () => {
      throw new Error("no lookup without models");
    });
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.every((r) => r.provider === "anthropic" && r.lifecycle === "active")).toBe(true);
    const { ranked, excluded } = body.data;
    expect([...ranked, ...excluded].map((m) => m.ticker).sort()).toEqual(rows.map((r) => r.ticker).sort());
    expect(ranked.map((m) => m.cost)).toEqual([...ranked.map((m) => m.cost)].sort((a, b) => a - b));
    // SONNET-4 is legacy, so not ranked; HAIKU-4.5 ($1 in, $5 out): 10000·1/1e6 + 500·5/1e6 = $0.0125
    expect(ranked.some((m) => m.ticker === "SONNET-4")).toBe(false);
    expect(ranked.find((m) => m.ticker === "HAIKU-4.5")!.cost).toBeCloseTo(0.0125, 12);
  });

  it("named models go through the lookup (404 with suggestions for an unknown one); prompt is refused", async () => {
    const named = compareCandidates(s.payload.models, { models: ["GPT-4.1", "SONNET-4"] }, (m) => s.byTicker.get(m)!);
    expect(named.map((r) => r.ticker)).toEqual(["GPT-4.1", "SONNET-4"]);
    expect((await rejection(() => compareBody(s, { n_in: 1, n_out: 1, models: ["GPT-4.2"] }))).code).toBe(
      "E_UNKNOWN_TICKER",
    );
    const p = await rejection(() => compareBody(s, { prompt: "hi", n_out: 1 }));
    expect([p.code, p.field]).toEqual(["E_BAD_TYPE", "prompt"]);
    expect((await rejection(() => compareBody(s, { n_out: 1 }))).code).toBe("E_MISSING_FIELD");
  });
});
