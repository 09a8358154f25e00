import { beforeAll, describe, expect, it } from "vitest";
import { OracleError, type OracleErrorCode } from "../errors";
import { MUTATION_KINDS, mutateEnvelope, seededRng } from "../../test/support/envelope-mutations";
import type { MutationContext, MutationKind } from "../../test/support/envelope-mutations";
import { generateSigningKey, importSigningKey, pinKeys, type TrustedKey } from "./keys";
import { signSnapshot } from "./snapshot-sign";
import { verifySnapshot } from "./snapshot-verify";
import { testSigner, testSnapshotPayload } from "../../test/support/test-signer";

const N = 10_000;
const T0 = Date.UTC(2026, 6, 1, 12);

// The codes each kind may legitimately end in (which check fires first depends on the variant).
const ALLOWED: Record<MutationKind, OracleErrorCode[]> = {
  "payload-bitflip": ["E_SIG_INVALID"],
  "sig-bitflip": ["E_SIG_INVALID"],
  "payload-type": ["E_PAYLOAD_TYPE", "E_MALFORMED"], // "" fails the schema
  "keyid-swap": ["E_SIG_INVALID", "E_UNKNOWN_KEY"],
  "payload-truncate": ["E_SIG_INVALID", "E_MALFORMED"],
  "sig-truncate": ["E_SIG_INVALID", "E_MALFORMED"],
  "dup-sig-one-bad": ["E_MALFORMED", "E_SIG_INVALID"],
  "non-canonical-payload": ["E_MALFORMED"],
  "base64-noncanonical": ["E_MALFORMED"],
  "foreign-signer": ["E_UNKNOWN_KEY", "E_SIG_INVALID"],
  structure: ["E_MALFORMED"],
  "sig-from-other-envelope": ["E_SIG_INVALID"],
};

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

describe("SPEC §10: mutated envelopes", () => {
  it("control: the unmutated envelopes verify", async () => {
    expect((await verifySnapshot(ctx.envelope, { keys, now: T0 })).version).toBe(42);
    expect((await verifySnapshot(ctx.other, { keys, now: T0 })).version).toBe(41);
  });

  it(`rejects all ${N} mutated envelopes (${MUTATION_KINDS.length} kinds), each with an expected code`, async () => {
    const rng = seededRng(20260701);
    const original = JSON.stringify(ctx.envelope);
    const byKind = new Map<string, number>();
    const byCode = new Map<string, number>();
    const wrong: string[] = [];
    let rejected = 0;
    for (let i = 0; i < N; i++) {
      const kind = MUTATION_KINDS[i % MUTATION_KINDS.length]!;
      const m = await mutateEnvelope(ctx, kind, rng);
      // A mutation identical to the original would make this test meaningless.
      expect(JSON.stringify(m)).not.toBe(original);
      let code = "accepted";
      try {
        await verifySnapshot(m, { keys, now: T0 });
      } catch (e) {
        code = e instanceof OracleError ? e.code : `non-OracleError ${String(e)}`;
      }
      if (code !== "accepted") rejected++;
      if (!(ALLOWED[kind] as string[]).includes(code) && wrong.length < 10) wrong.push(`#${i} ${kind}: ${code}`);
      byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
      byCode.set(code, (byCode.get(code) ?? 0) + 1);
    }
    expect(wrong).toEqual([]);
    expect(rejected).toBe(N);
    // Every kind ran, and every rejection code the verifier has for envelopes was reached.
    expect([...byKind.keys()].sort()).toEqual([...MUTATION_KINDS].sort());
    expect([...byCode.keys()].sort()).toEqual(["E_MALFORMED", "E_PAYLOAD_TYPE", "E_SIG_INVALID", "E_UNKNOWN_KEY"]);
  });
});
