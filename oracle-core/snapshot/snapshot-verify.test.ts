import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { OracleError } from "../errors";
import { decodeBase64, encodeBase64 } from "./base64";
import { PAYLOAD_TYPE, type DsseEnvelope } from "./dsse";
import { signDsse, signDsseBytes } from "./dsse-sign";
import { canonicalBytes } from "./jcs";
import { generateSigningKey, importSigningKey, pinKeys, type Signer, type TrustedKey } from "./keys";
import { sha256Hex } from "./sha256";
import { payloadSha256, signSnapshot } from "./snapshot-sign";
import { verifySnapshot } from "./snapshot-verify";
import { testSigner, testSnapshotPayload } from "../../test/support/test-signer";
import { utf8Encode } from "./utf8";

const T0 = Date.UTC(2026, 6, 1, 12, 0, 0); // issued_at 2026-07-01T12:00:00.000Z
const MIN = 60_000;
const HOUR = 60 * MIN;
const SKEW = 5 * MIN;

let A: Signer & { publicKeyRaw: string };
let B: Signer & { publicKeyRaw: string };
let C: Signer & { publicKeyRaw: string };
let keysAB: TrustedKey[];
let env: DsseEnvelope;

beforeAll(async () => {
  A = await testSigner("a");
  B = await testSigner("b");
  C = await importSigningKey((await generateSigningKey()).privateKeyPkcs8);
  keysAB = await pinKeys([A.publicKeyRaw, B.publicKeyRaw]);
  env = await signSnapshot(testSnapshotPayload(T0), A);
});

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "accepted";
  } catch (e) {
    return e instanceof OracleError ? e.code : `non-OracleError ${String(e)}`;
  }
}

describe("sign → verify", () => {
  it("round-trips and reports version, sha256 of the canonical bytes, keyid and times", async () => {
    const payload = testSnapshotPayload(T0);
    const v = await verifySnapshot(env, { keys: keysAB, now: T0 + MIN });
    expect(v.payload).toEqual(payload);
    expect(v.version).toBe(42);
    expect(v.keyid).toBe(A.keyid);
    expect(v.issued_at).toBe("2026-07-01T12:00:00.000Z");
    expect(v.expires_at).toBe("2026-07-01T15:00:00.000Z");
    expect(v.sha256).toBe(await sha256Hex(canonicalBytes(payload)));
    expect(v.sha256).toBe(await payloadSha256(env));
    expect(v.stale).toBe(false);
  });
  it("the payload on the wire is exactly the JCS bytes", () => {
    expect(decodeBase64(env.payload)).toEqual(canonicalBytes(testSnapshotPayload(T0)));
    expect(env.payloadType).toBe(PAYLOAD_TYPE);
    expect(env.signatures).toHaveLength(1);
  });
  it("signing is deterministic (Ed25519): same payload, same envelope", async () => {
    expect(await signSnapshot(testSnapshotPayload(T0), A)).toEqual(env);
  });
  it("accepts a Date for now, and a pinned key alone", async () => {
    const v = await verifySnapshot(env, { keys: await pinKeys([A.publicKeyRaw]), now: new Date(T0) });
    expect(v.version).toBe(42);
  });
  it("accepts an envelope signed by two trusted keys (rotation overlap), and ignores an untrusted signer", async () => {
    const both = await signSnapshot(testSnapshotPayload(T0), [B, A]);
    expect((await verifySnapshot(both, { keys: keysAB, now: T0 })).keyid).toBe(B.keyid);
    const withUntrusted = await signSnapshot(testSnapshotPayload(T0), [C, A]);
    expect((await verifySnapshot(withUntrusted, { keys: keysAB, now: T0 })).keyid).toBe(A.keyid);
  });
  it("applies parsePayload and maps its failure to E_MALFORMED", async () => {
    const schema = z.object({ version: z.int(), models: z.array(z.object({ ticker: z.string() })) });
    const v = await verifySnapshot(env, { keys: keysAB, now: T0, parsePayload: (j) => schema.parse(j) });
    expect(v.payload.models.map((m) => m.ticker)).toEqual(["OPUS-4.6", "GPT-5"]);
    const strict = z.object({ models: z.array(z.object({ ticker: z.number() })) });
    expect(await codeOf(verifySnapshot(env, { keys: keysAB, now: T0, parsePayload: (j) => strict.parse(j) }))).toBe(
      "E_MALFORMED",
    );
  });
  it("signSnapshot refuses a payload clients would reject as malformed", async () => {
    expect(await codeOf(signSnapshot({ version: 1 }, A))).toBe("E_MALFORMED");
    expect(await codeOf(signSnapshot(testSnapshotPayload(T0, { heartbeat_s: 0 }), A))).toBe("E_MALFORMED");
  });
});

describe("rejections, one per code", () => {
  it("E_MALFORMED: not an envelope", async () => {
    expect(await codeOf(verifySnapshot({ hello: 1 }, { keys: keysAB, now: T0 }))).toBe("E_MALFORMED");
  });
  it("E_PAYLOAD_TYPE: validly signed under another type", async () => {
    const e = await signDsse("application/json", testSnapshotPayload(T0), [A]);
    expect(await codeOf(verifySnapshot(e, { keys: keysAB, now: T0 }))).toBe("E_PAYLOAD_TYPE");
  });
  it("E_UNKNOWN_KEY: signed by a key that is not trusted", async () => {
    expect(await codeOf(verifySnapshot(env, { keys: await pinKeys([B.publicKeyRaw]), now: T0 }))).toBe("E_UNKNOWN_KEY");
    expect(
      await codeOf(verifySnapshot(await signSnapshot(testSnapshotPayload(T0), C), { keys: keysAB, now: T0 })),
    ).toBe("E_UNKNOWN_KEY");
  });
  it("E_SIG_INVALID: payload changed after signing", async () => {
    const forged = { ...env, payload: encodeBase64(canonicalBytes(testSnapshotPayload(T0, { version: 43 }))) };
    expect(await codeOf(verifySnapshot(forged, { keys: keysAB, now: T0 }))).toBe("E_SIG_INVALID");
  });
  it("E_SIG_INVALID: a bad trusted signature fails even beside a good one (documented policy)", async () => {
    const bad = { keyid: B.keyid, sig: env.signatures[0]!.sig };
    expect(
      await codeOf(verifySnapshot({ ...env, signatures: [env.signatures[0], bad] }, { keys: keysAB, now: T0 })),
    ).toBe("E_SIG_INVALID");
  });
  it("E_MALFORMED: the same keyid twice", async () => {
    const s = env.signatures[0]!;
    expect(await codeOf(verifySnapshot({ ...env, signatures: [s, s] }, { keys: keysAB, now: T0 }))).toBe("E_MALFORMED");
  });
  it("E_MALFORMED: validly signed but not canonical, not JSON, not an object, or missing header fields", async () => {
    const p = testSnapshotPayload(T0);
    const cases: Uint8Array[] = [
      utf8Encode(JSON.stringify(p)), // insertion order, not sorted
      utf8Encode(JSON.stringify(p, null, 2)),
      utf8Encode("not json"),
      utf8Encode("[1,2]"),
      canonicalBytes({ version: 42, issued_at: "2026-07-01T12:00:00Z" }),
      canonicalBytes(testSnapshotPayload(T0, { issued_at: "2026-07-01 12:00:00" })),
      canonicalBytes(testSnapshotPayload(T0, { issued_at: "2026-02-30T12:00:00Z" })),
      canonicalBytes(testSnapshotPayload(T0, { expires_at: new Date(T0).toISOString() })),
      canonicalBytes(testSnapshotPayload(T0, { version: -1 })),
      canonicalBytes(testSnapshotPayload(T0, { version: 1.5 })),
    ];
    for (const bytes of cases) {
      const e = await signDsseBytes(PAYLOAD_TYPE, new Uint8Array(bytes), [A]);
      expect(await codeOf(verifySnapshot(e, { keys: keysAB, now: T0 }))).toBe("E_MALFORMED");
    }
  });
  it("E_BAD_DATE: now is not a time", async () => {
    expect(await codeOf(verifySnapshot(env, { keys: keysAB, now: Number.NaN }))).toBe("E_BAD_DATE");
  });
  it("a trusted key outside its validity window counts as unknown", async () => {
    const [a] = await pinKeys([A.publicKeyRaw]);
    const retired = [{ ...a!, not_after: "2026-07-01T11:00:00Z" }];
    expect(await codeOf(verifySnapshot(env, { keys: retired, now: T0 }))).toBe("E_UNKNOWN_KEY");
    // not_after 3 min before issue: still trusted within the 5 min skew, not 1 ms beyond it
    const justRetired = [{ ...a!, not_after: "2026-07-01T11:57:00Z" }];
    expect(await codeOf(verifySnapshot(env, { keys: justRetired, now: T0 + 2 * MIN }))).toBe("accepted");
    expect(await codeOf(verifySnapshot(env, { keys: justRetired, now: T0 + 2 * MIN + 1 }))).toBe("E_UNKNOWN_KEY");
    const future = [{ ...a!, not_before: "2026-07-01T13:00:00Z" }];
    expect(await codeOf(verifySnapshot(env, { keys: future, now: T0 }))).toBe("E_UNKNOWN_KEY");
  });
});

describe("time: expiry, skew, staleness (issued T0, heartbeat 1 h, expires T0 + 3 h)", () => {
  const expires = T0 + 3 * HOUR;
  it("accepts at exactly expires_at + 5 min, rejects 1 ms later (E_EXPIRED)", async () => {
    expect(await codeOf(verifySnapshot(env, { keys: keysAB, now: expires + SKEW }))).toBe("accepted");
    expect(await codeOf(verifySnapshot(env, { keys: keysAB, now: expires + SKEW + 1 }))).toBe("E_EXPIRED");
  });
  it("accepts at exactly issued_at − 5 min, rejects 1 ms earlier (E_NOT_YET_VALID)", async () => {
    expect(await codeOf(verifySnapshot(env, { keys: keysAB, now: T0 - SKEW }))).toBe("accepted");
    expect(await codeOf(verifySnapshot(env, { keys: keysAB, now: T0 - SKEW - 1 }))).toBe("E_NOT_YET_VALID");
  });
  it("honours a custom skew", async () => {
    expect(await codeOf(verifySnapshot(env, { keys: keysAB, now: expires + 1, skewMs: 0 }))).toBe("E_EXPIRED");
    expect(await codeOf(verifySnapshot(env, { keys: keysAB, now: expires, skewMs: 0 }))).toBe("accepted");
  });
  it("stale after 2 × heartbeat (strictly), still valid until expiry", async () => {
    expect((await verifySnapshot(env, { keys: keysAB, now: T0 + 2 * HOUR })).stale).toBe(false);
    expect((await verifySnapshot(env, { keys: keysAB, now: T0 + 2 * HOUR + 1 })).stale).toBe(true);
  });
});

describe("rollback and replay", () => {
  it("rejects a lower version than stored (E_ROLLBACK)", async () => {
    const stored = { version: 43, sha256: "f".repeat(64) };
    expect(await codeOf(verifySnapshot(env, { keys: keysAB, now: T0, stored }))).toBe("E_ROLLBACK");
  });
  it("accepts the same version with the same hash, rejects it with another (E_REPLAY)", async () => {
    const sha256 = await payloadSha256(env);
    expect(await codeOf(verifySnapshot(env, { keys: keysAB, now: T0, stored: { version: 42, sha256 } }))).toBe(
      "accepted",
    );
    const other = await signSnapshot(testSnapshotPayload(T0, { mode: "live" }), A);
    expect(await codeOf(verifySnapshot(other, { keys: keysAB, now: T0, stored: { version: 42, sha256 } }))).toBe(
      "E_REPLAY",
    );
  });
  it("accepts a higher version than stored", async () => {
    expect(
      await codeOf(verifySnapshot(env, { keys: keysAB, now: T0, stored: { version: 41, sha256: "0".repeat(64) } })),
    ).toBe("accepted");
  });
  it("checks the signature before rollback (an unsigned old version is E_SIG_INVALID, not E_ROLLBACK)", async () => {
    const old = { ...env, payload: encodeBase64(canonicalBytes(testSnapshotPayload(T0, { version: 1 }))) };
    expect(
      await codeOf(verifySnapshot(old, { keys: keysAB, now: T0, stored: { version: 42, sha256: "0".repeat(64) } })),
    ).toBe("E_SIG_INVALID");
  });
});
