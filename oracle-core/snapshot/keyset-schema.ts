import { z } from "zod";
import { BASE64_RE } from "./base64";
import { MAX_KEYSET_KEYS, type KeysetPayload } from "./keyset";
import { instantMs } from "./snapshot-header";

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, "must be 64 lower-case hex digits");
const instant = z.string().refine((s) => instantMs(s) !== undefined, "must be a UTC instant like 2026-07-01T12:00:00Z");

/** One public key in a keyset, as a zod schema (parseKeysetPayload checks the same rules without zod, see shape.ts). */
export const keysetKeySchema = z.object({
  keyid: hex64,
  public_key: z.string().regex(BASE64_RE).length(44, "must be base64 of 32 bytes"),
  alg: z.literal("ed25519"),
  not_before: instant.optional(),
  not_after: instant.optional(),
});

/** The signed payload of a keyset. prev_keyset_sha256 links it to the keyset it replaces. */
export const keysetPayloadSchema = z.object({
  keyset_version: z.int().positive(),
  keys: z.array(keysetKeySchema).min(1).max(MAX_KEYSET_KEYS),
  prev_keyset_sha256: hex64.optional(),
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same: Same<z.infer<typeof keysetPayloadSchema>, KeysetPayload> = true;
void same;
