// Public surface of the signed snapshot: canonical JSON, DSSE, Ed25519 keys, keysets, verification.
// ed25519-fallback.ts is deliberately absent: browsers load it by dynamic import only where needed.

// canonical JSON and encodings
export { canonicalize, canonicalBytes } from "./jcs.js";
export { encodeBase64, decodeBase64 } from "./base64.js";
export { toHex, fromHex } from "./hex.js";
export { sha256Hex } from "./sha256.js";
export { utf8Encode, utf8Decode } from "./utf8.js";
export { bytesEqual } from "./bytes.js";

// DSSE
export { PAYLOAD_TYPE, MAX_SIGNATURES, pae, parseEnvelope } from "./dsse.js";
export { envelopeSchema } from "./dsse-schema.js";
export { signDsse, signDsseBytes } from "./dsse-sign.js";
export { verifyEnvelopeSignatures, parseCanonicalJson, payloadBytes } from "./dsse-verify.js";

// keys and Ed25519
export { generateSigningKey, importSigningKey, importPublicKey, keyIdOf, pinKeys } from "./keys.js";
export { verifyEd25519, signEd25519, setEd25519Fallback, platformSubtle, ED25519 } from "./ed25519.js";

// snapshot
export { signSnapshot, payloadSha256 } from "./snapshot-sign.js";
export { verifySnapshot, DEFAULT_SKEW_MS } from "./snapshot-verify.js";
export { parseSnapshotHeader, instantMs } from "./snapshot-header.js";
export { snapshotHeaderSchema } from "./snapshot-header-schema.js";

// keysets and rotation
export { KEYSET_PAYLOAD_TYPE, MAX_KEYSET_KEYS, makeKeyset, parseKeysetPayload, readKeyset } from "./keyset.js";
// The zod schemas live in their own files so the verifier path (and a widget bundle) carries no zod.
export { keysetKeySchema, keysetPayloadSchema } from "./keyset-schema.js";
export { verifyKeysetChain } from "./keyset-chain.js";

export type { Bytes } from "./bytes.js";
export type { DsseEnvelope } from "./dsse.js";
export type { Subtle, KeyHandle, Ed25519Verify, CryptoDeps } from "./ed25519.js";
export type { Signer, TrustedKey, GeneratedKey } from "./keys.js";
export type { StoredSnapshot, VerifyOptions, VerifiedSnapshot } from "./snapshot-verify.js";
export type { SnapshotHeader } from "./snapshot-header.js";
export type { KeysetPayload, KeysetDocument, MakeKeysetInput } from "./keyset.js";
export type { VerifiedKeyset } from "./keyset-chain.js";
