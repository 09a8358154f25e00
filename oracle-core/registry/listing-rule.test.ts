import { describe, expect, it } from "vitest";
import registry from "../../data/registry.json";
import { RegistryFileSchema, type RegistryEntry } from "../schemas/registry";
import type { ListingQuote } from "./listing-rule-agree";
import { nextListing, type Candidate, type ListingInput } from "./listing-rule";

const universe = RegistryFileSchema.parse(registry).models;
const URL_G = "https://example.test/genai-prices.json";
const URL_L = "https://example.test/llm-prices.json";
const T0 = new Date("2026-03-01T06:00:00Z");
const at = (hours: number) => new Date(T0.getTime() + hours * 3600_000);

/** input and output quotes of one model by one source. */
function quotes(source: string, model_id: string, input: number, output: number, provider?: string): ListingQuote[] {
  const url = source === "genai-prices" ? URL_G : URL_L;
  const base = { source, model_id, url, ...(provider ? { provider } : {}) };
  return [
    { ...base, field: "input", usd_per_m: input },
    { ...base, field: "output", usd_per_m: output },
  ];
}

/** A new Claude Haiku 5 at $1/$5, quoted by genai-prices (dated id) and llm-prices (bare id). */
const haiku5 = (input = 1, output = 5) => [
  ...quotes("genai-prices", "claude-haiku-5-20260215", input, output, "anthropic"),
  ...quotes("llm-prices", "claude-haiku-5", input, output, "anthropic"),
];

const run = (q: ListingQuote[], now: Date, candidates: Candidate[] = [], extra: Partial<ListingInput> = {}) =>
  nextListing({ quotes: q, candidates, universe, aliases: new Map(), now, ...extra });

describe("nextListing: a candidate lists only on two agreeing origins, two polls ≥ 1 h apart", () => {
  it("lists on the second poll 12 h later, as one provisional row for the dated and bare ids", () => {
    const first = run(haiku5(), T0);
    expect(first.listed).toEqual([]);
    expect(first.candidates).toMatchObject([
      {
        ticker: "HAIKU-5",
        state: "watching",
        agreed_at: T0.toISOString(),
        input: 1,
        output: 5,
        code: "E_LISTING_WAIT",
      },
    ]);
    const second = run(haiku5(), at(12), first.candidates);
    expect(second.listed.map((l) => [l.ticker, l.on, l.origins])).toEqual([
      ["HAIKU-5", "2026-03-01", ["genai-prices", "llm-prices"]],
    ]);
    const e = second.listed[0]!.entry;
    expect(e).toMatchObject({
      display_name: "Claude Haiku 5",
      provider: "anthropic",
      family: "anthropic-haiku", // HAIKU-4.5, -3.5 and -3 are all anthropic-haiku
      status: "provisional",
      listed_at: "2026-03-01",
      release_date: "2026-03-01", // no source gave one: the listing day
      context_window: 128_000,
      max_output: 16_384,
      reasoning: false,
      tokenizer: "estimate:claude",
      index_weight_proxy: 0,
      match: { "genai-prices": ["anthropic:claude-haiku-5-20260215"], "llm-prices": ["claude-haiku-5"] },
    });
    expect(e.prices.input).toEqual({ usd_per_m: 1, source: "genai-prices", url: URL_G, checked: "2026-03-01" });
    expect(e.prices.output.usd_per_m).toBe(5);
    expect(second.candidates).toMatchObject([{ ticker: "HAIKU-5", state: "listed", clock_from: at(12).toISOString() }]);
  });

  it("does not list polls 30 min apart, and lists at the first poll ≥ 1 h after the first agreement", () => {
    const first = run(haiku5(), T0);
    const half = run(haiku5(), at(0.5), first.candidates);
    expect(half.listed).toEqual([]);
    expect(half.candidates[0]!.agreed_at).toBe(T0.toISOString());
    expect(run(haiku5(), at(1), half.candidates).listed).toHaveLength(1);
  });

  it("does not list on one origin (llm-prices current and historical are one upstream)", () => {
    const one = [
      ...quotes("llm-prices", "claude-haiku-5", 1, 5, "anthropic"),
      ...quotes("llm-prices-historical", "claude-haiku-5", 1, 5, "anthropic"),
    ];
    const r = run(one, at(12), run(one, T0).candidates);
    expect(r.listed).toEqual([]);
    expect(r.candidates[0]).toMatchObject({ code: "E_LISTING_ONE_ORIGIN", agreed_at: null });
  });

  it("never lists a ×1000 value: one source's slip is no agreement, and both sources' slip fails bounds or family", () => {
    const slip = [
      ...quotes("genai-prices", "claude-haiku-5", 1000, 5000, "anthropic"),
      ...quotes("llm-prices", "claude-haiku-5", 1, 5, "anthropic"),
    ];
    expect(run(slip, at(12), run(slip, T0).candidates).listed).toEqual([]);
    // Both say 1000/5000: outside [1e-4, 1000) USD/M.
    const both = haiku5(1000, 5000);
    expect(run(both, T0).candidates[0]).toMatchObject({ code: "E_PRICE_BOUNDS", agreed_at: null });
    // A Flash-Lite at 100/400 (0.10/0.40 × 1000) is in bounds, but 1000× its family's median input (0.1).
    const lite = [
      ...quotes("genai-prices", "gemini-3.9-flash-lite", 100, 400, "google"),
      ...quotes("llm-prices", "gemini-3.9-flash-lite", 100, 400, "google"),
    ];
    const r = run(lite, at(12), run(lite, T0).candidates);
    expect(r.listed).toEqual([]);
    expect(r.candidates[0]).toMatchObject({ ticker: "GEMINI-3.9-FLASH-LITE", code: "E_UNIT_SUSPECT" });
  });

  it("restarts the 1 h wait when the agreed prices move, and refuses an input above 2× the output", () => {
    const first = run(haiku5(), T0);
    const moved = run(haiku5(0.8, 4), at(12), first.candidates);
    expect(moved.listed).toEqual([]);
    expect(moved.candidates[0]).toMatchObject({ agreed_at: at(12).toISOString(), input: 0.8, output: 4 });
    expect(run(haiku5(11, 5), T0).candidates[0]).toMatchObject({ code: "E_RATIO_BOUNDS" });
  });

  it("rejects and reports a ticker another provider holds, once, and never merges it", () => {
    const clash = [
      ...quotes("genai-prices", "sonnet-4.5", 2, 8, "openai"),
      ...quotes("llm-prices", "sonnet-4.5", 2, 8, "openai"),
    ];
    const first = run(clash, T0);
    expect(first.rejected).toEqual([
      {
        ticker: "SONNET-4.5",
        code: "E_LISTING_COLLISION",
        reason: "SONNET-4.5 is named by anthropic and openai ids; a collision is never merged",
      },
    ]);
    const second = run(clash, at(12), first.candidates);
    expect(second.listed).toEqual([]);
    expect(second.rejected).toEqual([]);
    expect(second.candidates[0]!.state).toBe("rejected");
  });

  it("ignores another spelling of a known model, and the quotes out of scope", () => {
    const known = [
      ...quotes("genai-prices", "claude-sonnet-4-5-20990101", 3, 15, "anthropic"),
      ...quotes("llm-prices", "claude-sonnet-4-5-20990101", 3, 15, "anthropic"),
    ];
    const out = [
      ...quotes("genai-prices", "text-embedding-5", 0.1, 0.1, "openai"),
      ...quotes("llm-prices", "text-embedding-5", 0.1, 0.1, "openai"),
      ...quotes("genai-prices", "llama-9", 1, 2, "together"),
      ...quotes("llm-prices", "llama-9", 1, 2, "together"),
    ];
    expect(run([...known, ...out], T0).candidates).toEqual([]);
  });

  it("takes facts from the sources' info where given", () => {
    const info = (q: ListingQuote) =>
      q.source === "genai-prices"
        ? { context_window: 400_000, max_output: 64_000, release_date: "2026-02-15", reasoning: true }
        : { context_window: 200_000 };
    const first = run(haiku5(), T0, [], { info });
    const e = run(haiku5(), at(12), first.candidates, { info }).listed[0]!.entry;
    // Each context window is stated once: the smaller wins the tie.
    expect([e.context_window, e.max_output, e.release_date, e.reasoning]).toEqual([
      200_000,
      64_000,
      "2026-02-15",
      true,
    ]);
  });
});

describe("nextListing: promotion of a provisional ticker", () => {
  const listedRow = (): { candidates: Candidate[]; row: RegistryEntry } => {
    const r = run(haiku5(), at(12), run(haiku5(), T0).candidates);
    return { candidates: r.candidates, row: r.listed[0]!.entry };
  };
  const later = (days: number) => at(12 + days * 24);

  it("promotes at once on 3 origins, or after 7 days without dispute", () => {
    const { candidates, row } = listedRow();
    const withRow = { universe: [...universe, row] };
    const three = run([], later(1), candidates, {
      ...withRow,
      quoted: new Map([["HAIKU-5", { origins: 3, disputed: false }]]),
    });
    expect(three.promoted).toEqual([{ ticker: "HAIKU-5", on: "2026-03-02", reason: "3 independent origins agree" }]);
    expect(three.candidates).toEqual([]);
    const quiet = { ...withRow, quoted: new Map([["HAIKU-5", { origins: 2, disputed: false }]]) };
    expect(run([], later(6.9), candidates, quiet).promoted).toEqual([]);
    expect(run([], later(7), candidates, quiet).promoted.map((p) => p.on)).toEqual(["2026-03-08"]);
  });

  it("restarts the 7 days on a dispute", () => {
    const { candidates, row } = listedRow();
    const disputed = run([], later(3), candidates, {
      universe: [...universe, row],
      quoted: new Map([["HAIKU-5", { origins: 3, disputed: true }]]),
    });
    expect(disputed.promoted).toEqual([]);
    expect(disputed.candidates[0]!.clock_from).toBe(later(3).toISOString());
    const quiet = { universe: [...universe, row], quoted: new Map([["HAIKU-5", { origins: 2, disputed: false }]]) };
    expect(run([], later(9), disputed.candidates, quiet).promoted).toEqual([]);
    expect(run([], later(10), disputed.candidates, quiet).promoted).toHaveLength(1);
  });
});
