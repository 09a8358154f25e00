// Public surface of the signed snapshot: canonical JSON, DSSE, Ed25519 keys, keysets, verification.
// ed25519-fallback.ts is deliberately absent: browsers load it by dynamic import only where needed.

// canonical JSON and encodings
export { canonicalize, canonicalBytes } from "./jcs";
export { encodeBase64, decodeBase64 } from "./base64";
export { toHex, fromHex } from "./hex";
export { sha256Hex } from "./sha256";
export { utf8Encode, utf8Decode } from "./utf8";
export { bytesEqual } from "./bytes";

// DSSE
export { PAYLOAD_TYPE, MAX_SIGNATURES, pae, parseEnvelope } from "./dsse";
export { envelopeSchema } from "./dsse-schema";
export { signDsse, signDsseBytes } from "./dsse-sign";
export { verifyEnvelopeSignatures, parseCanonicalJson, payloadBytes } from "./dsse-verify";

// keys and Ed25519
export { generateSigningKey, importSigningKey, importPublicKey, keyIdOf, pinKeys } from "./keys";
export { verifyEd25519, signEd25519, setEd25519Fallback, platformSubtle, ED25519 } from "./ed25519";

// snapshot
export { signSnapshot, payloadSha256 } from "./snapshot-sign";
export { verifySnapshot, DEFAULT_SKEW_MS } from "./snapshot-verify";
export { parseSnapshotHeader, instantMs } from "./snapshot-header";
export { snapshotHeaderSchema } from "./snapshot-header-schema";
export {
  WIDGET_VIEW_FIELDS,
  WIDGET_VIEW_PAYLOAD_TYPE,
  readWidgetView,
  signWidgetView,
  verifyWidgetView,
} from "./widget-view";
export { widgetView } from "./widget-view";

// keysets and rotation
export { KEYSET_PAYLOAD_TYPE, MAX_KEYSET_KEYS, makeKeyset, parseKeysetPayload, readKeyset } from "./keyset";
// The zod schemas live in their own files so the verifier path (and a widget bundle) carries no zod.
export { keysetKeySchema, keysetPayloadSchema } from "./keyset-schema";
export { verifyKeysetChain } from "./keyset-chain";

export type { Bytes } from "./bytes";
export type { DsseEnvelope } from "./dsse";
export type { Subtle, KeyHandle, Ed25519Verify, CryptoDeps } from "./ed25519";
export type { Signer, TrustedKey, GeneratedKey } from "./keys";
export type { StoredSnapshot, VerifyOptions, VerifiedSnapshot } from "./snapshot-verify";
export type { SnapshotHeader } from "./snapshot-header";
export type { WidgetRow, WidgetView, WidgetViewPayload } from "./widget-view";
export type { KeysetPayload, KeysetDocument, MakeKeysetInput } from "./keyset";
export type { VerifiedKeyset } from "./keyset-chain";

// used by the other parts
export { concatBytes } from "./bytes";
