import { OracleError } from "../errors";
import type { Bytes } from "./bytes";

/** The platform's SubtleCrypto (inferred, so each realm sees its own type). */
export type Subtle = typeof crypto.subtle;
/** A WebCrypto key handle (CryptoKey in DOM and Workers typings). */
export type KeyHandle = Awaited<ReturnType<Subtle["importKey"]>>;
/** A pure-JS Ed25519 verifier used only where WebCrypto lacks Ed25519. Returns false on any bad input. */
export type Ed25519Verify = (publicKeyRaw: Uint8Array, sig: Uint8Array, message: Uint8Array) => Promise<boolean>;
/** Injectable crypto for verification: a SubtleCrypto and a fallback verifier (both default to the globals). */
export interface CryptoDeps {
  subtle?: Subtle | undefined;
  fallback?: Ed25519Verify | undefined;
}

/** The WebCrypto algorithm identifier. */
export const ED25519 = { name: "Ed25519" };

let globalFallback: Ed25519Verify | undefined;
// Realms already seen to lack Ed25519 go straight to the fallback next time.
const unsupported = new WeakSet<object>();

/**
 * Registers the verifier used when WebCrypto lacks Ed25519 (pass undefined to clear).
 * @example setEd25519Fallback(async (k, s, m) => (await import("./ed25519-fallback.js")).nobleVerify(k, s, m))
 */
export function setEd25519Fallback(fn: Ed25519Verify | undefined): void {
  globalFallback = fn;
}

/** The global SubtleCrypto, or undefined where there is none (insecure browser contexts). */
export function platformSubtle(): Subtle | undefined {
  return typeof crypto === "undefined" ? undefined : crypto.subtle;
}

function isNotSupported(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { name?: unknown }).name === "NotSupportedError";
}

async function viaWebCrypto(subtle: Subtle, pub: Bytes, sig: Bytes, msg: Bytes): Promise<boolean | "unsupported"> {
  let key: KeyHandle;
  try {
    key = await subtle.importKey("raw", pub, ED25519, false, ["verify"]);
  } catch (e) {
    // NotSupportedError means "no Ed25519 here"; anything else (DataError) means a bad key.
    return isNotSupported(e) ? "unsupported" : false;
  }
  try {
    return await subtle.verify(ED25519, key, sig, msg);
  } catch (e) {
    return isNotSupported(e) ? "unsupported" : false;
  }
}

/**
 * Verifies an Ed25519 signature with WebCrypto, or with the fallback where the platform lacks Ed25519.
 * Wrong lengths are simply invalid (false). Throws OracleError E_NO_ED25519 when neither is available.
 */
export async function verifyEd25519(
  publicKeyRaw: Bytes,
  sig: Bytes,
  message: Bytes,
  deps: CryptoDeps = {},
): Promise<boolean> {
  if (publicKeyRaw.length !== 32 || sig.length !== 64) return false;
  const subtle = deps.subtle ?? platformSubtle();
  if (subtle && !unsupported.has(subtle)) {
    const r = await viaWebCrypto(subtle, publicKeyRaw, sig, message);
    if (r !== "unsupported") return r;
    unsupported.add(subtle);
  }
  const fallback = deps.fallback ?? globalFallback;
  if (!fallback) {
    throw new OracleError(
      "E_NO_ED25519",
      "this platform's WebCrypto has no Ed25519 and no fallback verifier was registered",
    );
  }
  try {
    return (await fallback(publicKeyRaw, sig, message)) === true;
  } catch {
    return false;
  }
}

/** Signs a message with an Ed25519 private key through WebCrypto (signing happens on the feed, which has it). */
export async function signEd25519(
  privateKey: KeyHandle,
  message: Bytes,
  subtle: Subtle = crypto.subtle,
): Promise<Bytes> {
  return new Uint8Array(await subtle.sign(ED25519, privateKey, message));
}
