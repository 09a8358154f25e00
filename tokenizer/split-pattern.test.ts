import { describe, expect, it } from "vitest";
import { compileSplitPattern } from "./split-pattern";

const O200K =
  "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?|[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
const CL100K =
  "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
const pieces = (pat: string, s: string) => s.match(compileSplitPattern(pat)) ?? [];

describe("compileSplitPattern", () => {
  it("splits like tiktoken's cl100k_base pattern (contractions, digit triples, spaces)", () => {
    expect(pieces(CL100K, "Hello world's  THE'S 12345")).toEqual([
      "Hello",
      " world",
      "'s",
      " ",
      " THE",
      "'S",
      " ",
      "123",
      "45",
    ]);
  });

  it("matches contractions case-insensitively with Rust's folding: 'ſ (U+017F) is 's", () => {
    expect(pieces(CL100K, "it'ſ")).toEqual(["it", "'ſ"]);
    expect(pieces(O200K, "it'ſ")).toEqual(["it'ſ"]);
  });

  it("uses Rust's \\s: U+0085 is whitespace, U+FEFF is not (JS says the opposite)", () => {
    expect(pieces(CL100K, "a\u0085b")).toEqual(["a", "\u0085b"]);
    expect(pieces(CL100K, "a\ufeffb")).toEqual(["a", "\ufeffb"]);
    expect(/\s/.test("\ufeff") && !/\s/.test("\u0085")).toBe(true);
  });

  it("uses Unicode 16 letters, not the runtime's newer table (U+088F is a letter only since Unicode 17)", () => {
    // tiktoken: U+088F is no letter, so it prefixes the next letter run (a Unicode-17 table would make "a\u088fb" one
    // piece).
    expect(pieces(CL100K, "a\u088fb")).toEqual(["a", "\u088fb"]);
    expect(pieces(CL100K, " \u088fb")).toEqual([" \u088f", "b"]);
  });

  it("refuses syntax it does not translate, with a code", () => {
    for (const bad of ["a.b", "\\d+", "\\w", "(?<x>a)", "^a", "[a"])
      expect(() => compileSplitPattern(bad), bad).toThrow(expect.objectContaining({ code: "E_TOKENIZER_PATTERN" }));
  });
});
