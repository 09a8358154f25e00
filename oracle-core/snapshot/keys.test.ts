import { describe, expect, it } from "vitest";
import { decodeBase64 } from "./base64";
import { verifyEd25519, signEd25519 } from "./ed25519";
import { fromHex, toHex } from "./hex";
import { generateSigningKey, importPublicKey, importSigningKey, keyIdOf, pinKeys } from "./keys";
import { testSigner } from "../../test/support/test-signer";
import { sha256Hex } from "./sha256";
import { utf8Encode } from "./utf8";

// RFC 8032 §7.1, TEST 1 and TEST 2.
const PUB_A = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
const SIG_A_EMPTY =
  "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";
const PUB_B = "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c";
const SIG_B_72 =
  "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00";

describe("keys", () => {
  it("sha256 of 'abc' is the FIPS 180-2 value", async () => {
    expect(await sha256Hex(utf8Encode("abc"))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
  it("importSigningKey derives the RFC 8032 public keys and keyid = sha256(raw)", async () => {
    const a = await testSigner("a");
    const b = await testSigner("b");
    expect(toHex(decodeBase64(a.publicKeyRaw))).toBe(PUB_A);
    expect(toHex(decodeBase64(b.publicKeyRaw))).toBe(PUB_B);
    expect(a.keyid).toBe(await sha256Hex(fromHex(PUB_A)));
    expect(a.keyid).toMatch(/^[0-9a-f]{64}$/);
  });
  it("signs the RFC 8032 vectors exactly (Ed25519 is deterministic)", async () => {
    const a = await testSigner("a");
    const b = await testSigner("b");
    expect(toHex(await signEd25519(a.privateKey, new Uint8Array()))).toBe(SIG_A_EMPTY);
    expect(toHex(await signEd25519(b.privateKey, fromHex("72")))).toBe(SIG_B_72);
  });
  it("verifies the RFC 8032 vectors and rejects a wrong message", async () => {
    expect(await verifyEd25519(fromHex(PUB_A), fromHex(SIG_A_EMPTY), new Uint8Array())).toBe(true);
    expect(await verifyEd25519(fromHex(PUB_B), fromHex(SIG_B_72), fromHex("72"))).toBe(true);
    expect(await verifyEd25519(fromHex(PUB_B), fromHex(SIG_B_72), fromHex("73"))).toBe(false);
    expect(await verifyEd25519(fromHex(PUB_A), fromHex(SIG_B_72), fromHex("72"))).toBe(false);
  });
  it("treats wrong lengths as invalid, not as errors", async () => {
    expect(await verifyEd25519(fromHex(PUB_A).subarray(0, 31), fromHex(SIG_A_EMPTY), new Uint8Array())).toBe(false);
    expect(await verifyEd25519(fromHex(PUB_A), fromHex(SIG_A_EMPTY).subarray(0, 63), new Uint8Array())).toBe(false);
  });
  it("generateSigningKey → importSigningKey gives the same key and a working signer", async () => {
    const g = await generateSigningKey();
    expect(decodeBase64(g.publicKeyRaw)).toHaveLength(32);
    expect(g.keyid).toBe(await keyIdOf(decodeBase64(g.publicKeyRaw)));
    const s = await importSigningKey(g.privateKeyPkcs8);
    expect(s.keyid).toBe(g.keyid);
    expect(s.publicKeyRaw).toBe(g.publicKeyRaw);
    const msg = utf8Encode("rotate me");
    expect(await verifyEd25519(decodeBase64(g.publicKeyRaw), await signEd25519(s.privateKey, msg), msg)).toBe(true);
    expect((await importPublicKey(decodeBase64(g.publicKeyRaw))).type).toBe("public");
  });
  it("pinKeys accepts bytes, base64 and hex alike", async () => {
    const a = await testSigner("a");
    const [x, y, z] = await pinKeys([fromHex(PUB_A), a.publicKeyRaw, PUB_A]);
    expect(x!.keyid).toBe(a.keyid);
    expect(y!.keyid).toBe(a.keyid);
    expect(z!.keyid).toBe(a.keyid);
    await expect(pinKeys(["AAAA"])).rejects.toMatchObject({ code: "E_MALFORMED" });
  });
});
