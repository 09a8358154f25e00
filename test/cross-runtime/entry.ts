// Runs unchanged in Node, workerd and Chromium: canonical bytes, hash and signature of the same payloads
// with the same fixed key, and the mutated-envelope rejection count.
import { canonicalBytes } from "../../oracle-core/snapshot";
import { encodeBase64 } from "../../oracle-core/snapshot";
import { sha256Hex } from "../../oracle-core/snapshot";
import { signSnapshot } from "../../oracle-core/snapshot";
import { verifySnapshot } from "../../oracle-core/snapshot";
import { generateSigningKey, importSigningKey, pinKeys } from "../../oracle-core/snapshot";
import { MUTATION_KINDS, mutateEnvelope, seededRng } from "../support/envelope-mutations";
import { testSigner, testSnapshotPayload } from "../support/test-signer";

export const T0 = Date.UTC(2026, 10, 24, 12);

/** Awkward but valid JSON: number forms, unicode, escapes, key order by UTF-16 code units. */
export const TRICKY = {
  numbers: [
    0,
    -0,
    1e21,
    1e-7,
    123456789012345680000,
    0.1 + 0.2,
    5e-324,
    1.7976931348623157e308,
    -1.5,
    333333333.3333333,
  ],
  text: ["€", "😀", "\u2028\u2029", "\u0000\u001f", '"\\/', "\ud83d\ude00é"],
  keys: { "\u20ac": 1, "\r": 2, ö: 3, "1": 4, a: 5, A: 6, "\ud83d\ude00": 7, "\ufb33": 8 },
};

export async function canonicalReport() {
  const signer = await testSigner("a");
  const out: { canonical_b64: string; sha256: string; sig: string }[] = [];
  for (const payload of [testSnapshotPayload(T0), { ...testSnapshotPayload(T0), tricky: TRICKY }]) {
    const bytes = canonicalBytes(payload);
    const env = await signSnapshot(payload, signer);
    out.push({ canonical_b64: encodeBase64(bytes), sha256: await sha256Hex(bytes), sig: env.signatures[0]!.sig });
  }
  return out;
}

export async function mutationReport(n: number, seed: number) {
  const A = await testSigner("a");
  const B = await testSigner("b");
  const C = await importSigningKey((await generateSigningKey()).privateKeyPkcs8);
  const keys = await pinKeys([A.publicKeyRaw, B.publicKeyRaw]);
  const payload = testSnapshotPayload(T0);
  const ctx = {
    envelope: await signSnapshot(payload, A),
    payload,
    signer: A,
    otherTrusted: B,
    untrusted: C,
    other: await signSnapshot(testSnapshotPayload(T0 - 3_600_000, { version: 41 }), A),
  };
  const rng = seededRng(seed);
  let rejected = 0;
  const accepted: string[] = [];
  for (let i = 0; i < n; i++) {
    const kind = MUTATION_KINDS[i % MUTATION_KINDS.length]!;
    const m = await mutateEnvelope(ctx, kind, rng);
    try {
      await verifySnapshot(m, { keys, now: T0 });
      accepted.push(kind);
    } catch {
      rejected++;
    }
  }
  const control = (await verifySnapshot(ctx.envelope, { keys, now: T0 })).version;
  return { n, rejected, accepted, control };
}
