import { z } from "zod";
import { BASE64_RE } from "./base64";
import { MAX_SIGNATURES, type DsseEnvelope } from "./dsse";

const base64 = z.string().regex(BASE64_RE, "must be standard padded base64");

/**
 * A DSSE envelope as a zod schema (the published contract; parseEnvelope checks the same rules
 * without zod, see shape.ts). Unknown fields are dropped (DSSE lets verifiers ignore them).
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

// Compile-time check that the schema and the hand-written type describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same: Same<z.infer<typeof envelopeSchema>, DsseEnvelope> = true;
void same;
