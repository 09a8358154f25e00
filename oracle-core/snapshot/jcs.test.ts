import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isOracleError } from "../errors";
import { toHex } from "./hex";
import { canonicalBytes, canonicalize, MAX_DEPTH } from "./jcs";

function f64(hexBits: string): number {
  const v = new DataView(new ArrayBuffer(8));
  v.setBigUint64(0, BigInt(`0x${hexBits}`));
  return v.getFloat64(0);
}

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isOracleError(e) ? e.code : `not an OracleError: ${String(e)}`;
  }
  return undefined;
}

describe("RFC 8785 Appendix B: number serialisation", () => {
  // [IEEE 754 bits, expected JCS text], copied from the RFC's table.
  const table: Array<[string, string]> = [
    ["0000000000000000", "0"],
    ["8000000000000000", "0"], // minus zero
    ["0000000000000001", "5e-324"],
    ["8000000000000001", "-5e-324"],
    ["7fefffffffffffff", "1.7976931348623157e+308"],
    ["ffefffffffffffff", "-1.7976931348623157e+308"],
    ["4340000000000000", "9007199254740992"],
    ["c340000000000000", "-9007199254740992"],
    ["4430000000000000", "295147905179352830000"],
    ["44b52d02c7e14af5", "9.999999999999997e+22"],
    ["44b52d02c7e14af6", "1e+23"],
    ["44b52d02c7e14af7", "1.0000000000000001e+23"],
    ["444b1ae4d6e2ef4e", "999999999999999700000"],
    ["444b1ae4d6e2ef4f", "999999999999999900000"],
    ["444b1ae4d6e2ef50", "1e+21"],
    ["3eb0c6f7a0b5ed8c", "9.999999999999997e-7"],
    ["3eb0c6f7a0b5ed8d", "0.000001"],
    ["41b3de4355555553", "333333333.3333332"],
    ["41b3de4355555554", "333333333.33333325"],
    ["41b3de4355555555", "333333333.3333333"],
    ["41b3de4355555556", "333333333.3333334"],
    ["41b3de4355555557", "333333333.33333343"],
    ["becbf647612f3696", "-0.0000033333333333333333"],
    ["43143ff3c1cb0959", "1424953923781206.2"],
  ];
  it.each(table)("%s → %s", (bits, text) => {
    expect(canonicalize(f64(bits))).toBe(text);
  });
  it.each([["7fffffffffffffff"], ["7ff0000000000000"], ["fff0000000000000"]])(
    "%s (NaN/±Infinity) → E_MALFORMED",
    (bits) => {
      expect(code(() => canonicalize(f64(bits)))).toBe("E_MALFORMED");
    },
  );
});

describe("RFC 8785 §3.2.3: sorting by UTF-16 code units", () => {
  it("orders the RFC's example keys", () => {
    const input = JSON.parse(String.raw`{
      "\u20ac": "Euro Sign",
      "\r": "Carriage Return",
      "\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face",
      "\u0080": "Control",
      "\u00f6": "Latin Small Letter O With Diaeresis"
    }`);
    // Read the values back in text order (Object.values would move the integer-like key "1" first).
    const values = [...canonicalize(input).matchAll(/:"([^"]*)"/g)].map((m) => m[1]);
    expect(values).toEqual([
      "Carriage Return",
      "One",
      "Control",
      "Latin Small Letter O With Diaeresis",
      "Euro Sign",
      "Emoji: Grinning Face",
      "Hebrew Letter Dalet With Dagesh",
    ]);
    expect(canonicalize(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });
});

describe("RFC 8785 §3.2.2 / §3.2.4: the full example", () => {
  const input = String.raw`{
    "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
    "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
    "literals": [null, true, false]
  }`;
  const expected = String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`;
  it("canonical text", () => {
    expect(canonicalize(JSON.parse(input))).toBe(expected);
  });
  it("canonical UTF-8 bytes (the RFC's hex dump)", () => {
    const dump = `7b 22 6c 69 74 65 72 61 6c 73 22 3a 5b 6e 75 6c 6c 2c 74 72
      75 65 2c 66 61 6c 73 65 5d 2c 22 6e 75 6d 62 65 72 73 22 3a
      5b 33 33 33 33 33 33 33 33 33 2e 33 33 33 33 33 33 33 2c 31
      65 2b 33 30 2c 34 2e 35 2c 30 2e 30 30 32 2c 31 65 2d 32 37
      5d 2c 22 73 74 72 69 6e 67 22 3a 22 e2 82 ac 24 5c 75 30 30
      30 66 5c 6e 41 27 42 5c 22 5c 5c 5c 5c 5c 22 2f 22 7d`;
    expect(toHex(canonicalBytes(JSON.parse(input)))).toBe(dump.replace(/\s+/g, ""));
  });
});

describe("canonicalize: structure and escapes", () => {
  it("sorts nested keys, keeps array order, no whitespace", () => {
    expect(canonicalize({ b: [3, { z: 1, a: 2 }], a: null, c: "x" })).toBe('{"a":null,"b":[3,{"a":2,"z":1}],"c":"x"}');
  });
  it("escapes control characters as lower-case \\u00xx and short escapes", () => {
    expect(canonicalize('\b\t\n\f\r\u0001\u001f"\\/\u007f')).toBe('"\\b\\t\\n\\f\\r\\u0001\\u001f\\"\\\\/\u007f"');
  });
  it("accepts objects with a null prototype and empty containers", () => {
    const o = Object.create(null) as Record<string, unknown>;
    o["k"] = [];
    o["j"] = {};
    expect(canonicalize(o)).toBe('{"j":{},"k":[]}');
  });
  it("is idempotent through JSON.parse (property, 500 runs)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const c = canonicalize(v);
        expect(canonicalize(JSON.parse(c))).toBe(c);
      }),
      { numRuns: 500, seed: 8785 },
    );
  });
});

describe("canonicalize: rejections (E_MALFORMED)", () => {
  class Thing {
    a = 1;
  }
  const cyclic: Record<string, unknown> = { a: 1 };
  cyclic["self"] = cyclic;
  const cases: Array<[string, unknown]> = [
    ["undefined", undefined],
    ["undefined member", { a: undefined }],
    ["function", { f: () => 1 }],
    ["symbol", Symbol("s")],
    ["bigint", 10n],
    ["NaN in array", [1, Number.NaN]],
    ["Date", new Date(0)],
    ["Map", new Map()],
    ["class instance", new Thing()],
    ["Uint8Array", new Uint8Array(2)],
    ["sparse array", [1, , 3]],
    ["cycle", cyclic],
    ["lone high surrogate", "a\ud800b"],
    ["lone low surrogate key", { "\udc00": 1 }],
    ["symbol key", { [Symbol("k")]: 1 }],
  ];
  it.each(cases)("%s", (_name, v) => {
    expect(code(() => canonicalize(v))).toBe("E_MALFORMED");
  });
  it("refuses nesting deeper than MAX_DEPTH instead of overflowing the stack", () => {
    const deep = JSON.parse("[".repeat(100_000) + "]".repeat(100_000));
    expect(code(() => canonicalize(deep))).toBe("E_MALFORMED");
    expect(canonicalize(JSON.parse("[".repeat(MAX_DEPTH) + "]".repeat(MAX_DEPTH)))).toBe(
      "[".repeat(MAX_DEPTH) + "]".repeat(MAX_DEPTH),
    );
  });
  it("allows the same object twice when it is not a cycle", () => {
    const shared = { x: 1 };
    expect(canonicalize([shared, shared])).toBe('[{"x":1},{"x":1}]');
  });
});
