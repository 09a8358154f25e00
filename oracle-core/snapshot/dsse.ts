import { z } from "zod";
import { OracleError } from "../errors.js";
import { BASE64_RE } from "./base64.js";
import { concatBytes, type Bytes } from "./bytes.js";
import { utf8Encode } from "./utf8.js";

/** payloadType of a signed Exostream snapshot. */
export const PAYLOAD_TYPE = "application/vnd.exostream.snapshot+json; version=1";

/** DSSE pre-authentication encoding: "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body, LEN in bytes. */
export function pae(payloadType: string, body: Uint8Array): Bytes {
  const type = utf8Encode(payloadType);
  return concatBytes(utf8Encode(`DSSEv1 ${type.length} `), type, utf8Encode(` ${body.length} `), body);
}

/** Most signatures an envelope may carry: a rotation needs two; the cap bounds work on hostile input. */
export const MAX_SIGNATURES = 8;

const base64 = z.string().regex(BASE64_RE, "must be standard padded base64");

/**
 * A DSSE envelope. Unknown fields are dropped (DSSE lets verifiers ignore them) and never read.
 * keyid is required here: it is how a verifier picks the key (hex SHA-256 of the raw public key).
 */
export const envelopeSchema = z.object({
  payloadType: z.string().min(1),
  payload: base64.min(4),
  signatures: z
    .array(
      z.object({
        keyid: z.string().regex(/^[0-9a-f]{64}$/, "must be 64 lower-case hex digits"),
        sig: base64.min(4),
      }),
    )
    .min(1)
    .max(MAX_SIGNATURES),
});

/** A parsed DSSE envelope. */
export type DsseEnvelope = z.infer<typeof envelopeSchema>;

/** Parses an envelope with envelopeSchema; throws OracleError E_MALFORMED naming the first bad field. */
export function parseEnvelope(input: unknown): DsseEnvelope {
  const r = envelopeSchema.safeParse(input);
  if (!r.success) {
    const issue = r.error.issues[0];
    const field = issue?.path.join(".") || undefined;
    throw new OracleError("E_MALFORMED", `envelope is malformed${field ? ` at ${field}` : ""}: ${issue?.message ?? "invalid"}`, field);
  }
  return r.data;
}
