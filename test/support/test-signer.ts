// Deterministic keys for tests and fixtures only — never for a real feed. The seeds are the
// published RFC 8032 §7.1 test vectors 1 and 2, so anyone can check the derived public keys.
import { encodeBase64 } from "../../oracle-core/snapshot";
import { fromHex } from "../../oracle-core/snapshot";
import { importSigningKey } from "../../oracle-core/snapshot";

/** DER prefix of an Ed25519 PKCS#8 private key (RFC 8410), followed by the 32-byte seed. */
const PKCS8_PREFIX = "302e020100300506032b657004220420";

/** RFC 8032 test 1 key as base64 PKCS#8 (public key d75a9801…f707511a). */
export const TEST_PKCS8_A = encodeBase64(
  fromHex(PKCS8_PREFIX + "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"),
);
/** RFC 8032 test 2 key as base64 PKCS#8 (public key 3d4017c3…4660c). */
export const TEST_PKCS8_B = encodeBase64(
  fromHex(PKCS8_PREFIX + "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"),
);

/**
 * A Signer from a fixed test key ("a" = RFC 8032 test 1, "b" = test 2).
 * @example const env = await signSnapshot(payload, await testSigner())
 */
export function testSigner(which: "a" | "b" = "a") {
  return importSigningKey(which === "a" ? TEST_PKCS8_A : TEST_PKCS8_B);
}

/**
 * A small snapshot payload with valid header fields (issued_at from `nowMs`, expires_at = issued +
 * 3 × heartbeat) and a couple of model rows, for tests that need something realistic to sign.
 */
export function testSnapshotPayload(nowMs: number, over: Record<string, unknown> = {}): Record<string, unknown> {
  const heartbeat_s = 3600;
  return {
    version: 42,
    issued_at: new Date(nowMs).toISOString(),
    expires_at: new Date(nowMs + 3 * heartbeat_s * 1000).toISOString(),
    heartbeat_s,
    prev_sha256: "0".repeat(64),
    keyset_version: 1,
    methodology_version: "1.0.0",
    mode: "bundled",
    models: [
      {
        ticker: "OPUS-4.6",
        name: "Claude Opus 4.6 — “flagship”",
        beta_sync: 25,
        r_in: 0.2,
        theta: -0.0123,
        forwards: { "1M": 24.7, "3M": 24.1 },
      },
      {
        ticker: "GPT-5",
        name: "GPT‑5 ünïcödé 😀",
        beta_sync: 10,
        r_in: 0.125,
        theta: -0.02,
        forwards: { "1M": 9.8, "3M": 9.41 },
      },
    ],
    index: { level: 1000.5, divisor: 1.25e-3, base_date: "2025-01-01" },
    ...over,
  };
}
