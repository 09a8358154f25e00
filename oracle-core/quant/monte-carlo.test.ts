// §10.3 simulator mechanics: determinism, chunking, progress, cancellation, tenor 0 and the no-volatility limit.
import { describe, expect, it } from "vitest";
import { isOracleError } from "../errors";
import { mertonParams, simulateMerton, simulateMertonChunks } from "./index";

const GPT41 = { beta: 8, theta: 0.9, sigma_month: 0.12 };

describe("simulateMerton", () => {
  it("is reproducible for a seed and independent of the chunk size", () => {
    const a = simulateMerton(GPT41, { paths: 3000, seed: 7, chunkSize: 1000 });
    const b = simulateMerton(GPT41, { paths: 3000, seed: 7, chunkSize: 7 });
    expect(b).toEqual(a);
    expect(simulateMerton(GPT41, { paths: 3000, seed: 8 }).tenors["12M"]!.mean).not.toBe(a.tenors["12M"]!.mean);
  });

  it("reports progress after every chunk and the generator yields the same result", () => {
    const seen: number[] = [];
    const res = simulateMerton(GPT41, { paths: 2500, seed: 1, chunkSize: 1000, onProgress: (p) => seen.push(p.done) });
    expect(seen).toEqual([1000, 2000, 2500]);
    const it = simulateMertonChunks(GPT41, { paths: 2500, seed: 1, chunkSize: 1000 });
    const yielded: number[] = [];
    let r = it.next();
    while (!r.done) {
      yielded.push(r.value.done);
      r = it.next();
    }
    expect(yielded).toEqual([1000, 2000, 2500]);
    expect(r.value).toEqual(res);
  });

  it("throws E_CANCELLED when the signal is aborted between chunks", () => {
    const signal = { aborted: false };
    let caught: unknown;
    try {
      simulateMerton(GPT41, {
        paths: 5000,
        seed: 1,
        chunkSize: 1000,
        signal,
        onProgress: (p) => (signal.aborted = p.done >= 2000),
      });
    } catch (e) {
      caught = e;
    }
    expect(isOracleError(caught) && caught.code).toBe("E_CANCELLED");
  });

  it("every path equals β at tenor 0, and percentiles are ordered", () => {
    const r = simulateMerton(GPT41, { paths: 500, seed: 3, tenors: { "0": 0, "6M": 0.5 } });
    expect(r.tenors["0"]).toEqual({ t: 0, mean: 8, sd: 0, p5: 8, p25: 8, p50: 8, p75: 8, p95: 8 });
    const s = r.tenors["6M"]!;
    expect(s.p5 <= s.p25 && s.p25 <= s.p50 && s.p50 <= s.p75 && s.p75 <= s.p95).toBe(true);
  });

  it("with σ = 0 and no jumps every path is β·e^(μt) = β·e^(−θt)", () => {
    const r = simulateMerton(
      { beta: 10, theta: 0.5, sigma_month: 0, lambda_j: 0 },
      { paths: 100, seed: 1, tenors: { "1Y": 1 } },
    );
    expect(mertonParams({ theta: 0.5, sigma_month: 0, lambda_j: 0 }).mu).toBe(-0.5);
    expect(r.tenors["1Y"]!.p50).toBeCloseTo(10 * Math.exp(-0.5), 14);
    expect(r.tenors["1Y"]!.p5).toBe(r.tenors["1Y"]!.p95);
  });

  it("rejects bad options with E_BAD_MC_PARAM / E_NEG_TENOR", () => {
    expect(() => simulateMerton(GPT41, { paths: 0 })).toThrow(expect.objectContaining({ code: "E_BAD_MC_PARAM" }));
    expect(() => simulateMerton(GPT41, { seed: -1 })).toThrow(expect.objectContaining({ code: "E_BAD_MC_PARAM" }));
    expect(() => simulateMerton({ ...GPT41, sigma_j: -0.1 })).toThrow(
      expect.objectContaining({ code: "E_BAD_MC_PARAM" }),
    );
    expect(() => simulateMerton(GPT41, { tenors: { bad: -1 } })).toThrow(
      expect.objectContaining({ code: "E_NEG_TENOR" }),
    );
  });
});
