import { encodeBase64 } from "../../oracle-core/snapshot";
import { toHex } from "../../oracle-core/snapshot";
import { sha256Hex } from "../../oracle-core/snapshot";
import { utf8Encode } from "../../oracle-core/snapshot";

/** A new subscription's id and secret (shown once), from 16 and 32 random bytes; randomness is an input. */
export function newWebhookCredentials(random: (n: number) => Uint8Array): { id: string; secret: string } {
  const b64url = encodeBase64(random(32)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  return { id: `wh_${toHex(random(16))}`, secret: `whsec_${b64url}` };
}

/** The lookup key of a secret (the secret itself is stored too: HMAC signing needs it). */
export function secretSha256(secret: string): Promise<string> {
  return sha256Hex(utf8Encode(secret));
}
