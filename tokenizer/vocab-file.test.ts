import { describe, expect, it } from "vitest";
import { readBpeFile, writeBpeFile, type BpeHeader } from "./vocab-file";

const header: BpeHeader = {
  name: "toy",
  pattern: "\\p{L}+| ?\\p{N}+|\\s+",
  idOffset: 10,
  addedTokens: [{ content: "<|x|>", id: 3 }],
  source: { package: "none", version: "0", file: "-", license: "MIT" },
};
const tokens = [..."abc "].map((c) => Uint8Array.of(c.charCodeAt(0)));
tokens.push(Uint8Array.of(0x61, 0x62), Uint8Array.of(0x61, 0x62, 0x63));

describe("vocabulary files", () => {
  it("round-trip: the header, and each rank's bytes found by the table", () => {
    const v = readBpeFile(writeBpeFile(header, tokens));
    expect(v).toMatchObject({ name: "toy", idOffset: 10, ranks: 6, addedTokens: [{ content: "<|x|>", id: 3 }] });
    expect(v.table.get(Uint8Array.of(0x61, 0x62, 0x63), 0, 3)).toBe(5);
    expect(v.table.get(Uint8Array.of(0x62, 0x63), 0, 2)).toBe(-1);
    expect(Array.from(v.table.bytesOf(4))).toEqual([0x61, 0x62]);
  });

  it("refuses a file that is not one, or is truncated (E_TOKENIZER_DATA)", () => {
    const good = writeBpeFile(header, tokens);
    for (const bad of [new Uint8Array(3), good.subarray(0, good.length - 1), Uint8Array.from(good).fill(0, 0, 8)]) {
      expect(() => readBpeFile(bad)).toThrow(expect.objectContaining({ code: "E_TOKENIZER_DATA" }));
    }
  });
});
