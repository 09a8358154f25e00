import { toHex } from "../snapshot/hex";
import { utf8Encode } from "../snapshot/utf8";

/** Header carrying `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>` on every delivery. */
export const SIGNATURE_HEADER = "Exostream-Signature";
/** A receiver should refuse a signature whose timestamp is further than this from its clock (replay window). */
export const SIGNATURE_TOLERANCE_S = 300;

async function hmacHex(secret: string, message: string): Promise<string> {
  const alg = { name: "HMAC", hash: "SHA-256" };
  const key = await crypto.subtle.importKey("raw", utf8Encode(secret), alg, false, ["sign"]);
  return toHex(new Uint8Array(await crypto.subtle.sign("HMAC", key, utf8Encode(message))));
}

/**
 * The signature header value for a delivery body sent at `timestampS` (Stripe's scheme: the timestamp is signed
 * with the body, so a captured delivery cannot be replayed later with a fresh time).
 * @example await signWebhook("whsec_…", body, 1764000000) // "t=1764000000,v1=5f…"
 */
export async function signWebhook(secret: string, body: string, timestampS: number): Promise<string> {
  return `t=${timestampS},v1=${await hmacHex(secret, `${timestampS}.${body}`)}`;
}

function equalText(a: string, b: string): boolean {
  // Constant time over the expected length: no early exit on the first differing character.
  let diff = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ (b.charCodeAt(i % Math.max(1, b.length)) || 0);
  return diff === 0;
}

/**
 * Checks a delivery: a `v1` signature that matches the body and a timestamp within the tolerance of `nowMs`.
 * @example await verifyWebhook(secret, req.headers.get("exostream-signature"), await req.text(), Date.now())
 */
export async function verifyWebhook(
  secret: string,
  header: string | null | undefined,
  body: string,
  nowMs: number,
  toleranceS = SIGNATURE_TOLERANCE_S,
): Promise<boolean> {
  if (!header) return false;
  const parts = header.split(",").map((p) => p.trim());
  const t = Number(parts.find((p) => p.startsWith("t="))?.slice(2));
  if (!Number.isInteger(t) || Math.abs(nowMs / 1000 - t) > toleranceS) return false;
  const expected = await hmacHex(secret, `${t}.${body}`);
  return parts.filter((p) => p.startsWith("v1=")).some((p) => equalText(expected, p.slice(3)));
}
