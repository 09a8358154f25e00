import { calcPrice, extractUsage, findProvider, type ModelPrice } from "@pydantic/genai-prices";
import { beforeAll, describe, expect, it } from "vitest";
import { genaiIds } from "../../oracle-core/integrations";
import type { GreekRow } from "../../oracle-core/schemas";
import { createOracle, type Oracle } from "../../sdk/src/create-oracle";
import { recordedResponses } from "./recorded";
import { FEED, feedFetch, ISSUED_MS, registry, signedFixture, VALUATION_DATE } from "./snapshot-fixture";

/**
 * oracle.meter against @pydantic/genai-prices' calcPrice (its bundled data, its own usage extractors) on the recorded
 * responses, and the same usages re-billed on every active model of the same provider. Where both price sheets give
 * every token class the call uses the same price at the call's tier on the valuation date, the two costs must agree to
 * 1e-9 relative. Every other case is a disagreement, and its explanation is the list of prices that differ.
 */
const GENAI_PROVIDER = {
  anthropic: "anthropic",
  "openai-chat": "openai",
  "openai-responses": "openai",
  gemini: "google",
} as const;
const FLAVOR = {
  anthropic: "default",
  "openai-chat": "chat",
  "openai-responses": "responses",
  gemini: "default",
} as const;
const PROVIDER_OF = {
  anthropic: "anthropic",
  "openai-chat": "openai",
  "openai-responses": "openai",
  gemini: "google",
} as const;
const WHEN = new Date(`${VALUATION_DATE}T12:00:00Z`);

type Usage = Record<string, number | undefined>;

/** A genai-prices price at a prompt size (their tiers: the highest `start` below the input tokens, whole request). */
function theirs(p: ModelPrice, key: string, inputTokens: number): number | undefined {
  const v = p[key];
  if (v === undefined || typeof v === "number") return v;
  let price = v.base;
  for (const t of [...v.tiers].sort((a, b) => a.start - b.start)) if (inputTokens > t.start) price = t.price;
  return price;
}

/** Our price for the same class at that prompt size (MATH.md §1: α_in on input classes, α_out on output classes). */
function ours(row: GreekRow, key: string, inputTokens: number): number {
  const tier = [...row.tiers].sort((a, b) => b.tau - a.tau).find((t) => inputTokens > t.tau);
  const ai = tier?.alpha_in ?? 1;
  const ao = tier?.alpha_out ?? 1;
  const inp = row.beta * row.r_in;
  switch (key) {
    case "input_mtok":
      return ai * inp;
    case "cache_read_mtok":
      return ai * row.beta * row.r_cache;
    case "cache_write_mtok":
      return ai * inp * row.cache_write_mult["5m"];
    case "cache_write_1h_mtok":
      return ai * inp * row.cache_write_mult["1h"];
    case "output_mtok":
      return ao * row.beta;
    case "output_reasoning_mtok":
      return ao * row.beta * row.r_think;
    default:
      throw new Error(key);
  }
}

/**
 * The price keys a usage exercises, each with the key genai-prices falls back to when the model has no price for it.
 */
function usedKeys(u: Usage): [string, string[]][] {
  const keys: [string, string[]][] = [];
  const cached = (u.cache_read_tokens ?? 0) + (u.cache_write_tokens ?? 0);
  if ((u.input_tokens ?? 0) - cached > 0) keys.push(["input_mtok", []]);
  if ((u.cache_read_tokens ?? 0) > 0) keys.push(["cache_read_mtok", ["input_mtok"]]);
  const w1 = u.cache_write_1h_tokens ?? 0;
  if ((u.cache_write_tokens ?? 0) - w1 > 0) keys.push(["cache_write_mtok", ["input_mtok"]]);
  if (w1 > 0) keys.push(["cache_write_1h_mtok", ["cache_write_mtok", "input_mtok"]]);
  if ((u.output_tokens ?? 0) - (u.output_reasoning_tokens ?? 0) > 0) keys.push(["output_mtok", []]);
  if ((u.output_reasoning_tokens ?? 0) > 0) keys.push(["output_reasoning_mtok", ["output_mtok"]]);
  return keys;
}

/**
 * Why the two sheets differ, per ticker (checked against the registry's provenance and genai-prices' price_comments).
 * Our prices come from the archives the registry was built from (genai-prices at commit 47df840, 2026-08-21; LiteLLM
 * 2026-07-24); the npm package carries newer data.
 */
const EXPLAINED: Record<string, string> = {
  "SONNET-5":
    "our archive scheduled the $2/$10 promo to end on 2026-09-01 ($3/$15 in force on the valuation date); the package's newer data says Anthropic made $2/$10 permanent and cancelled the increase",
  "GPT-5.6-SOL":
    "OpenAI cut Sol by 20% (input) and 33% (output) on 2026-08-21; the package has the cut, our archive (same day, earlier commit) does not",
  "GPT-5.5-PRO":
    "our cache_read ($3) is LiteLLM's; genai-prices lists no cached rate for Pro models, so it bills cached tokens at the $30 input price",
  "GPT-5.4-PRO":
    "our cache_read ($3) is LiteLLM's; genai-prices lists no cached rate for Pro models, so it bills cached tokens at the $30 input price",
  "GEMINI-3.6-FLASH":
    "our thinking price ($7.50) is LiteLLM's reasoning price, which equals the post-promo (2027-01-01) output price; genai-prices bills thoughts at the current $3.75 output price",
};

interface Row {
  usage: string;
  ticker: string;
  genai_model: string;
  ours: number;
  theirs: number | null;
  rel: number | null;
  verdict: "agree" | "disagree" | "absent";
  why: string;
}

describe("meter vs @pydantic/genai-prices calcPrice", () => {
  let oracle: Oracle;
  const table: Row[] = [];
  beforeAll(async () => {
    const fx = await signedFixture();
    oracle = await createOracle({
      feedUrl: FEED,
      publicKeys: [fx.publicKey],
      fetch: feedFetch(() => fx),
      now: () => ISSUED_MS,
    });
    const entries = new Map(registry().models.map((m) => [m.ticker, m]));
    for (const rec of recordedResponses()) {
      const fmt = rec.expect.format;
      const provider = findProvider({ providerId: GENAI_PROVIDER[fmt] })!;
      const { usage } = extractUsage(provider, rec.response, FLAVOR[fmt]);
      const targets = oracle.payload.models.filter((m) => m.lifecycle === "active" && m.provider === PROVIDER_OF[fmt]);
      for (const row of targets) {
        const own = row.ticker === rec.expect.ticker;
        // The recorded response names its model as the provider does; re-billed on another model, we use that model's
        // genai-prices id.
        const modelId = own
          ? String(rec.response.model ?? rec.response.modelVersion)
          : (genaiIds(entries.get(row.ticker)!)[0] ?? row.ticker.toLowerCase());
        const mine = oracle.meter(rec.response, { model: row.ticker }).cost;
        const r = calcPrice(usage, modelId, { providerId: provider.id, timestamp: WHEN });
        const base = { usage: rec.name, ticker: row.ticker, genai_model: modelId, ours: mine };
        if (!r) {
          table.push({
            ...base,
            theirs: null,
            rel: null,
            verdict: "absent",
            why: "genai-prices has no price for this model id",
          });
          continue;
        }
        const n_in = usage.input_tokens ?? 0;
        const differs: string[] = [];
        for (const [key, fallbacks] of usedKeys(usage)) {
          const t = [key, ...fallbacks].map((k) => theirs(r.model_price, k, n_in)).find((v) => v !== undefined)!;
          const o = ours(row, key, n_in);
          if (Math.abs(t - o) > 1e-9 * Math.max(t, o))
            differs.push(`${key} ours ${Number(o.toPrecision(6))} vs theirs ${Number(t.toPrecision(6))}`);
        }
        const rel = Math.abs(mine - r.total_price) / Math.max(Math.abs(r.total_price), 1e-300);
        table.push({
          ...base,
          theirs: r.total_price,
          rel,
          verdict: differs.length ? "disagree" : "agree",
          why: differs.length ? `different price data: ${differs.join("; ")}` : "same prices",
        });
      }
    }
  });

  it("compares every recorded usage on its own model and on every active model of its provider", () => {
    expect(new Set(table.map((r) => r.usage)).size).toBe(recordedResponses().length);
    expect(table.filter((r) => r.verdict === "agree").length).toBeGreaterThan(50);
    // Each recorded response on its own model is one genai-prices prices too.
    for (const rec of recordedResponses())
      expect(table.find((r) => r.usage === rec.name && r.ticker === rec.expect.ticker)!.verdict).not.toBe("absent");
  });

  it("wherever both sheets give the call's token classes the same prices, the costs agree to 1e-9 relative", () => {
    const bad = table.filter((r) => r.verdict === "agree" && !(r.rel! <= 1e-9));
    expect(bad).toEqual([]);
  });

  it("every disagreement is explained by a price that differs (never by the usage mapping)", () => {
    const disagreements = table.filter((r) => r.verdict === "disagree");
    for (const d of disagreements)
      expect(d.why).toMatch(/^different price data: \w+_mtok ours [\d.e-]+ vs theirs [\d.e-]+/);
    // …and by a reason we know: each disagreeing ticker is in EXPLAINED, and each explained ticker does disagree.
    expect([...new Set(disagreements.map((d) => d.ticker))].sort()).toEqual(Object.keys(EXPLAINED).sort());
    // Printed for the record: the cross-check table in the test output.
    const fmt = (x: number | null) => (x === null ? "—" : x.toPrecision(8));
    const lines = table
      .filter((r) => r.verdict !== "agree")
      .map(
        (r) =>
          `${r.verdict.padEnd(8)} ${r.usage.padEnd(38)} ${r.ticker.padEnd(18)} ours ${fmt(r.ours)} theirs ${fmt(r.theirs)}  ${r.why} — ${EXPLAINED[r.ticker] ?? ""}`,
      );
    const agree = table.filter((r) => r.verdict === "agree");
    console.log(
      `meter vs calcPrice: ${agree.length} agree (max rel ${Math.max(...agree.map((r) => r.rel!)).toExponential(2)}), ${disagreements.length} disagree, ${table.filter((r) => r.verdict === "absent").length} absent\n${lines.join("\n")}`,
    );
  });

  it("the recorded responses on their own models: all agree (the registry and genai-prices quote these models the same on this date)", () => {
    const own = table.filter((r) =>
      recordedResponses().some((x) => x.name === r.usage && x.expect.ticker === r.ticker),
    );
    expect(own.map((r) => [r.usage, r.verdict])).toEqual(own.map((r) => [r.usage, "agree"]));
  });
});
