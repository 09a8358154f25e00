import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { OracleError } from "../errors";
import { nobleVerify } from "./ed25519-fallback";
import { setEd25519Fallback, verifyEd25519, type Ed25519Verify, type Subtle } from "./ed25519";
import { MUTATION_KINDS, mutateEnvelope, seededRng, type MutationContext } from "../../test/support/envelope-mutations";
import { fromHex } from "./hex";
import { generateSigningKey, importSigningKey, pinKeys, type TrustedKey } from "./keys";
import { signSnapshot } from "./snapshot-sign";
import { verifySnapshot } from "./snapshot-verify";
import { testSigner, testSnapshotPayload } from "../../test/support/test-signer";

const T0 = Date.UTC(2026, 6, 1, 12);
// RFC 8032 §7.1 TEST 2.
const PUB_B = fromHex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");
const SIG_B_72 = fromHex(
  "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
);

/** A SubtleCrypto that behaves like a browser without Ed25519 (SHA-256 still works). */
function subtleWithoutEd25519(): Subtle {
  const real = crypto.subtle;
  const refuse = (alg: unknown) => {
    const name = typeof alg === "string" ? alg : (alg as { name?: string }).name;
    if (name?.toLowerCase() === "ed25519") throw new DOMException("Algorithm: Unrecognized name", "NotSupportedError");
  };
  return {
    digest: (a: AlgorithmIdentifier, d: BufferSource) => real.digest(a, d),
    importKey: async (...args: unknown[]) => {
      refuse(args[2]);
      return (real.importKey as (...a: unknown[]) => Promise<CryptoKey>)(...args);
    },
    verify: async (...args: unknown[]) => {
      refuse(args[0]);
      return (real.verify as (...a: unknown[]) => Promise<boolean>)(...args);
    },
  } as unknown as Subtle;
}

function counting(fn: Ed25519Verify): Ed25519Verify & { calls: number } {
  const f = Object.assign(
    async (k: Uint8Array, s: Uint8Array, m: Uint8Array) => {
      f.calls++;
      return fn(k, s, m);
    },
    { calls: 0 },
  );
  return f;
}

async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "accepted";
  } catch (e) {
    return e instanceof OracleError ? e.code : `non-OracleError ${String(e)}`;
  }
}

let ctx: MutationContext;
let keys: TrustedKey[];

beforeAll(async () => {
  const A = await testSigner("a");
  const B = await testSigner("b");
  const C = await importSigningKey((await generateSigningKey()).privateKeyPkcs8);
  keys = await pinKeys([A.publicKeyRaw, B.publicKeyRaw]);
  const payload = testSnapshotPayload(T0);
  ctx = {
    envelope: await signSnapshot(payload, A),
    payload,
    signer: A,
    otherTrusted: B,
    untrusted: C,
    other: await signSnapshot(testSnapshotPayload(T0 - 3_600_000, { version: 41 }), A),
  };
});

afterEach(() => setEd25519Fallback(undefined));

describe("Ed25519 fallback", () => {
  it("nobleVerify checks the RFC 8032 vector and rejects a wrong message or bad lengths", async () => {
    expect(await nobleVerify(PUB_B, SIG_B_72, fromHex("72"))).toBe(true);
    expect(await nobleVerify(PUB_B, SIG_B_72, fromHex("73"))).toBe(false);
    expect(await nobleVerify(PUB_B.subarray(1), SIG_B_72, fromHex("72"))).toBe(false);
  });
  it("without WebCrypto Ed25519 and no fallback: E_NO_ED25519", async () => {
    const subtle = subtleWithoutEd25519();
    await expect(verifyEd25519(PUB_B, SIG_B_72, fromHex("72"), { subtle })).rejects.toMatchObject({
      code: "E_NO_ED25519",
    });
    expect(await outcome(verifySnapshot(ctx.envelope, { keys, now: T0, subtle }))).toBe("E_NO_ED25519");
  });
  it("uses an injected fallback, and only when WebCrypto refuses", async () => {
    const fb = counting(nobleVerify);
    expect(await verifyEd25519(PUB_B, SIG_B_72, fromHex("72"), { subtle: subtleWithoutEd25519(), fallback: fb })).toBe(
      true,
    );
    expect(fb.calls).toBe(1);
    expect(await verifyEd25519(PUB_B, SIG_B_72, fromHex("72"), { subtle: crypto.subtle, fallback: fb })).toBe(true);
    expect(fb.calls).toBe(1);
  });
  it("uses the fallback registered with setEd25519Fallback", async () => {
    const fb = counting(nobleVerify);
    setEd25519Fallback(fb);
    const v = await verifySnapshot(ctx.envelope, { keys, now: T0, subtle: subtleWithoutEd25519() });
    expect(v.version).toBe(42);
    expect(fb.calls).toBe(1);
  });
  it("gives the same outcome as WebCrypto on the valid envelope and 240 mutated ones", async () => {
    const fb = counting(nobleVerify);
    const subtle = subtleWithoutEd25519();
    const rng = seededRng(25519);
    const inputs: unknown[] = [ctx.envelope, ctx.other];
    for (let i = 0; i < 240; i++)
      inputs.push(await mutateEnvelope(ctx, MUTATION_KINDS[i % MUTATION_KINDS.length]!, rng));
    const native: string[] = [];
    const viaFallback: string[] = [];
    for (const env of inputs) {
      native.push(await outcome(verifySnapshot(env, { keys, now: T0 })));
      viaFallback.push(await outcome(verifySnapshot(env, { keys, now: T0, subtle, fallback: fb })));
    }
    expect(viaFallback).toEqual(native);
    expect(native.slice(0, 2)).toEqual(["accepted", "accepted"]);
    expect(native.filter((o) => o === "E_SIG_INVALID").length).toBeGreaterThan(50);
    expect(fb.calls).toBeGreaterThan(100);
  });
});
