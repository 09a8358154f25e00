// The verifier parses envelopes, snapshot headers and keysets by hand (no zod in a widget bundle);
// the zod schemas are the published contract. Both must accept and reject exactly the same inputs.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isOracleError } from "../errors";
import { parseEnvelope } from "./dsse";
import { envelopeSchema } from "./dsse-schema";
import { checkKeysetPayload } from "./keyset";
import { keysetPayloadSchema } from "./keyset-schema";
import { parseSnapshotHeader } from "./snapshot-header";
import { snapshotHeaderSchema } from "./snapshot-header-schema";

const HEX = "ab".repeat(32);
const KEY = "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";
// Values chosen to sit on every rule's edge: types, lengths, patterns, integer ranges, impossible dates.
const tricky = fc.constantFrom<unknown>(
  undefined,
  null,
  true,
  0,
  -1,
  1,
  1.5,
  2 ** 53,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  "",
  "AAAA",
  "AAA",
  "e30=",
  "%%%%",
  HEX,
  HEX.toUpperCase(),
  HEX.slice(2),
  KEY,
  KEY.slice(1),
  "ed25519",
  "Ed25519",
  "2026-07-01T12:00:00Z",
  "2026-07-01T12:00:00.000Z",
  "2026-02-30T00:00:00Z",
  "2026-07-01T12:00:00+00:00",
  "2026-07-01",
  [],
  {},
  ["x"],
  [{}],
);

/** Replaces zero or more fields of `base` (at any depth listed in `paths`) with tricky values. */
function mutated(base: Record<string, unknown>, paths: string[][]) {
  return fc.array(fc.tuple(fc.constantFrom(...paths), tricky, fc.boolean()), { maxLength: 3 }).map((edits) => {
    const v = structuredClone(base);
    for (const [path, value, remove] of edits) {
      let o: unknown = v;
      for (const p of path.slice(0, -1))
        o = typeof o === "object" && o !== null ? (o as Record<string, unknown>)[p] : undefined;
      if (typeof o !== "object" || o === null) continue;
      const last = path[path.length - 1]!;
      if (remove) delete (o as Record<string, unknown>)[last];
      else (o as Record<string, unknown>)[last] = value;
    }
    return v;
  });
}

function agree(
  hand: (v: unknown) => unknown,
  schema: { safeParse(v: unknown): { success: boolean; data?: unknown } },
  v: unknown,
) {
  let mine: { ok: true; data: unknown } | { ok: false };
  try {
    mine = { ok: true, data: hand(v) };
  } catch (e) {
    if (!isOracleError(e) || e.code !== "E_MALFORMED") throw e;
    mine = { ok: false };
  }
  const theirs = schema.safeParse(v);
  expect(mine.ok, JSON.stringify(v)).toBe(theirs.success);
  if (mine.ok) expect(mine.data).toEqual(theirs.data);
}

describe("hand-written parsers agree with the zod schemas", () => {
  it("envelope", () => {
    const base = {
      payloadType: "t",
      payload: "e30=",
      signatures: [
        { keyid: HEX, sig: "AAAA" },
        { keyid: HEX.replace("a", "c"), sig: "e30=" },
      ],
      x: 1,
    };
    const paths = [
      ["payloadType"],
      ["payload"],
      ["signatures"],
      ["signatures", "0"],
      ["signatures", "0", "keyid"],
      ["signatures", "1", "sig"],
      ["x"],
    ];
    fc.assert(
      fc.property(mutated(base, paths), (v) => agree(parseEnvelope, envelopeSchema, v)),
      { numRuns: 3000, seed: 7 },
    );
    fc.assert(
      fc.property(fc.anything(), (v) => agree(parseEnvelope, envelopeSchema, v)),
      { numRuns: 500, seed: 8 },
    );
  });
  it("snapshot header (extra fields pass through)", () => {
    const base = {
      version: 3,
      issued_at: "2026-07-01T12:00:00Z",
      expires_at: "2026-07-01T15:00:00.000Z",
      heartbeat_s: 3600,
      models: [1],
    };
    const paths = [["version"], ["issued_at"], ["expires_at"], ["heartbeat_s"], ["models"]];
    // parseSnapshotHeader also requires expires_at > issued_at and adds the ms fields: compare on the schema's part.
    const hand = (v: unknown) => {
      const { issuedMs, expiresMs, ...rest } = parseSnapshotHeader(v);
      return rest;
    };
    const schema = {
      safeParse(v: unknown) {
        const r = snapshotHeaderSchema.safeParse(v);
        return r.success && Date.parse(r.data.expires_at) <= Date.parse(r.data.issued_at) ? { success: false } : r;
      },
    };
    fc.assert(
      fc.property(mutated(base, paths), (v) => agree(hand, schema, v)),
      { numRuns: 3000, seed: 9 },
    );
  });
  it("keyset payload", () => {
    const key = { keyid: HEX, public_key: KEY, alg: "ed25519", not_before: "2026-01-01T00:00:00Z", extra: 1 };
    const base = { keyset_version: 2, keys: [key, { ...key }], prev_keyset_sha256: HEX, x: [] };
    const paths = [
      ["keyset_version"],
      ["keys"],
      ["keys", "0"],
      ["keys", "0", "keyid"],
      ["keys", "0", "public_key"],
      ["keys", "1", "alg"],
      ["keys", "1", "not_before"],
      ["keys", "1", "not_after"],
      ["prev_keyset_sha256"],
    ];
    fc.assert(
      fc.property(mutated(base, paths), (v) => agree(checkKeysetPayload, keysetPayloadSchema, v)),
      { numRuns: 3000, seed: 10 },
    );
    // 17 keys is one too many for both.
    agree(checkKeysetPayload, keysetPayloadSchema, { ...base, keys: Array.from({ length: 17 }, () => key) });
    agree(checkKeysetPayload, keysetPayloadSchema, { ...base, keys: Array.from({ length: 16 }, () => key) });
  });
});
