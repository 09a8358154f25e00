import { BASE64_RE } from "./base64";
import { concatBytes, type Bytes } from "./bytes";
import { isRecord, isStr, malformed } from "./shape";
import { utf8Encode } from "./utf8";

/** payloadType of a signed Exostream snapshot. */
export const PAYLOAD_TYPE = "application/vnd.exostream.snapshot+json; version=1";

/** DSSE pre-authentication encoding: "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body, LEN in bytes. */
export function pae(payloadType: string, body: Uint8Array): Bytes {
  const type = utf8Encode(payloadType);
  return concatBytes(utf8Encode(`DSSEv1 ${type.length} `), type, utf8Encode(` ${body.length} `), body);
}

/** Most signatures an envelope may carry: a rotation needs two; the cap bounds work on hostile input. */
export const MAX_SIGNATURES = 8;

/** A parsed DSSE envelope (envelopeSchema in dsse-schema.ts is the same shape as a zod schema). */
export interface DsseEnvelope {
  payloadType: string;
  payload: string;
  signatures: { keyid: string; sig: string }[];
}

const HEX64 = /^[0-9a-f]{64}$/;
const B64 = "must be standard padded base64";

/**
 * Parses an envelope (the rules of envelopeSchema); throws OracleError E_MALFORMED naming the first bad field.
 * Unknown fields are dropped (DSSE lets verifiers ignore them) and never read.
 */
export function parseEnvelope(input: unknown): DsseEnvelope {
  const bad = (field: string, why: string) => malformed("envelope", field, why);
  if (!isRecord(input)) return bad("", "expected an object");
  const { payloadType, payload, signatures } = input;
  if (!isStr(payloadType, undefined, 1)) return bad("payloadType", "must be a non-empty string");
  if (!isStr(payload, BASE64_RE, 4)) return bad("payload", B64);
  if (!Array.isArray(signatures) || signatures.length < 1 || signatures.length > MAX_SIGNATURES) {
    return bad("signatures", `must hold 1 to ${MAX_SIGNATURES} signatures`);
  }
  // Array.from visits holes too (as undefined), like zod; .map would skip them.
  const sigs = Array.from(signatures, (s: unknown, i) => {
    if (!isRecord(s)) return bad(`signatures.${i}`, "expected an object");
    if (!isStr(s.keyid, HEX64)) return bad(`signatures.${i}.keyid`, "must be 64 lower-case hex digits");
    if (!isStr(s.sig, BASE64_RE, 4)) return bad(`signatures.${i}.sig`, B64);
    return { keyid: s.keyid, sig: s.sig };
  });
  return { payloadType, payload, signatures: sigs };
}
