import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isOracleError } from "../errors";
import { decodeBase64, encodeBase64 } from "./base64";
import { fromHex, toHex } from "./hex";
import { utf8Decode, utf8Encode } from "./utf8";

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isOracleError(e) ? e.code : `not an OracleError: ${String(e)}`;
  }
  return undefined;
}

describe("base64", () => {
  // RFC 4648 §10 test vectors.
  it.each([
    ["", ""],
    ["f", "Zg=="],
    ["fo", "Zm8="],
    ["foo", "Zm9v"],
    ["foob", "Zm9vYg=="],
    ["fooba", "Zm9vYmE="],
    ["foobar", "Zm9vYmFy"],
  ])("RFC 4648 %j ↔ %s", (text, b64) => {
    expect(encodeBase64(utf8Encode(text))).toBe(b64);
    expect(utf8Decode(decodeBase64(b64))).toBe(text);
  });
  it("round-trips arbitrary bytes and agrees with Node's Buffer (300 runs)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => {
        const s = encodeBase64(b);
        expect(s).toBe(Buffer.from(b).toString("base64"));
        expect([...decodeBase64(s)]).toEqual([...b]);
      }),
      { numRuns: 300, seed: 4648 },
    );
  });
  it("encodes large arrays (chunking) the same as Buffer", () => {
    const big = new Uint8Array(200_001).map((_, i) => (i * 31) & 255);
    expect(encodeBase64(big)).toBe(Buffer.from(big).toString("base64"));
  });
  it.each([
    ["missing padding", "Zg"],
    ["too much padding", "Zg==="],
    ["url-safe alphabet", "-_8="],
    ["whitespace", "Zm9v\nYmFy"],
    ["padding in the middle", "Zg==Zm9v"],
    ["non-zero padding bits (Zh== decodes like Zg==)", "Zh=="],
    ["non-zero padding bits (Zm9=)", "Zm9="],
    ["stray character", "Zm9v*"],
  ])("rejects %s", (_n, s) => {
    expect(code(() => decodeBase64(s))).toBe("E_MALFORMED");
  });
});

describe("hex", () => {
  it("round-trips", () => {
    expect(toHex(new Uint8Array([0, 1, 15, 16, 255]))).toBe("00010f10ff");
    expect([...fromHex("00010f10ff")]).toEqual([0, 1, 15, 16, 255]);
  });
  it.each([["abc"], ["ABCD"], ["zz"], [" 00"]])("rejects %j", (s) => {
    expect(code(() => fromHex(s))).toBe("E_MALFORMED");
  });
});

describe("utf8", () => {
  it("decodes strictly", () => {
    expect(code(() => utf8Decode(new Uint8Array([0xc3, 0x28])))).toBe("E_MALFORMED");
    expect(code(() => utf8Decode(new Uint8Array([0xed, 0xa0, 0x80])))).toBe("E_MALFORMED"); // encoded surrogate
    expect(utf8Decode(new Uint8Array([0xe2, 0x82, 0xac]))).toBe("€");
  });
  it("keeps a BOM rather than silently dropping it", () => {
    expect(utf8Decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]))).toBe("\ufeff{}");
  });
});
