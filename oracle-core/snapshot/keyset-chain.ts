import { isOracleError, OracleError } from "../errors";
import { parseEnvelope } from "./dsse";
import { payloadBytes, verifyEnvelopeSignatures } from "./dsse-verify";
import type { CryptoDeps } from "./ed25519";
import type { TrustedKey } from "./keys";
import { KEYSET_PAYLOAD_TYPE, readKeyset } from "./keyset";

/** The newest keyset of a verified chain. */
export interface VerifiedKeyset {
  keyset_version: number;
  /** hex SHA-256 of its payload bytes. */
  sha256: string;
  /** Its keys, ready for verifySnapshot. */
  keys: TrustedKey[];
}

function chainItems(chain: unknown): unknown[] {
  const items = Array.isArray(chain) ? chain : (chain as { keysets?: unknown } | null)?.keysets;
  if (!Array.isArray(items) || items.length === 0) throw new OracleError("E_KEYSET_CHAIN", "the keyset chain is empty");
  return items;
}

/**
 * Walks keyset envelopes oldest → newest (an array, or the { keysets } document). The first must be
 * signed by a pinned root key; each next one by a key of the one before it, with a higher
 * keyset_version and prev_keyset_sha256 equal to the previous payload's sha256. In every link each
 * key that is new must sign too (proof of possession). Broken links throw E_KEYSET_CHAIN; bad
 * envelopes E_MALFORMED / E_PAYLOAD_TYPE; a bad signature under a trusted keyid E_SIG_INVALID.
 */
export async function verifyKeysetChain(
  chain: unknown,
  pinnedRootKeys: ReadonlyArray<TrustedKey>,
  deps: CryptoDeps = {},
): Promise<VerifiedKeyset> {
  let trusted: ReadonlyArray<TrustedKey> = pinnedRootKeys;
  let prev: { version: number; sha256: string } | undefined;
  for (const [i, item] of chainItems(chain).entries()) {
    const env = parseEnvelope(item);
    if (env.payloadType !== KEYSET_PAYLOAD_TYPE)
      throw new OracleError(
        "E_PAYLOAD_TYPE",
        `keyset ${i}: payloadType must be "${KEYSET_PAYLOAD_TYPE}"`,
        "payloadType",
      );
    const ks = await readKeyset(env);
    const trustedIds = new Set(trusted.map((k) => k.keyid));
    const union = [...trusted, ...ks.keys.filter((k) => !trustedIds.has(k.keyid))];
    let signed: string[];
    try {
      signed = await verifyEnvelopeSignatures(env, payloadBytes(env), union, deps);
    } catch (e) {
      if (isOracleError(e) && e.code === "E_UNKNOWN_KEY") signed = [];
      else throw e;
    }
    const by = i === 0 ? "a pinned root key" : "a key of the previous keyset";
    if (!signed.some((id) => trustedIds.has(id)))
      throw new OracleError("E_KEYSET_CHAIN", `keyset ${ks.payload.keyset_version} is not signed by ${by}`);
    for (const k of ks.keys) {
      if (!trustedIds.has(k.keyid) && !signed.includes(k.keyid)) {
        throw new OracleError(
          "E_KEYSET_CHAIN",
          `keyset ${ks.payload.keyset_version}: new key ${k.keyid.slice(0, 12)}… did not sign it`,
        );
      }
    }
    if (prev) {
      if (ks.payload.keyset_version <= prev.version)
        throw new OracleError(
          "E_KEYSET_CHAIN",
          `keyset_version ${ks.payload.keyset_version} does not increase past ${prev.version}`,
        );
      if (ks.payload.prev_keyset_sha256 !== prev.sha256)
        throw new OracleError(
          "E_KEYSET_CHAIN",
          `keyset ${ks.payload.keyset_version}: prev_keyset_sha256 does not match the previous keyset`,
        );
    }
    trusted = ks.keys;
    prev = { version: ks.payload.keyset_version, sha256: ks.sha256 };
  }
  return { keyset_version: prev!.version, sha256: prev!.sha256, keys: [...trusted] };
}
