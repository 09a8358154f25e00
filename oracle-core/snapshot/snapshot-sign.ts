import type { DsseEnvelope } from "./dsse.js";
import { PAYLOAD_TYPE } from "./dsse.js";
import { signDsse } from "./dsse-sign.js";
import { payloadBytes } from "./dsse-verify.js";
import type { Subtle } from "./ed25519.js";
import type { Signer } from "./keys.js";
import { sha256Hex } from "./sha256.js";
import { parseSnapshotHeader } from "./snapshot-header.js";

/**
 * Signs a snapshot payload: JCS canonical bytes, Ed25519 over PAE, DSSE envelope. The header
 * fields (version, issued_at, expires_at, heartbeat_s) are checked first so the feed cannot publish
 * what clients would reject as malformed. Pass two signers during a key rotation.
 * @example const env = await signSnapshot(payload, await importSigningKey(pkcs8))
 */
export async function signSnapshot(payload: object, signer: Signer | ReadonlyArray<Signer>, subtle: Subtle = crypto.subtle): Promise<DsseEnvelope> {
  parseSnapshotHeader(payload);
  const signers: ReadonlyArray<Signer> = Array.isArray(signer) ? signer : [signer as Signer];
  return signDsse(PAYLOAD_TYPE, payload, signers, subtle);
}

/** Hex SHA-256 of an envelope's decoded payload bytes (the next snapshot's `prev_sha256`). */
export async function payloadSha256(envelope: Pick<DsseEnvelope, "payload">): Promise<string> {
  return sha256Hex(payloadBytes(envelope as DsseEnvelope));
}
