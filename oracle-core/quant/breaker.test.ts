// §8.6 / SPEC §4 rule 6 breaker stories, step by step (times in ms since the epoch).
import { describe, expect, it } from "vitest";
import { INITIAL_BREAKER_STATE, breakerStep, type BreakerState } from "./index";

const H = 3_600_000;
const T0 = Date.UTC(2025, 0, 8, 12);

function run(state: BreakerState, steps: [number, number][]): { state: BreakerState; results: string[] } {
  const results: string[] = [];
  for (const [price, at] of steps) {
    const r = breakerStep(state, { price }, at);
    state = r.state;
    results.push(r.result);
  }
  return { state, results };
}

describe("breakerStep", () => {
  const base = breakerStep(INITIAL_BREAKER_STATE, { price: 8 }, T0 - 24 * H).state;

  it("accepts the first quote unconditionally and a ≤ 15% move; holds a larger one", () => {
    expect(breakerStep(INITIAL_BREAKER_STATE, { price: 1000 }, T0).outcome).toBe("accepted");
    const r = breakerStep(base, { price: 6.81 }, T0); // −14.875%
    expect(r.outcome).toBe("accepted");
    expect(r.state.accepted).toBe(6.81);
    expect(breakerStep(base, { price: 9.21 }, T0).outcome).toBe("held"); // +15.125%
  });

  it("holds a 50% cut, then confirms it with a quote within 0.1% ≥ 1 h later (index-001 gpt-4.1)", () => {
    const { state, results } = run(base, [
      [4, T0],
      [4.003, T0 + 21 * H],
    ]);
    expect(results).toEqual(["pending", "confirmed"]);
    expect(state.accepted).toBe(4.003);
    expect(state.pending).toBeNull();
  });

  it("a confirming quote < 1 h later is too soon and keeps the first pending time", () => {
    const { state, results } = run(base, [
      [4, T0],
      [4, T0 + 0.5 * H],
      [4, T0 + 1 * H],
    ]);
    expect(results).toEqual(["pending", "pending_too_soon", "confirmed"]);
    expect(state.accepted).toBe(4);
  });

  it("a different price replaces the pending quote; a quote outside 0.1% does not confirm", () => {
    const { state, results } = run(base, [
      [4, T0],
      [4.01, T0 + 2 * H],
    ]);
    expect(results).toEqual(["pending", "pending"]);
    expect(state.accepted).toBe(8);
    expect(state.pending).toEqual({ price: 4.01, since: T0 + 2 * H });
  });

  it("a pending quote older than 48 h is replaced, not confirmed", () => {
    const { state, results } = run(base, [
      [4, T0],
      [4, T0 + 49 * H],
    ]);
    expect(results).toEqual(["pending", "pending"]);
    expect(state.pending).toEqual({ price: 4, since: T0 + 49 * H });
  });

  it("an in-band quote accepts and clears the pending quote", () => {
    const { state, results } = run(base, [
      [4, T0],
      [8.1, T0 + H],
    ]);
    expect(results).toEqual(["pending", "accepted"]);
    expect(state.pending).toBeNull();
  });

  it("rejects quotes ≤ 0 without touching the state; non-numbers throw E_NOT_FINITE", () => {
    const r = breakerStep(base, { price: 0 }, T0);
    expect(r.outcome).toBe("rejected");
    expect(r.state).toBe(base);
    expect(() => breakerStep(base, { price: Number.NaN }, T0)).toThrow(
      expect.objectContaining({ code: "E_NOT_FINITE" }),
    );
  });

  it("does not mutate the input state", () => {
    const snapshot = structuredClone(base);
    breakerStep(base, { price: 4 }, T0);
    expect(base).toEqual(snapshot);
  });
});
