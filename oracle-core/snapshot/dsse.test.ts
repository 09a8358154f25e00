import { describe, expect, it } from "vitest";
import { isOracleError } from "../errors";
import { parseEnvelope, pae, PAYLOAD_TYPE } from "./dsse";
import { utf8Decode, utf8Encode } from "./utf8";

const K = "ab".repeat(32);

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isOracleError(e) ? e.code : `not an OracleError: ${String(e)}`;
  }
  return undefined;
}

describe("PAE", () => {
  it("matches the DSSE spec example byte for byte", () => {
    const out = pae("http://example.com/HelloWorld", utf8Encode("hello world"));
    expect(utf8Decode(out)).toBe("DSSEv1 29 http://example.com/HelloWorld 11 hello world");
  });
  it("counts bytes, not characters, and allows an empty body", () => {
    expect(utf8Decode(pae("é", new Uint8Array()))).toBe("DSSEv1 2 é 0 ");
    // "application/vnd.exostream.snapshot+json; version=1" is 12 + 4 + 10 + 14 + 10 = 50 bytes ("application/", "vnd.",
    // "exostream.", "snapshot+json;", " version=1").
    expect(utf8Decode(pae(PAYLOAD_TYPE, utf8Encode("{}")))).toBe(`DSSEv1 50 ${PAYLOAD_TYPE} 2 {}`);
  });
});

describe("envelope schema", () => {
  const ok = { payloadType: PAYLOAD_TYPE, payload: "e30=", signatures: [{ keyid: K, sig: "AAAA" }] };
  it("accepts a well-formed envelope and drops unknown fields", () => {
    const env = parseEnvelope({ ...ok, extra: "ignored", signatures: [{ ...ok.signatures[0], note: 1 }] });
    expect(env).toEqual(ok);
  });
  it.each([
    ["not an object", "x"],
    ["null", null],
    ["no signatures", { ...ok, signatures: [] }],
    ["9 signatures", { ...ok, signatures: Array.from({ length: 9 }, () => ok.signatures[0]) }],
    ["upper-case keyid", { ...ok, signatures: [{ keyid: K.toUpperCase(), sig: "AAAA" }] }],
    ["short keyid", { ...ok, signatures: [{ keyid: "ab", sig: "AAAA" }] }],
    ["sig not base64", { ...ok, signatures: [{ keyid: K, sig: "%%%%" }] }],
    ["payload not base64", { ...ok, payload: "e30" }],
    ["empty payload", { ...ok, payload: "" }],
    ["payloadType missing", { payload: ok.payload, signatures: ok.signatures }],
    ["payload a number", { ...ok, payload: 5 }],
  ])("rejects %s with E_MALFORMED", (_n, v) => {
    expect(code(() => parseEnvelope(v))).toBe("E_MALFORMED");
  });
});
