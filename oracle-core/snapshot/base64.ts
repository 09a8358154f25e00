import { OracleError } from "../errors";
import type { Bytes } from "./bytes";

/** Standard (RFC 4648 §4) base64 with padding; the shape only, canonical bits are checked on decode. */
export const BASE64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Standard padded base64 of bytes. */
export function encodeBase64(bytes: Uint8Array): string {
  let bin = "";
  // Chunked so large payloads do not overflow the argument limit of fromCharCode.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(bin);
}

/**
 * Strict base64 decoding: standard alphabet, padding required, no whitespace, and the unused
 * trailing bits must be zero, so every byte string has exactly one accepted encoding.
 * Anything else throws OracleError E_MALFORMED.
 */
export function decodeBase64(s: string): Bytes {
  if (!BASE64_RE.test(s)) throw new OracleError("E_MALFORMED", "not standard padded base64");
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  // Non-zero padding bits ("QQ==" vs "QR==") decode to the same bytes; refuse all but the canonical form.
  if (encodeBase64(out) !== s) throw new OracleError("E_MALFORMED", "non-canonical base64 (non-zero padding bits)");
  return out;
}
