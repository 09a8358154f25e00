import { describe, expect, it } from "vitest";
import { modelInfo, pick } from "./model-info";

describe("modelInfo", () => {
  it("keeps well-formed facts and drops the rest", () => {
    expect(
      modelInfo({
        context_window: 1047576,
        max_output: 0,
        release_date: "2025-04-14",
        reasoning: "yes",
        deprecated: true,
        retires_on: "soon",
        comment: "",
      }),
    ).toEqual({
      context_window: 1047576,
      release_date: "2025-04-14",
      deprecated: true,
    });
    expect(modelInfo({ context_window: Number.POSITIVE_INFINITY, comment: "Batch API offers 50% discount" })).toEqual({
      comment: "Batch API offers 50% discount",
    });
    expect(modelInfo({})).toEqual({});
  });
});

describe("pick", () => {
  it("reads a nested value and stops at anything that is not an object", () => {
    expect(pick({ limit: { context: 8192 } }, "limit", "context")).toBe(8192);
    expect(pick({ limit: null }, "limit", "context")).toBeUndefined();
    expect(pick({ limit: [1, 2] }, "limit", "0")).toBeUndefined();
    expect(pick("text", "length")).toBeUndefined();
  });
});
