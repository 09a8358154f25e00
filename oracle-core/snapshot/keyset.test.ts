import { beforeAll, describe, expect, it } from "vitest";
import { OracleError } from "../errors";
import { decodeBase64, encodeBase64 } from "./base64";
import type { DsseEnvelope } from "./dsse";
import { signDsse } from "./dsse-sign";
import { canonicalBytes } from "./jcs";
import { generateSigningKey, importSigningKey, pinKeys, type Signer, type TrustedKey } from "./keys";
import { KEYSET_PAYLOAD_TYPE, makeKeyset, readKeyset } from "./keyset";
import { verifyKeysetChain } from "./keyset-chain";
import { payloadSha256, signSnapshot } from "./snapshot-sign";
import { verifySnapshot } from "./snapshot-verify";
import { testSigner, testSnapshotPayload } from "../../test/support/test-signer";

type S = Signer & { publicKeyRaw: string };
const T0 = Date.UTC(2026, 6, 1, 12);
let A: S, B: S, C: S, X: S;
let root: TrustedKey[];
let v1: DsseEnvelope, v2: DsseEnvelope, v3: DsseEnvelope;

beforeAll(async () => {
  A = await testSigner("a");
  B = await testSigner("b");
  C = await importSigningKey((await generateSigningKey()).privateKeyPkcs8);
  X = await importSigningKey((await generateSigningKey()).privateKeyPkcs8); // an attacker's key
  root = await pinKeys([A.publicKeyRaw]);
  v1 = await makeKeyset({ keyset_version: 1, keys: [{ public_key: A.publicKeyRaw }], signers: [A] });
  v2 = await makeKeyset({ keyset_version: 2, keys: [{ public_key: B.publicKeyRaw }], prev: v1, signers: [A, B] });
  v3 = await makeKeyset({
    keyset_version: 3,
    keys: [{ public_key: C.publicKeyRaw, not_after: "2027-07-01T00:00:00Z" }],
    prev: v2,
    signers: [B, C],
  });
});

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "accepted";
  } catch (e) {
    return e instanceof OracleError ? e.code : `non-OracleError ${String(e)}`;
  }
}

describe("keyset documents", () => {
  it("v2 lists B, links to v1 by sha256 and carries A's and B's signatures", async () => {
    const ks = await readKeyset(v2);
    expect(v2.payloadType).toBe(KEYSET_PAYLOAD_TYPE);
    expect(ks.payload.keyset_version).toBe(2);
    expect(ks.payload.keys).toEqual([{ keyid: B.keyid, public_key: B.publicKeyRaw, alg: "ed25519" }]);
    expect(ks.payload.prev_keyset_sha256).toBe(await payloadSha256(v1));
    expect(v2.signatures.map((s) => s.keyid)).toEqual([A.keyid, B.keyid]);
  });
  it("makeKeyset refuses links verifyKeysetChain would reject", async () => {
    expect(
      await codeOf(makeKeyset({ keyset_version: 2, keys: [{ public_key: B.publicKeyRaw }], prev: v1, signers: [B] })),
    ).toBe("E_KEYSET_CHAIN");
    expect(
      await codeOf(makeKeyset({ keyset_version: 2, keys: [{ public_key: B.publicKeyRaw }], prev: v1, signers: [A] })),
    ).toBe("E_KEYSET_CHAIN");
    expect(
      await codeOf(
        makeKeyset({ keyset_version: 1, keys: [{ public_key: B.publicKeyRaw }], prev: v1, signers: [A, B] }),
      ),
    ).toBe("E_KEYSET_CHAIN");
  });
});

describe("verifyKeysetChain", () => {
  it("accepts the root alone", async () => {
    const r = await verifyKeysetChain([v1], root);
    expect(r.keyset_version).toBe(1);
    expect(r.keys.map((k) => k.keyid)).toEqual([A.keyid]);
  });
  it("walks v1 → v2 → v3 and returns only the newest keys (with their window)", async () => {
    const r = await verifyKeysetChain([v1, v2, v3], root);
    expect(r.keyset_version).toBe(3);
    expect(r.sha256).toBe(await payloadSha256(v3));
    expect(r.keys.map((k) => [k.keyid, k.not_after])).toEqual([[C.keyid, "2027-07-01T00:00:00Z"]]);
    expect(await codeOf(verifyKeysetChain({ keysets: [v1, v2, v3] }, root))).toBe("accepted");
  });
  it("after rotation, snapshots by the new key verify and by the retired key do not", async () => {
    const { keys } = await verifyKeysetChain([v1, v2], root);
    const byB = await signSnapshot(testSnapshotPayload(T0), B);
    const byA = await signSnapshot(testSnapshotPayload(T0), A);
    expect((await verifySnapshot(byB, { keys, now: T0 })).keyid).toBe(B.keyid);
    expect(await codeOf(verifySnapshot(byA, { keys, now: T0 }))).toBe("E_UNKNOWN_KEY");
  });
  it("rejects a keyset not signed by the previous set (E_KEYSET_CHAIN)", async () => {
    const prev_keyset_sha256 = await payloadSha256(v1);
    const rogue = await signDsse(
      KEYSET_PAYLOAD_TYPE,
      { keyset_version: 2, keys: [{ keyid: X.keyid, public_key: X.publicKeyRaw, alg: "ed25519" }], prev_keyset_sha256 },
      [X],
    );
    expect(await codeOf(verifyKeysetChain([v1, rogue], root))).toBe("E_KEYSET_CHAIN");
  });
  it("rejects a new key that did not sign its own keyset (E_KEYSET_CHAIN)", async () => {
    const prev_keyset_sha256 = await payloadSha256(v1);
    const noPop = await signDsse(
      KEYSET_PAYLOAD_TYPE,
      { keyset_version: 2, keys: [{ keyid: B.keyid, public_key: B.publicKeyRaw, alg: "ed25519" }], prev_keyset_sha256 },
      [A],
    );
    expect(await codeOf(verifyKeysetChain([v1, noPop], root))).toBe("E_KEYSET_CHAIN");
  });
  it("rejects a version that does not increase (E_KEYSET_CHAIN)", async () => {
    const prev_keyset_sha256 = await payloadSha256(v1);
    const same = await signDsse(
      KEYSET_PAYLOAD_TYPE,
      { keyset_version: 1, keys: [{ keyid: B.keyid, public_key: B.publicKeyRaw, alg: "ed25519" }], prev_keyset_sha256 },
      [A, B],
    );
    expect(await codeOf(verifyKeysetChain([v1, same], root))).toBe("E_KEYSET_CHAIN");
  });
  it("rejects a wrong or missing prev_keyset_sha256 (E_KEYSET_CHAIN)", async () => {
    const keys = [{ keyid: B.keyid, public_key: B.publicKeyRaw, alg: "ed25519" }];
    const wrong = await signDsse(KEYSET_PAYLOAD_TYPE, { keyset_version: 2, keys, prev_keyset_sha256: "0".repeat(64) }, [
      A,
      B,
    ]);
    const missing = await signDsse(KEYSET_PAYLOAD_TYPE, { keyset_version: 2, keys }, [A, B]);
    expect(await codeOf(verifyKeysetChain([v1, wrong], root))).toBe("E_KEYSET_CHAIN");
    expect(await codeOf(verifyKeysetChain([v1, missing], root))).toBe("E_KEYSET_CHAIN");
  });
  it("rejects a skipped link, a reordered chain, a root not signed by a pinned key, and an empty chain", async () => {
    expect(await codeOf(verifyKeysetChain([v1, v3], root))).toBe("E_KEYSET_CHAIN");
    expect(await codeOf(verifyKeysetChain([v2, v1], root))).toBe("E_KEYSET_CHAIN");
    expect(await codeOf(verifyKeysetChain([v1, v2], await pinKeys([X.publicKeyRaw])))).toBe("E_KEYSET_CHAIN");
    expect(await codeOf(verifyKeysetChain([], root))).toBe("E_KEYSET_CHAIN");
    expect(await codeOf(verifyKeysetChain({ keysets: [] }, root))).toBe("E_KEYSET_CHAIN");
  });
  it("rejects a tampered link: bad signature, wrong type, keyid not the key's hash", async () => {
    const flipped = decodeBase64(v2.signatures[0]!.sig);
    flipped[0]! ^= 1;
    const badSig = { ...v2, signatures: [{ ...v2.signatures[0]!, sig: encodeBase64(flipped) }, v2.signatures[1]!] };
    expect(await codeOf(verifyKeysetChain([v1, badSig], root))).toBe("E_SIG_INVALID");
    const asSnapshot = { ...v1, payloadType: "application/vnd.exostream.snapshot+json; version=1" };
    expect(await codeOf(verifyKeysetChain([asSnapshot], root))).toBe("E_PAYLOAD_TYPE");
    const lying = await signDsse(
      KEYSET_PAYLOAD_TYPE,
      { keyset_version: 1, keys: [{ keyid: A.keyid, public_key: B.publicKeyRaw, alg: "ed25519" }] },
      [A],
    );
    expect(await codeOf(verifyKeysetChain([lying], root))).toBe("E_MALFORMED");
    const payloadSwap = {
      ...v2,
      payload: encodeBase64(canonicalBytes({ ...(await readKeyset(v2)).payload, keyset_version: 9 })),
    };
    expect(await codeOf(verifyKeysetChain([v1, payloadSwap], root))).toBe("E_SIG_INVALID");
  });
});
