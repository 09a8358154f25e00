import { readFileSync } from "node:fs";
import fc from "fast-check";
import { get_encoding } from "tiktoken";
import { beforeAll, describe, expect, it } from "vitest";
import { readBuilt } from "../test/tokens/vocab-files";
import { mergeLong, mergeShort } from "./bpe-merge";
import { BpeEncoder } from "./bpe-encoder";
import { readBpeFile, type BpeVocabulary } from "./vocab-file";

let v: BpeVocabulary;
beforeAll(async () => {
  v = readBpeFile(await readBuilt("o200k_base.bpe"));
});

const merge = (f: typeof mergeShort, bytes: Uint8Array) => {
  const out: number[] = [];
  f(v.table, bytes, bytes.length, out, 0);
  return out;
};

describe("byte-pair merge", () => {
  it("the heap merge and tiktoken's scan give the same tokens on any bytes (both paths, forced)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(..."aaab e中😀\n.0".split("").map((c) => c.charCodeAt(0) & 255), 0x61, 0x20, 0xe4, 0xb8),
          { minLength: 2, maxLength: 63 },
        ),
        (xs) => {
          const b = Uint8Array.from(xs);
          expect(merge(mergeLong, b)).toEqual(merge(mergeShort, b));
        },
      ),
      { numRuns: 500, seed: 14 },
    );
  });

  it("equals tiktoken on a long piece: 1,000 × 'a' is 125 tokens of 8 a's", () => {
    const tk = get_encoding("o200k_base");
    const text = "a".repeat(1000);
    expect(merge(mergeLong, new TextEncoder().encode(text))).toEqual(Array.from(tk.encode_ordinary(text)));
    expect(new BpeEncoder(v).count(text)).toBe(125);
    tk.free();
  });

  it("counts 'hello world' as 2 tokens and resumes exactly at piece boundaries", () => {
    const enc = new BpeEncoder(v);
    expect(enc.encode("hello world")).toEqual([24912, 2375]);
    const text = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const c = enc.cursor(text);
    while (!c.done) c.advance(97);
    expect(c.tokens).toBe(enc.encode(text).length);
  });
});
