import { describe, expect, it } from "vitest";
import { breakerDecide } from "./publish-breaker";

const t0 = new Date("2025-06-10T12:00:00Z");
const later = (min: number) => new Date(t0.getTime() + min * 60_000);

describe("circuit breaker", () => {
  it("publishes the first quote and moves within 15%", () => {
    expect(breakerDecide({ published: null, pending: null, value: 40, sources: ["a"], now: t0 })).toMatchObject({
      kind: "publish",
      reason: "first_quote",
    });
    expect(breakerDecide({ published: 40, pending: null, value: 35, sources: ["a"], now: t0 })).toMatchObject({
      kind: "publish",
      value: 35,
      from: 40,
      reason: "within_band",
    });
    expect(breakerDecide({ published: 40, pending: null, value: 40, sources: ["a"], now: t0 })).toEqual({
      kind: "unchanged",
    });
  });

  it("holds the o3 80% cut from one source, then publishes it when the same source repeats it ≥ 1 h later", () => {
    const first = breakerDecide({ published: 40, pending: null, value: 8, sources: ["litellm"], now: t0 });
    expect(first.kind).toBe("hold");
    if (first.kind !== "hold") return;
    expect(first.reason).toContain("-80.0%");
    const repeat = (minutes: number) =>
      breakerDecide({ published: 40, pending: first.pending, value: 8, sources: ["litellm"], now: later(minutes) });
    const soon = repeat(30);
    expect(soon.kind).toBe("hold");
    const confirmed = repeat(60);
    expect(confirmed).toEqual({ kind: "publish", value: 8, from: 40, reason: "repeat_poll" });
  });

  it("publishes a large move at once when two independent sources agree", () => {
    expect(
      breakerDecide({ published: 40, pending: null, value: 8, sources: ["litellm", "genai-prices"], now: t0 }),
    ).toMatchObject({ kind: "publish", reason: "second_source" });
    // llm-prices current and historical are one origin: not a second source.
    expect(
      breakerDecide({
        published: 40,
        pending: null,
        value: 8,
        sources: ["llm-prices", "llm-prices-historical"],
        now: t0,
      }).kind,
    ).toBe("hold");
  });

  it("never publishes a one-poll 1500x glitch (Gemini 2.0 Flash at $600 output)", () => {
    const glitch = breakerDecide({ published: 0.4, pending: null, value: 600, sources: ["litellm"], now: t0 });
    expect(glitch.kind).toBe("hold");
    // Next poll the file is fixed: the quote is back in band and nothing moves.
    const fixed = breakerDecide({
      published: 0.4,
      pending: glitch.kind === "hold" ? glitch.pending : null,
      value: 0.4,
      sources: ["litellm"],
      now: later(90),
    });
    expect(fixed).toEqual({ kind: "unchanged" });
  });

  it("a persistent ×1000 unit error repeated by one source is never confirmed by repetition", () => {
    const held = { value: 8000, first_seen_at: t0.toISOString(), sources: ["litellm"] };
    const again = breakerDecide({ published: 8, pending: held, value: 8000, sources: ["litellm"], now: later(180) });
    expect(again.kind).toBe("hold");
    if (again.kind === "hold") expect(again.reason).toContain("1000× move looks like a unit error");
  });

  it("a pending move older than 48 h is replaced, not confirmed; a different value restarts the clock", () => {
    const held = { value: 8, first_seen_at: t0.toISOString(), sources: ["litellm"] };
    const stale = breakerDecide({ published: 40, pending: held, value: 8, sources: ["litellm"], now: later(49 * 60) });
    expect(stale).toMatchObject({ kind: "hold", pending: { first_seen_at: later(49 * 60).toISOString() } });
    const other = breakerDecide({ published: 40, pending: held, value: 10, sources: ["litellm"], now: later(120) });
    expect(other).toMatchObject({ kind: "hold", pending: { value: 10 } });
  });
});
