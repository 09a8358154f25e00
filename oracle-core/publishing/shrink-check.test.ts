import { describe, expect, it } from "vitest";
import { shrinkCheck } from "./shrink-check";

describe("shrinkCheck", () => {
  it("passes at exactly half the previous count and rejects below it", () => {
    expect(shrinkCheck(109, 218)).toBeNull();
    expect(shrinkCheck(108, 218)).toBe(
      "E_SHRINK: 108 models listed, fewer than half of the 218 listed before; source rejected for this run",
    );
  });

  it("passes growth and first runs", () => {
    expect(shrinkCheck(300, 218)).toBeNull();
    expect(shrinkCheck(1, undefined)).toBeNull();
    expect(shrinkCheck(1, 0)).toBeNull();
  });
});
