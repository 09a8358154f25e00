import { OracleError } from "../errors";
import { decodeBase64, encodeBase64 } from "./base64";
import type { Bytes } from "./bytes";
import { ED25519, type KeyHandle, type Subtle } from "./ed25519";
import { fromHex } from "./hex";
import { sha256Hex } from "./sha256";

/** A key that signs envelopes: its keyid and a WebCrypto private key. */
export interface Signer {
  keyid: string;
  privateKey: KeyHandle;
}

/** A public key a verifier trusts (pinned, or from a verified keyset), with an optional validity window. */
export interface TrustedKey {
  keyid: string;
  publicKey: Bytes;
  not_before?: string | undefined;
  not_after?: string | undefined;
}

/** A freshly generated key pair in storable form. */
export interface GeneratedKey {
  /** base64 PKCS#8 private key (keep secret). */
  privateKeyPkcs8: string;
  /** base64 of the 32-byte raw public key. */
  publicKeyRaw: string;
  /** hex SHA-256 of the raw public key. */
  keyid: string;
}

/** keyid of a raw Ed25519 public key: lower-case hex SHA-256 of its 32 bytes. */
export async function keyIdOf(publicKeyRaw: Bytes): Promise<string> {
  return sha256Hex(publicKeyRaw);
}

/** Generates an Ed25519 key pair with WebCrypto. */
export async function generateSigningKey(subtle: Subtle = crypto.subtle): Promise<GeneratedKey> {
  const pair = (await subtle.generateKey(ED25519, true, ["sign", "verify"])) as {
    privateKey: KeyHandle;
    publicKey: KeyHandle;
  };
  const pkcs8 = new Uint8Array((await subtle.exportKey("pkcs8", pair.privateKey)) as ArrayBuffer);
  const raw = new Uint8Array((await subtle.exportKey("raw", pair.publicKey)) as ArrayBuffer);
  return { privateKeyPkcs8: encodeBase64(pkcs8), publicKeyRaw: encodeBase64(raw), keyid: await keyIdOf(raw) };
}

function base64UrlToBytes(s: string): Bytes {
  const std = s.replace(/-/g, "+").replace(/_/g, "/");
  return decodeBase64(std + "=".repeat((4 - (std.length % 4)) % 4));
}

/**
 * Imports a base64 PKCS#8 Ed25519 private key as a Signer (keyid derived from its public half).
 * @example const signer = await importSigningKey(env.SIGNING_KEY_PKCS8)
 */
export async function importSigningKey(
  pkcs8Base64: string,
  subtle: Subtle = crypto.subtle,
): Promise<Signer & { publicKeyRaw: string }> {
  const pkcs8 = decodeBase64(pkcs8Base64);
  // The public half comes from the JWK "x"; that import is extractable, the signing one is not.
  const exportable = await subtle.importKey("pkcs8", pkcs8, ED25519, true, ["sign"]);
  const jwk = (await subtle.exportKey("jwk", exportable)) as { x?: unknown };
  if (typeof jwk.x !== "string") throw new OracleError("E_MALFORMED", "private key has no public half (JWK x)");
  const raw = base64UrlToBytes(jwk.x);
  const privateKey = await subtle.importKey("pkcs8", pkcs8, ED25519, false, ["sign"]);
  return { keyid: await keyIdOf(raw), privateKey, publicKeyRaw: encodeBase64(raw) };
}

/** Imports a raw 32-byte Ed25519 public key for WebCrypto verify (throws NotSupportedError where absent). */
export async function importPublicKey(publicKeyRaw: Bytes, subtle: Subtle = crypto.subtle): Promise<KeyHandle> {
  return subtle.importKey("raw", publicKeyRaw, ED25519, true, ["verify"]);
}

/**
 * Trusted keys from pinned raw public keys (bytes, base64, or 64-hex-digit strings), keyids computed.
 * @example const keys = await pinKeys(["11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="])
 */
export async function pinKeys(raw: ReadonlyArray<Bytes | string>): Promise<TrustedKey[]> {
  const out: TrustedKey[] = [];
  for (const k of raw) {
    const bytes = typeof k !== "string" ? k : /^[0-9a-f]{64}$/.test(k) ? fromHex(k) : decodeBase64(k);
    if (bytes.length !== 32) throw new OracleError("E_MALFORMED", "an Ed25519 public key is 32 bytes");
    out.push({ keyid: await keyIdOf(bytes), publicKey: bytes });
  }
  return out;
}
