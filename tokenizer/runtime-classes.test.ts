import { describe, expect, it } from "vitest";
import { runtimeClassesAgree } from "./runtime-classes";
import { compileRuntimeSplitPattern, compileSplitPattern } from "./split-pattern";

const O200K =
  "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?|[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
const SAMPLE =
  "Hello World's THE'S 12345 ünïcödé, 中文テキスト 한국어 😀 Ωμέγα\u0085x\ufeffy\r\n\tconst x = f(y) => y ** 2; it'ſ";

describe("runtimeClassesAgree", () => {
  it("holds for text whose code points every Unicode version since 16 classifies alike", () => {
    expect(runtimeClassesAgree(SAMPLE)).toBe(true);
    expect(runtimeClassesAgree("")).toBe(true);
  });

  it("fails on a code point whose class changed after Unicode 16 when this runtime knows the newer table", () => {
    // U+088F (ARABIC LETTER NOON WITH RING ABOVE) became a letter in Unicode 17; tiktoken 1.0.22 says it is none.
    const runtimeSaysLetter = /^\p{L}$/u.test("\u088f");
    expect(runtimeClassesAgree(`a\u088fb`)).toBe(!runtimeSaysLetter);
    expect(runtimeClassesAgree("ab")).toBe(true); // remembered per code point, not per text
  });
});

describe("compileRuntimeSplitPattern", () => {
  it("splits exactly like the spelled-out pattern where the classes agree, from a pattern ~60× smaller", () => {
    const exact = compileSplitPattern(O200K);
    const fast = compileRuntimeSplitPattern(O200K);
    expect(SAMPLE.match(fast)).toEqual(SAMPLE.match(exact));
    expect(SAMPLE.match(fast)!.slice(0, 4)).toEqual(["Hello", " World's", " THE'S", " "]);
    expect(fast.source.length * 60).toBeLessThan(exact.source.length);
  });
});
