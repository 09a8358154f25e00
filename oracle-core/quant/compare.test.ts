// compare(): one profile on many models, cheapest first (ties by id), with the forward cost.
import { describe, expect, it } from "vitest";
import { compare } from "./index";

const profile = { n_in: 30000, n_out: 800, eta: 0.6 };

describe("compare", () => {
  it("prices, ranks ascending by cost and forwards at the horizon", () => {
    const r = compare(
      profile,
      [
        { id: "SONNET-4", beta: 15, r_in: 0.2, r_cache: 0.02, theta: 0.5 },
        { id: "GPT-4.1", beta: 8, r_in: 0.25, r_cache: 0.0625 },
      ],
      { horizon: 0.5 },
    );
    // GPT-4.1: 8·(800 + 30000·(0.25·0.4 + 0.0625·0.6))·1e−6 = 8·4925e−6 = 0.0394
    expect(r.rows.map((x) => x.id)).toEqual(["GPT-4.1", "SONNET-4"]);
    expect(r.rows[0]!.cost).toBeCloseTo(0.0394, 15);
    expect(r.rows[1]!.cost).toBeCloseTo(0.0534, 15);
    expect(r.rows.map((x) => x.rank)).toEqual([1, 2]);
    expect(r.rows[1]!.forward_cost).toBeCloseTo(0.0534 * Math.exp(-0.25), 15);
    expect(r.rows[0]!).toMatchObject({ theta: 0.4, theta_source: "default" });
    expect(r.rows[0]!.forward_cost).toBeCloseTo(0.0394 * Math.exp(-0.2), 15);
  });

  it("breaks cost ties by id and rejects duplicate ids", () => {
    const same = { beta: 10, r_in: 0.5 };
    const r = compare(profile, [
      { id: "b", ...same },
      { id: "a", ...same },
      { id: "c", ...same },
    ]);
    expect(r.rows.map((x) => x.id)).toEqual(["a", "b", "c"]);
    expect(() =>
      compare(profile, [
        { id: "a", ...same },
        { id: "a", ...same },
      ]),
    ).toThrow(expect.objectContaining({ code: "E_SCHEMA" }));
  });

  it("propagates task-cost validation (η outside [0,1] is rejected, not clamped)", () => {
    expect(() => compare({ ...profile, eta: 1.2 }, [{ id: "x", beta: 1, r_in: 1 }])).toThrow(
      expect.objectContaining({ code: "E_ETA_RANGE" }),
    );
  });
});
