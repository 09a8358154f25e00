import { OracleError } from "../errors.js";
import { encodeBase64 } from "./base64.js";
import type { Bytes } from "./bytes.js";
import { pae, type DsseEnvelope } from "./dsse.js";
import { signEd25519, type Subtle } from "./ed25519.js";
import { canonicalBytes } from "./jcs.js";
import type { Signer } from "./keys.js";

/** Signs raw payload bytes into a DSSE envelope, one signature per signer (over PAE). */
export async function signDsseBytes(
  payloadType: string,
  payload: Bytes,
  signers: ReadonlyArray<Signer>,
  subtle: Subtle = crypto.subtle,
): Promise<DsseEnvelope> {
  if (signers.length === 0) throw new OracleError("E_MALFORMED", "at least one signer is needed");
  const message = pae(payloadType, payload);
  const signatures: DsseEnvelope["signatures"] = [];
  for (const s of signers) {
    signatures.push({ keyid: s.keyid, sig: encodeBase64(await signEd25519(s.privateKey, message, subtle)) });
  }
  return { payloadType, payload: encodeBase64(payload), signatures };
}

/** Signs an object as RFC 8785 canonical JSON into a DSSE envelope. */
export async function signDsse(
  payloadType: string,
  payload: object,
  signers: ReadonlyArray<Signer>,
  subtle: Subtle = crypto.subtle,
): Promise<DsseEnvelope> {
  return signDsseBytes(payloadType, canonicalBytes(payload), signers, subtle);
}
