import { OracleError } from "../errors";
import { BASE64_RE, decodeBase64 } from "./base64";
import type { DsseEnvelope } from "./dsse";
import { signDsse } from "./dsse-sign";
import { parseCanonicalJson, payloadBytes } from "./dsse-verify";
import type { Subtle } from "./ed25519";
import { keyIdOf, type Signer, type TrustedKey } from "./keys";
import { sha256Hex } from "./sha256";
import { isIntAtLeast, isRecord, isStr, malformed } from "./shape";
import { instantMs } from "./snapshot-header";

/** payloadType of a signed keyset (the documents served at /.well-known/exostream-keys.json). */
export const KEYSET_PAYLOAD_TYPE = "application/vnd.exostream.keyset+json; version=1";
/** Most keys one keyset may list. */
export const MAX_KEYSET_KEYS = 16;

/** One key of a keyset payload. */
export interface KeysetKey {
  keyid: string;
  public_key: string;
  alg: "ed25519";
  not_before?: string | undefined;
  not_after?: string | undefined;
}

/**
 * A keyset payload (keysetPayloadSchema in keyset-schema.ts as a type). prev_keyset_sha256 links it to the keyset it
 * replaces.
 */
export interface KeysetPayload {
  keyset_version: number;
  keys: KeysetKey[];
  prev_keyset_sha256?: string | undefined;
}

const HEX64 = /^[0-9a-f]{64}$/;
const HEX_MSG = "must be 64 lower-case hex digits";
const INSTANT_MSG = "must be a UTC instant like 2026-07-01T12:00:00Z";

function optInstant(v: unknown): boolean {
  return v === undefined || (typeof v === "string" && instantMs(v) !== undefined);
}

/** Checks a keyset payload against the rules of keysetPayloadSchema (unknown fields dropped); E_MALFORMED otherwise. */
export function checkKeysetPayload(json: unknown): KeysetPayload {
  const bad = (field: string, why: string) => malformed("keyset", field, why);
  if (!isRecord(json)) return bad("", "expected an object");
  const { keyset_version, keys, prev_keyset_sha256 } = json;
  if (!isIntAtLeast(keyset_version, 1)) return bad("keyset_version", "must be a positive integer");
  if (!Array.isArray(keys) || keys.length < 1 || keys.length > MAX_KEYSET_KEYS)
    return bad("keys", `must hold 1 to ${MAX_KEYSET_KEYS} keys`);
  const out: KeysetPayload = {
    keyset_version,
    keys: Array.from(keys, (k: unknown, i) => {
      const at = `keys.${i}`;
      if (!isRecord(k)) return bad(at, "expected an object");
      if (!isStr(k.keyid, HEX64)) return bad(`${at}.keyid`, HEX_MSG);
      if (!isStr(k.public_key, BASE64_RE, 0, 44)) return bad(`${at}.public_key`, "must be base64 of 32 bytes");
      if (k.alg !== "ed25519") return bad(`${at}.alg`, 'must be "ed25519"');
      if (!optInstant(k.not_before)) return bad(`${at}.not_before`, INSTANT_MSG);
      if (!optInstant(k.not_after)) return bad(`${at}.not_after`, INSTANT_MSG);
      const key: KeysetKey = { keyid: k.keyid, public_key: k.public_key, alg: "ed25519" };
      if (k.not_before !== undefined) key.not_before = k.not_before as string;
      if (k.not_after !== undefined) key.not_after = k.not_after as string;
      return key;
    }),
  };
  if (prev_keyset_sha256 !== undefined) {
    if (!isStr(prev_keyset_sha256, HEX64)) return bad("prev_keyset_sha256", HEX_MSG);
    out.prev_keyset_sha256 = prev_keyset_sha256;
  }
  return out;
}

/** The /.well-known/exostream-keys.json document: every keyset envelope, oldest first. */
export interface KeysetDocument {
  keysets: DsseEnvelope[];
}

/** Parses and checks a keyset payload (schema, keyid = sha256(public_key), no duplicates) into trusted-key form. */
export async function parseKeysetPayload(json: unknown): Promise<{ payload: KeysetPayload; keys: TrustedKey[] }> {
  const payload = checkKeysetPayload(json);
  const keys: TrustedKey[] = [];
  for (const k of payload.keys) {
    const publicKey = decodeBase64(k.public_key);
    if ((await keyIdOf(publicKey)) !== k.keyid)
      throw new OracleError(
        "E_MALFORMED",
        `keyset keyid ${k.keyid.slice(0, 12)}… is not the sha256 of its key`,
        "keys",
      );
    if (keys.some((x) => x.keyid === k.keyid)) throw new OracleError("E_MALFORMED", "keyset lists a key twice", "keys");
    keys.push({ keyid: k.keyid, publicKey, not_before: k.not_before, not_after: k.not_after });
  }
  return { payload, keys };
}

/** Decodes a keyset envelope's payload (canonical JSON) and parses it; no signature check. */
export async function readKeyset(
  env: DsseEnvelope,
): Promise<{ payload: KeysetPayload; keys: TrustedKey[]; sha256: string }> {
  const bytes = payloadBytes(env);
  const parsed = await parseKeysetPayload(parseCanonicalJson(bytes));
  return { ...parsed, sha256: await sha256Hex(bytes) };
}

/** Input of makeKeyset. */
export interface MakeKeysetInput {
  keyset_version: number;
  keys: ReadonlyArray<{ public_key: string; not_before?: string; not_after?: string }>;
  /** The keyset this one replaces (omit for the root). */
  prev?: DsseEnvelope | undefined;
  /** At least one key of `prev` plus every key new in this set (proof of possession). */
  signers: ReadonlyArray<Signer>;
}

/**
 * Creates and signs a keyset envelope, enforcing the rules verifyKeysetChain checks (E_KEYSET_CHAIN).
 * @example const v2 = await makeKeyset({ keyset_version: 2, keys: [{ public_key: next.publicKeyRaw }], prev: v1,
 *   signers: [oldSigner, newSigner] })
 */
export async function makeKeyset(input: MakeKeysetInput, subtle: Subtle = crypto.subtle): Promise<DsseEnvelope> {
  const keys: KeysetPayload["keys"] = [];
  for (const k of input.keys) {
    const entry: KeysetPayload["keys"][number] = {
      keyid: await keyIdOf(decodeBase64(k.public_key)),
      public_key: k.public_key,
      alg: "ed25519",
    };
    if (k.not_before !== undefined) entry.not_before = k.not_before;
    if (k.not_after !== undefined) entry.not_after = k.not_after;
    keys.push(entry);
  }
  const payload: KeysetPayload = { keyset_version: input.keyset_version, keys };
  const signerIds = new Set(input.signers.map((s) => s.keyid));
  let prevIds = new Set<string>();
  if (input.prev) {
    const prev = await readKeyset(input.prev);
    if (input.keyset_version <= prev.payload.keyset_version)
      throw new OracleError("E_KEYSET_CHAIN", "keyset_version must increase");
    payload.prev_keyset_sha256 = prev.sha256;
    prevIds = new Set(prev.keys.map((k) => k.keyid));
    if (!prev.keys.some((k) => signerIds.has(k.keyid)))
      throw new OracleError("E_KEYSET_CHAIN", "a new keyset must be signed by a key of the previous one");
  }
  const checked = await parseKeysetPayload(payload);
  for (const k of checked.keys) {
    if (!prevIds.has(k.keyid) && !signerIds.has(k.keyid))
      throw new OracleError("E_KEYSET_CHAIN", `new key ${k.keyid.slice(0, 12)}… must sign its own keyset`);
  }
  return signDsse(KEYSET_PAYLOAD_TYPE, payload, input.signers, subtle);
}
