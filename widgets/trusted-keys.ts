import { parseEnvelope, pinKeys, readKeyset, verifyKeysetChain, type TrustedKey } from "../oracle-core/snapshot";

/**
 * The keys a snapshot must be signed by: the keyset chain from /.well-known/exostream-keys.json,
 * verified from the page's pinned keys, or — with no pin — from the first keyset's own keys
 * (trust on first use of the origin that served the widget script; pin a key to close that gap).
 */
export async function trustedKeys(keysDoc: unknown, pins: string[]): Promise<TrustedKey[]> {
  const first = (keysDoc as { keysets?: unknown[] } | null)?.keysets?.[0];
  const root = pins.length > 0 ? await pinKeys(pins) : (await readKeyset(parseEnvelope(first))).keys;
  return (await verifyKeysetChain(keysDoc, root)).keys;
}
