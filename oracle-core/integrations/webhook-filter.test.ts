import { describe, expect, it } from "vitest";
import type { ChangeEvent } from "./change-event";
import { matchEvents, WebhookFilterSchema, type EventRow } from "./webhook-filter";

const row = (
  ticker: string,
  family: string,
  output: number,
  theta: number,
  input = output / 4,
  lifecycle: "active" | "legacy" = "active",
): EventRow =>
  ({
    ticker,
    family,
    lifecycle,
    theta,
    prices: { input, output, cache_read: null, cache_write_5m: null, cache_write_1h: null, thinking: null },
  }) as EventRow;
const change = (
  id: number,
  kind: ChangeEvent["kind"],
  ticker: string,
  from: number | string | null,
  to: number | string | null,
): ChangeEvent => ({
  id,
  version: 5,
  at: "2026-11-24T06:30:00.000Z",
  kind,
  ticker,
  field: kind === "status_change" ? "status" : "output",
  from,
  to,
  effective_at: null,
  detail: null,
});

const prev = [
  row("GPT-4.1", "openai-flagship", 8, 0.8),
  row("GPT-4O", "openai-flagship", 10, 0.8),
  row("GPT-5", "openai-gpt5", 10, 0.5),
  row("O3", "openai-o", 8, 1.2),
];
const next = [
  row("GPT-4.1", "openai-flagship", 6, 0.95),
  row("GPT-4O", "openai-flagship", 10, 0.8),
  row("GPT-5", "openai-gpt5", 10, 0.52),
  row("O3", "openai-o", 8, 1.2),
];
const changes = [
  change(1, "price_change", "GPT-4.1", 8, 6),
  change(2, "status_change", "O3", "ok", "pending"),
  change(3, "price_change", "GPT-5", 10, 9.5),
];
const pub = { version: 5, at: "2026-11-24T06:30:00.000Z", changes, prev, next };

describe("matchEvents: lists narrow, thresholds add derived events", () => {
  it("no filter: every recorded change, nothing derived", () => {
    expect(matchEvents({}, pub).map((e) => e.id)).toEqual([1, 2, 3]);
  });
  it("tickers, families and kinds narrow (all must hold)", () => {
    expect(matchEvents({ tickers: ["gpt-4.1"] }, pub).map((e) => e.id)).toEqual([1]);
    expect(matchEvents({ families: ["openai-o"] }, pub).map((e) => e.id)).toEqual([2]);
    expect(matchEvents({ kinds: ["price_change"], families: ["openai-gpt5"] }, pub).map((e) => e.id)).toEqual([3]);
  });
  it("price_move_pct_gt keeps only larger moves: GPT-4.1 −25% passes 10%, GPT-5 −5% does not", () => {
    expect(matchEvents({ kinds: ["price_change"], price_move_pct_gt: 10 }, pub).map((e) => e.ticker)).toEqual([
      "GPT-4.1",
    ]);
  });
  it("θ shift > 0.1: GPT-4.1 moved 0.15/yr (event), GPT-5 0.02 (none)", () => {
    const ev = matchEvents({ kinds: ["theta_shift"], theta_shift_gt: 0.1 }, pub);
    expect(ev).toEqual([
      expect.objectContaining({ kind: "theta_shift", ticker: "GPT-4.1", from: 0.8, to: 0.95, id: null, version: 5 }),
    ]);
  });
  it("a cheaper model in a family crossing below Y: flagship's cheapest goes 8 → 6, crossing 7 but not 5 or 9", () => {
    const ev = matchEvents(
      {
        kinds: ["family_below"],
        family_below: [
          { family: "openai-flagship", usd_per_m: 7 },
          { family: "openai-flagship", usd_per_m: 5 },
          { family: "openai-flagship", usd_per_m: 9 },
        ],
      },
      pub,
    );
    expect(ev).toEqual([
      expect.objectContaining({
        kind: "family_below",
        ticker: "GPT-4.1",
        from: 8,
        to: 6,
        detail: expect.objectContaining({ family: "openai-flagship", below: 7 }),
      }),
    ]);
    // On input prices: 2 → 1.5 crosses 1.8.
    expect(
      matchEvents({ family_below: [{ family: "openai-flagship", usd_per_m: 1.8, field: "input" }] }, pub).filter(
        (e) => e.kind === "family_below",
      ),
    ).toHaveLength(1);
  });
  it("a new model launching below Y is a crossing; a legacy model is not counted", () => {
    const launched = { ...pub, changes: [], next: [...next, row("NEW-1", "openai-gpt5", 2, 0.5)] };
    expect(
      matchEvents({ family_below: [{ family: "openai-gpt5", usd_per_m: 5 }] }, launched).map((e) => e.ticker),
    ).toEqual(["NEW-1"]);
    const legacy = { ...pub, changes: [], next: [...next, row("OLD-1", "openai-gpt5", 2, 0.5, 0.5, "legacy")] };
    expect(matchEvents({ family_below: [{ family: "openai-gpt5", usd_per_m: 5 }] }, legacy)).toEqual([]);
  });
  it("the first publish (no previous snapshot) has no derived events", () => {
    expect(
      matchEvents(
        { theta_shift_gt: 0.01, family_below: [{ family: "openai-flagship", usd_per_m: 100 }] },
        { ...pub, prev: null },
      ).map((e) => e.kind),
    ).toEqual(["price_change", "status_change", "price_change"]);
  });
  it("the filter schema: strict, typed, bounded", () => {
    expect(WebhookFilterSchema.safeParse({ tickers: ["GPT-4.1"], theta_shift_gt: 0.1 }).success).toBe(true);
    expect(WebhookFilterSchema.safeParse({ kinds: ["price_drop"] }).success).toBe(false);
    expect(WebhookFilterSchema.safeParse({ theta_shift_gt: -1 }).success).toBe(false);
    expect(WebhookFilterSchema.safeParse({ since: 3 }).success).toBe(false);
  });
});
