import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { get_encoding, type Tiktoken } from "tiktoken";
import { afterAll, describe, expect, it } from "vitest";
import { SHARED_DIR } from "../../harness/shared-path";
import { textChunks } from "./text-chunks";

const encs: Record<string, Tiktoken> = { o200k_base: get_encoding("o200k_base"), cl100k_base: get_encoding("cl100k_base") };
afterAll(() => Object.values(encs).forEach((e) => e.free()));

const whole = (enc: Tiktoken, s: string) => enc.encode_ordinary(s).length;
const chunked = (enc: Tiktoken, s: string, target: number) => textChunks(s, target).reduce((n, c) => n + enc.encode_ordinary(c).length, 0);

// Characters that stress the pre-tokeniser: letters of several scripts and cases, marks, digits,
// apostrophes (contractions), spaces, tabs, newlines, punctuation, CJK, emoji.
const ALPHABET = [..."aZéßΩж中文字 \t\n\r'’.,;!?/-_0123456789", "😀", "\u0301", "  ", "'s", "'LL", " \n"];

describe("textChunks", () => {
  it("joins back to the input", () => {
    const s = "alpha beta gamma ".repeat(2000);
    expect(textChunks(s, 100).join("")).toBe(s);
    expect(textChunks(s, 100).length).toBeGreaterThan(100);
  });

  it("keeps a text without a letter-space-letter as one chunk", () => {
    expect(textChunks("a".repeat(50_000), 1000)).toHaveLength(1);
    expect(textChunks("中".repeat(30_000), 1000)).toHaveLength(1);
  });

  for (const name of Object.keys(encs)) {
    it(`sums to tiktoken's whole-text count on random text (${name})`, () => {
      const enc = encs[name]!;
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...ALPHABET), { maxLength: 400 }), fc.integer({ min: 1, max: 40 }), (parts, target) => {
          const s = parts.join("");
          expect(chunked(enc, s, target)).toBe(whole(enc, s));
        }),
        { numRuns: 400, seed: 20260821, endOnFailure: true },
      );
    });

    it(`sums to tiktoken's count on real prose and specs (${name})`, () => {
      const enc = encs[name]!;
      const text = ["seeds/how-it-works.txt", "SPEC.md", "reference/quant/MATH.md"].map((f) => readFileSync(join(SHARED_DIR, f), "utf8")).join("\n\n");
      for (const target of [64, 1000, 16_384]) expect(chunked(enc, text, target)).toBe(whole(enc, text));
    });
  }
});
