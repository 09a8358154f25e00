import { describe, expect, it } from "vitest";
import { FLAT_DRIFT, forwardDirection } from "./forward-direction";

const row = (beta: number, f12: number) => ({ beta, forwards: { "1M": beta, "3M": beta, "6M": beta, "12M": f12 } });

describe("forwardDirection", () => {
  it("reads the 12M forward against spot: down, up, or flat within ±1%", () => {
    expect(forwardDirection(row(8, 7.5))).toEqual({ direction: "down", change: -0.0625 });
    expect(forwardDirection(row(2, 2.1)).direction).toBe("up");
    // GPT-4.1 on 2026-11-24: superseded, P(change in 12M) ≈ 0.23%, forward $7.99379: no arrow.
    expect(forwardDirection(row(8, 7.99379)).direction).toBe("flat");
    expect(forwardDirection(row(10, 10 * (1 - FLAT_DRIFT))).direction).toBe("down");
    expect(forwardDirection(row(10, 10 * (1 - FLAT_DRIFT / 2))).direction).toBe("flat");
  });

  it("a free model has no direction", () => {
    expect(forwardDirection(row(0, 0))).toEqual({ direction: "flat", change: 0 });
  });
});
