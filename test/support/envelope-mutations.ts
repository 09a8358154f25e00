// Test support (SPEC §10 "10,000 mutated envelopes all rejected"): seeded mutations of a valid
// envelope, each of which a correct verifier must reject. Pure, so feed-worker and e2e tests can
// reuse it against their own layers. Test support only: production code never imports test/support/.
import { decodeBase64, encodeBase64 } from "../../oracle-core/snapshot";
import type { Bytes } from "../../oracle-core/snapshot";
import type { DsseEnvelope } from "../../oracle-core/snapshot";
import { signDsseBytes } from "../../oracle-core/snapshot";
import { canonicalize } from "../../oracle-core/snapshot";
import type { Signer } from "../../oracle-core/snapshot";
import { utf8Encode } from "../../oracle-core/snapshot";

/** A seeded PRNG (mulberry32) returning floats in [0, 1). */
export function seededRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every kind of mutation, in the order the generator cycles through them. */
export const MUTATION_KINDS = [
  "payload-bitflip",
  "sig-bitflip",
  "payload-type",
  "keyid-swap",
  "payload-truncate",
  "sig-truncate",
  "dup-sig-one-bad",
  "non-canonical-payload",
  "base64-noncanonical",
  "foreign-signer",
  "structure",
  "sig-from-other-envelope",
] as const;
/** One kind of mutation. */
export type MutationKind = (typeof MUTATION_KINDS)[number];

/**
 * What the generator needs: the valid envelope, its payload object and signer, another trusted signer, an untrusted
 * one.
 */
export interface MutationContext {
  envelope: DsseEnvelope;
  payload: Record<string, unknown>;
  signer: Signer;
  otherTrusted: Signer;
  untrusted: Signer;
  /** A different valid envelope by `signer` (e.g. the previous version). */
  other: DsseEnvelope;
}

const int = (rng: () => number, n: number) => Math.floor(rng() * n);
const pick = <T>(rng: () => number, xs: readonly T[]): T => xs[int(rng, xs.length)]!;

function flipBits(b: Bytes, rng: () => number): Bytes {
  const out = new Uint8Array(b);
  const flips = 1 + int(rng, 3);
  const done = new Set<number>();
  while (done.size < flips) done.add(int(rng, out.length * 8)); // distinct bits: flips never cancel
  for (const bit of done) out[bit >> 3]! ^= 1 << (bit & 7);
  return out;
}

function withSig(env: DsseEnvelope, sig: Partial<DsseEnvelope["signatures"][number]>): DsseEnvelope {
  return { ...env, signatures: [{ ...env.signatures[0]!, ...sig }] };
}

function randomHex64(rng: () => number): string {
  let s = "";
  for (let i = 0; i < 64; i++) s += "0123456789abcdef"[int(rng, 16)];
  return s;
}

// Text forms of the payload that parse to the same data but are not RFC 8785 canonical.
function nonCanonicalText(payload: Record<string, unknown>, rng: () => number): Bytes {
  const c = canonicalize(payload);
  const out = nonCanonicalVariant(payload, c, rng);
  // A variant that happened not to apply to this payload would be canonical: make it not so.
  return out.length === c.length && new TextDecoder().decode(out) === c ? utf8Encode(`${c} `) : out;
}

function nonCanonicalVariant(payload: Record<string, unknown>, c: string, rng: () => number): Bytes {
  const variant = int(rng, 10);
  switch (variant) {
    case 0:
      return utf8Encode(JSON.stringify(payload, null, 1 + int(rng, 4)));
    case 1: // keys in reverse order
      return utf8Encode(
        JSON.stringify(Object.fromEntries(Object.entries(payload).sort(([a], [b]) => (a < b ? 1 : -1)))),
      );
    case 2: {
      // one non-ASCII or ASCII letter written as a \u escape
      const idx = [...c.matchAll(/[A-Za-z\u0080-\uffff]/g)].map((m) => m.index);
      const i = pick(rng, idx);
      return utf8Encode(`${c.slice(0, i)}\\u${c.charCodeAt(i).toString(16).padStart(4, "0")}${c.slice(i + 1)}`);
    }
    case 3: // a number re-spelled (25 → 25.0, 0.2 → 0.20, 42 → 4.2e1)
      return utf8Encode(
        pick(rng, [
          c.replace('"version":42', '"version":42.0'),
          c.replace('"r_in":0.2', '"r_in":0.20'),
          c.replace('"version":42', '"version":4.2e1'),
        ]),
      );
    case 4:
      return utf8Encode(pick(rng, [`${c}\n`, ` ${c}`, `${c} `, `\t${c}`]));
    case 5:
      return new Uint8Array([0xef, 0xbb, 0xbf, ...utf8Encode(c)]);
    case 6: // a duplicate key whose later value wins in JSON.parse
      return utf8Encode(`{"version":${int(rng, 1e6)},${c.slice(1)}`);
    case 7: // invalid UTF-8 appended inside a string
      return new Uint8Array([...utf8Encode(c.slice(0, -2)), 0xff, ...utf8Encode(c.slice(-2))]);
    case 8: // upper-case hex in an escape
      return utf8Encode(c.includes("ü") ? c.replace("ü", "\\u00FC") : c.replace("{", '{"\\u005F":0,'));
    default: // a space after a colon or comma
      return utf8Encode(int(rng, 2) ? c.replace(":", ": ") : c.replace(",", ", "));
  }
}

/** One mutated envelope of the given kind (sometimes not an envelope at all). Deterministic for a given rng. */
export async function mutateEnvelope(ctx: MutationContext, kind: MutationKind, rng: () => number): Promise<unknown> {
  const env = ctx.envelope;
  const sig0 = env.signatures[0]!;
  const payload = decodeBase64(env.payload);
  const sig = decodeBase64(sig0.sig);
  switch (kind) {
    case "payload-bitflip":
      return { ...env, payload: encodeBase64(flipBits(payload, rng)) };
    case "sig-bitflip":
      return withSig(env, { sig: encodeBase64(flipBits(sig, rng)) });
    case "payload-type": {
      const t = env.payloadType;
      const i = int(rng, t.length);
      const ch = t[i]!;
      const swapped = ch.toUpperCase() !== ch ? ch.toUpperCase() : ch === "1" ? "2" : "x";
      const type = pick(rng, [
        t.slice(0, i) + swapped + t.slice(i + 1),
        t.slice(0, i) + t.slice(i + 1),
        `${t} `,
        t.replace("snapshot", "keyset"),
        t.replace("version=1", "version=2"),
        "application/json",
        "",
      ]);
      // Half are re-signed under the new type, so only the type check can catch them.
      return int(rng, 2) ? signDsseBytes(type, payload, [ctx.signer]) : { ...env, payloadType: type };
    }
    case "keyid-swap":
      return withSig(env, { keyid: pick(rng, [ctx.otherTrusted.keyid, ctx.untrusted.keyid, randomHex64(rng)]) });
    case "payload-truncate":
      return int(rng, 2)
        ? { ...env, payload: encodeBase64(payload.subarray(0, int(rng, payload.length))) }
        : { ...env, payload: env.payload.slice(0, int(rng, env.payload.length)) };
    case "sig-truncate":
      return int(rng, 2)
        ? withSig(env, { sig: encodeBase64(sig.subarray(0, int(rng, 64))) })
        : withSig(env, { sig: sig0.sig.slice(0, int(rng, sig0.sig.length)) });
    case "dup-sig-one-bad": {
      const bad = { keyid: int(rng, 2) ? sig0.keyid : ctx.otherTrusted.keyid, sig: encodeBase64(flipBits(sig, rng)) };
      return { ...env, signatures: int(rng, 2) ? [sig0, bad] : [bad, sig0] };
    }
    case "non-canonical-payload":
      return signDsseBytes(env.payloadType, nonCanonicalText(ctx.payload, rng), [ctx.signer]);
    case "base64-noncanonical": {
      const field = int(rng, 2) ? "payload" : "sig";
      const s = field === "payload" ? env.payload : sig0.sig;
      const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
      const p = s.indexOf("=");
      let bad: string;
      const v = int(rng, 4);
      if (v === 0 && p > 0) {
        // set the unused low bits of the last data character
        const j = alphabet.indexOf(s[p - 1]!);
        const mask = s.endsWith("==") ? 15 : 3;
        bad = s.slice(0, p - 1) + alphabet[j | (1 + int(rng, mask))] + s.slice(p);
      } else if (v === 1) {
        const i = int(rng, s.length);
        bad = s.slice(0, i) + pick(rng, ["\n", " ", "\r\n", "\t"]) + s.slice(i);
      } else if (v === 2 && /[+/]/.test(s)) {
        bad = s.replace(/\+/g, "-").replace(/\//g, "_");
      } else {
        bad = s.endsWith("=") ? s.replace(/=+$/, "") : `${s}=`;
      }
      return field === "payload" ? { ...env, payload: bad } : withSig(env, { sig: bad });
    }
    case "foreign-signer": {
      const forged = { ...ctx.payload, version: (ctx.payload["version"] as number) + 1 + int(rng, 1000) };
      const e = await signDsseBytes(env.payloadType, utf8Encode(canonicalize(forged)), [ctx.untrusted]);
      // Either honest about the key (unknown) or claiming the trusted keyid (bad signature).
      return int(rng, 2) ? e : withSig(e, { keyid: sig0.keyid });
    }
    case "structure":
      return pick<unknown>(rng, [
        null,
        JSON.stringify(env),
        [env],
        { payloadType: env.payloadType, payload: env.payload },
        { ...env, signatures: [] },
        { ...env, signatures: sig0 },
        { ...env, signatures: [{ keyid: sig0.keyid }] },
        {
          ...env,
          signatures: Array.from({ length: 9 }, (_, i) =>
            i === 0 ? sig0 : { keyid: randomHex64(rng), sig: sig0.sig },
          ),
        },
        { ...env, payload: Array.from(payload) },
        { ...env, payloadType: 1 },
        { ...env, signatures: [{ ...sig0, keyid: sig0.keyid.toUpperCase() }] },
      ]);
    case "sig-from-other-envelope":
      return int(rng, 2) ? withSig(env, { sig: ctx.other.signatures[0]!.sig }) : { ...env, payload: ctx.other.payload };
  }
}
