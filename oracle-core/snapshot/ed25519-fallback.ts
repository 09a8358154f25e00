// Loaded only by dynamic import, and only where WebCrypto lacks Ed25519: keep it out of static imports.
import { verifyAsync } from "@noble/ed25519";

/**
 * Ed25519 verification with @noble/ed25519 (audited, ~5 KB). Uses RFC 8032 strict semantics
 * (zip215: false) to agree with WebCrypto; any thrown error (bad lengths, bad point) is a false.
 */
export async function nobleVerify(publicKeyRaw: Uint8Array, sig: Uint8Array, message: Uint8Array): Promise<boolean> {
  try {
    return await verifyAsync(sig, message, publicKeyRaw, { zip215: false });
  } catch {
    return false;
  }
}
