import type { DsseEnvelope } from "./dsse";
import { PAYLOAD_TYPE } from "./dsse";
import { signDsse } from "./dsse-sign";
import { payloadBytes } from "./dsse-verify";
import type { Subtle } from "./ed25519";
import type { Signer } from "./keys";
import { sha256Hex } from "./sha256";
import { parseSnapshotHeader } from "./snapshot-header";

/**
 * Signs a snapshot payload: JCS canonical bytes, Ed25519 over PAE, DSSE envelope. The header
 * fields (version, issued_at, expires_at, heartbeat_s) are checked first so the feed cannot publish
 * what clients would reject as malformed. Pass two signers during a key rotation.
 * @example const env = await signSnapshot(payload, await importSigningKey(pkcs8))
 */
export async function signSnapshot(
  payload: object,
  signer: Signer | ReadonlyArray<Signer>,
  subtle: Subtle = crypto.subtle,
): Promise<DsseEnvelope> {
  parseSnapshotHeader(payload);
  const signers: ReadonlyArray<Signer> = Array.isArray(signer) ? signer : [signer as Signer];
  return signDsse(PAYLOAD_TYPE, payload, signers, subtle);
}

/** Hex SHA-256 of an envelope's decoded payload bytes (the next snapshot's `prev_sha256`). */
export async function payloadSha256(envelope: Pick<DsseEnvelope, "payload">): Promise<string> {
  return sha256Hex(payloadBytes(envelope as DsseEnvelope));
}
