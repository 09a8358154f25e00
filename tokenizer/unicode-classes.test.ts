import { describe, expect, it } from "vitest";
import { probeClass } from "../scripts/gen-unicode-classes";
import { decodeRanges, encodeRanges } from "./code-point-set";
import { UNICODE_CLASSES } from "./unicode-classes";

describe("unicode-classes.ts (generated from tiktoken)", () => {
  // Re-probing every class takes seconds each; the two smallest stand for the generator's correctness.
  for (const [name, cls] of [
    ["N", "\\p{N}"],
    ["White_Space", "\\s"],
  ] as const) {
    it(`${name} equals what tiktoken's regex matches today`, () => {
      expect(UNICODE_CLASSES[name]).toBe(encodeRanges(probeClass(cls)));
    });
  }

  it("decodes to the expected sizes (Unicode 16: 141,028 letters, 25 whitespace code points)", () => {
    const size = (k: keyof typeof UNICODE_CLASSES) =>
      decodeRanges(UNICODE_CLASSES[k]).reduce((n, [a, b]) => n + b - a + 1, 0);
    expect(size("L")).toBe(141_028);
    expect(size("White_Space")).toBe(25);
    expect(size("N")).toBe(1911);
  });
});
