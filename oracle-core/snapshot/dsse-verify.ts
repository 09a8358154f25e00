import { OracleError } from "../errors";
import { decodeBase64 } from "./base64";
import { bytesEqual, type Bytes } from "./bytes";
import { pae, type DsseEnvelope } from "./dsse";
import { verifyEd25519, type CryptoDeps } from "./ed25519";
import { canonicalize } from "./jcs";
import type { TrustedKey } from "./keys";
import { utf8Decode, utf8Encode } from "./utf8";

/**
 * Checks the signatures of a parsed envelope against trusted keys; returns the keyids that verified.
 *
 * Policy (stricter than DSSE's "any one"): duplicate keyids are malformed; entries by keys we do not
 * trust are ignored, never counted; at least one trusted entry must exist (E_UNKNOWN_KEY) and EVERY
 * trusted entry must verify (E_SIG_INVALID). A key we trust never signs badly, so a bad signature
 * under its keyid means tampering, and we fail closed instead of picking the good copy.
 */
export async function verifyEnvelopeSignatures(
  env: DsseEnvelope,
  payload: Bytes,
  trusted: ReadonlyArray<TrustedKey>,
  deps: CryptoDeps = {},
): Promise<string[]> {
  const seen = new Set<string>();
  for (const s of env.signatures) {
    if (seen.has(s.keyid))
      throw new OracleError("E_MALFORMED", `keyid ${s.keyid.slice(0, 12)}… appears twice`, "signatures");
    seen.add(s.keyid);
  }
  const byId = new Map(trusted.map((k) => [k.keyid, k]));
  const mine = env.signatures.filter((s) => byId.has(s.keyid));
  if (mine.length === 0) throw new OracleError("E_UNKNOWN_KEY", "no signature by a trusted key", "signatures");
  const message = pae(env.payloadType, payload);
  const ok: string[] = [];
  for (const s of mine) {
    const key = byId.get(s.keyid)!;
    const sig = decodeBase64(s.sig); // non-canonical base64: E_MALFORMED
    if (!(await verifyEd25519(key.publicKey, sig, message, deps))) {
      throw new OracleError("E_SIG_INVALID", `signature by ${s.keyid.slice(0, 12)}… does not verify`, "signatures");
    }
    ok.push(s.keyid);
  }
  return ok;
}

/** Decodes an envelope payload (strict base64); E_MALFORMED otherwise. */
export function payloadBytes(env: DsseEnvelope): Bytes {
  return decodeBase64(env.payload);
}

/**
 * Parses signed payload bytes as a JSON object that must already be in RFC 8785 canonical form
 * (so every accepted payload has exactly one byte representation). E_MALFORMED otherwise.
 */
export function parseCanonicalJson(bytes: Bytes): Record<string, unknown> {
  const text = utf8Decode(bytes);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new OracleError("E_MALFORMED", "payload is not JSON");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new OracleError("E_MALFORMED", "payload is not a JSON object");
  }
  if (!bytesEqual(utf8Encode(canonicalize(value)), bytes)) {
    throw new OracleError("E_MALFORMED", "payload is not RFC 8785 canonical JSON");
  }
  return value as Record<string, unknown>;
}
