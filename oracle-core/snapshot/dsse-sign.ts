import { OracleError } from "../errors";
import { encodeBase64 } from "./base64";
import type { Bytes } from "./bytes";
import { pae, type DsseEnvelope } from "./dsse";
import { signEd25519, type Subtle } from "./ed25519";
import { canonicalBytes } from "./jcs";
import type { Signer } from "./keys";

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
