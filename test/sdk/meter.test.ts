import { beforeAll, describe, expect, it } from "vitest";
import type { GreekRow } from "../../oracle-core/schemas";
import { createOracle, type Oracle } from "../../sdk/src/create-oracle";
import { recordedResponses, relClose } from "./recorded";
import { FEED, feedFetch, ISSUED_MS, signedFixture } from "./snapshot-fixture";

const RECORDED = recordedResponses();

/**
 * The bill as a person computes it from a price sheet: each token class × its USD/M price, all at the tier the
 * prompt falls in (whole-request tiers, MATH.md §1). Independent of taskCost's ratio form.
 */
function billByHand(
  row: GreekRow,
  t: {
    n_in: number;
    n_out: number;
    n_think: number;
    cache_read: number;
    cache_write_5m?: number;
    cache_write_1h?: number;
  },
): number {
  const tier = [...row.tiers].sort((a, b) => b.tau - a.tau).find((x) => t.n_in > x.tau);
  const ai = tier?.alpha_in ?? 1;
  const ao = tier?.alpha_out ?? 1;
  const p = row.prices;
  const w5 = t.cache_write_5m ?? 0;
  const w1 = t.cache_write_1h ?? 0;
  const uncached = t.n_in - t.cache_read - w5 - w1;
  const input =
    uncached * p.input +
    t.cache_read * (p.cache_read ?? p.input) +
    w5 * (p.cache_write_5m ?? p.input) +
    w1 * (p.cache_write_1h ?? p.input);
  const output = t.n_out * p.output + t.n_think * (p.thinking ?? p.output);
  return (ai * input + ao * output) / 1e6;
}

describe("oracle.meter on recorded OpenAI, Anthropic and Gemini responses (MATH.md §2.1 mapping)", () => {
  let oracle: Oracle;
  beforeAll(async () => {
    const fx = await signedFixture();
    oracle = await createOracle({
      feedUrl: FEED,
      publicKeys: [fx.publicKey],
      fetch: feedFetch(() => fx),
      now: () => ISSUED_MS,
    });
  });

  it("covers every format with cache reads, cache writes (5m and 1h), reasoning and a long-context tier", () => {
    const formats = new Set(RECORDED.map((r) => r.expect.format));
    expect([...formats].sort()).toEqual(["anthropic", "gemini", "openai-chat", "openai-responses"]);
    expect(RECORDED.some((r) => (r.expect.cache_write_1h ?? 0) > 0)).toBe(true);
    expect(
      RECORDED.some((r) => r.expect.format.startsWith("openai") && r.expect.n_think > 0 && r.expect.cache_read > 0),
    ).toBe(true);
    expect(RECORDED.some((r) => r.expect.format === "gemini" && r.expect.n_in > 200_000)).toBe(true);
  });

  it.each(RECORDED.map((r) => [r.name, r] as const))(
    "%s: tokens, η, ω, the model from the response, and the exact cost",
    (_name, r) => {
      const m = oracle.meter(r.response);
      const e = r.expect;
      expect(m.model).toBe(e.ticker);
      expect(m.tokens).toMatchObject({
        format: e.format,
        n_in: e.n_in,
        n_out: e.n_out,
        n_think: e.n_think,
        cache_read: e.cache_read,
        cache_write_5m: e.cache_write_5m ?? 0,
        cache_write_1h: e.cache_write_1h ?? 0,
      });
      expect(m.tokens.eta).toBe(e.cache_read / e.n_in);
      expect(m.tokens.omega).toBe(((e.cache_write_5m ?? 0) + (e.cache_write_1h ?? 0)) / e.n_in);
      // The hand-computed figure in the fixture, and the per-class bill from the verified row, to 1e-12.
      expect(relClose(m.cost, e.cost, 1e-12)).toBe(true);
      expect(relClose(m.cost, billByHand(oracle.row(e.ticker), e), 1e-12)).toBe(true);
      // κ = S / (β·n_out·1e−6) (MATH.md §3), from the same row.
      expect(relClose(m.kappa!, m.cost / (oracle.row(e.ticker).beta * e.n_out * 1e-6), 1e-12)).toBe(true);
    },
  );

  it("the bare usage object meters like the whole response (given the model)", () => {
    for (const r of RECORDED) {
      const usage = (r.response.usage ?? r.response.usageMetadata) as object;
      expect(oracle.meter(usage, { model: r.expect.ticker, format: r.expect.format }).cost).toBe(
        oracle.meter(r.response).cost,
      );
    }
  });

  it("cache savings: a 1-hour cache write costs more than no cache (negative savings), a read saves (MATH.md §2.4)", () => {
    const write = oracle.meter(RECORDED.find((r) => r.name === "anthropic-sonnet-4.5-cache-write-1h")!.response);
    expect(write.cache_savings).toBeCloseTo(0.043824 - 0.075324, 15);
    const read = oracle.meter(RECORDED.find((r) => r.name === "anthropic-sonnet-4.5-cache-read")!.response);
    // Without cache the 12000 read tokens cost $3/M instead of $0.30/M: 12000 × 2.7 / 1e6.
    expect(read.cache_savings).toBeCloseTo((12000 * 2.7) / 1e6, 15);
  });

  it("batch mode halves every class on a model with a batch API, and is refused on one without (E_BAD_MODE)", () => {
    const r = RECORDED.find((x) => x.name === "openai-chat-gpt-4.1-cached")!;
    expect(oracle.meter(r.response, { mode: "batch" }).cost).toBeCloseTo(0.004928 / 2, 15);
    // xAI publishes no batch API: its rows have r_batch null.
    expect(() =>
      oracle.meter({ prompt_tokens: 100, completion_tokens: 10 }, { model: "grok-4", mode: "batch" }),
    ).toThrow(expect.objectContaining({ code: "E_BAD_MODE" }));
  });

  it("bad usage: a non-usage object, negative counts, more cached than prompt tokens → E_BAD_USAGE; no model → E_UNKNOWN_TICKER", () => {
    expect(() => oracle.meter({ hello: 1 }, { model: "GPT-4.1" })).toThrow(
      expect.objectContaining({ code: "E_BAD_USAGE" }),
    );
    expect(() => oracle.meter({ prompt_tokens: -1, completion_tokens: 1 }, { model: "GPT-4.1" })).toThrow(
      expect.objectContaining({ code: "E_BAD_USAGE", field: "prompt_tokens" }),
    );
    expect(() =>
      oracle.meter(
        { prompt_tokens: 10, completion_tokens: 1, prompt_tokens_details: { cached_tokens: 11 } },
        { model: "GPT-4.1" },
      ),
    ).toThrow(expect.objectContaining({ code: "E_BAD_USAGE" }));
    expect(() => oracle.meter({ prompt_tokens: 10, completion_tokens: 1 })).toThrow(
      expect.objectContaining({ code: "E_UNKNOWN_TICKER" }),
    );
  });
});
