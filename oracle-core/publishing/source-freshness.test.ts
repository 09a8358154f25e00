import { describe, expect, it } from "vitest";
import { frozenSources } from "./source-freshness";

describe("frozenSources", () => {
  const now = new Date("2026-08-12T12:00:00Z");

  it("freezes genai-prices v1, unchanged since 2026-07-25, while LiteLLM changed on 2026-08-10", () => {
    const f = frozenSources(
      [
        { id: "genai-prices", changed_at: "2026-07-25T00:00:00Z" },
        { id: "litellm", changed_at: "2026-08-10T00:00:00Z" },
      ],
      now,
    );
    expect([...f]).toEqual(["genai-prices"]);
  });

  it("freezes nothing when no source changed in the window (the bundled archives)", () => {
    expect(
      frozenSources(
        [
          { id: "a", changed_at: "2026-07-01T00:00:00Z" },
          { id: "b", changed_at: "2026-07-02T00:00:00Z" },
        ],
        now,
      ).size,
    ).toBe(0);
  });

  it("needs 14 full days: 13 days unchanged is not frozen", () => {
    const ages = [
      { id: "a", changed_at: "2026-07-30T12:00:00Z" },
      { id: "b", changed_at: "2026-08-12T00:00:00Z" },
    ];
    expect(frozenSources(ages, now).size).toBe(0);
    expect([...frozenSources(ages, new Date("2026-08-13T12:00:00Z"))]).toEqual(["a"]);
  });
});
