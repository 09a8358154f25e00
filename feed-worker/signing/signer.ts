import { OracleError } from "../../oracle-core";
import type { DsseEnvelope } from "../../oracle-core/snapshot";
import { generateSigningKey, importSigningKey, type Signer } from "../../oracle-core/snapshot";
import { makeKeyset, readKeyset } from "../../oracle-core/snapshot";
import type { KeysetDocument } from "../../oracle-core/snapshot";
import type { Env } from "../env";
import { KV } from "../store/kv-keys";

export interface FeedSigner {
  signer: Signer;
  publicKeyRaw: string;
  keysetVersion: number;
}

/**
 * The signing key: the SIGNING_KEY secret in production; locally (ENVIRONMENT=local) a key generated
 * on first start and kept in the persisted KV store, so a restart signs with the same key.
 */
export async function loadSigner(env: Env): Promise<FeedSigner> {
  let pkcs8 = env.SIGNING_KEY;
  if (!pkcs8) {
    if (env.ENVIRONMENT !== "local") {
      throw new OracleError("E_UNKNOWN_KEY", "SIGNING_KEY secret is not set (wrangler secret put SIGNING_KEY)");
    }
    pkcs8 = (await env.FEED_KV.get(KV.localSigningKey)) ?? undefined;
    if (!pkcs8) {
      const generated = await generateSigningKey();
      pkcs8 = generated.privateKeyPkcs8;
      await env.FEED_KV.put(KV.localSigningKey, pkcs8);
    }
  }
  const imported = await importSigningKey(pkcs8);
  const keysetVersion = await ensureKeyset(env, imported);
  return {
    signer: { keyid: imported.keyid, privateKey: imported.privateKey },
    publicKeyRaw: imported.publicKeyRaw,
    keysetVersion,
  };
}

export async function readKeysetDocument(env: Env): Promise<KeysetDocument> {
  const text = await env.FEED_KV.get(KV.keysetChain);
  return text ? (JSON.parse(text) as KeysetDocument) : { keysets: [] };
}

/**
 * Makes sure the published keyset lists the signing key. The first key starts the chain (root keyset v1).
 * A new key can only join through a keyset signed by the previous key (scripts/rotate-key.ts); the feed
 * refuses to sign with a key the chain does not vouch for.
 */
async function ensureKeyset(env: Env, key: Signer & { publicKeyRaw: string }): Promise<number> {
  const doc = await readKeysetDocument(env);
  const last: DsseEnvelope | undefined = doc.keysets[doc.keysets.length - 1];
  if (last) {
    const current = await readKeyset(last);
    if (current.keys.some((k) => k.keyid === key.keyid)) return current.payload.keyset_version;
    throw new OracleError(
      "E_KEYSET_CHAIN",
      `signing key ${key.keyid.slice(0, 12)}… is not in keyset v${current.payload.keyset_version}; rotate with scripts/rotate-key.ts`,
    );
  }
  const root = await makeKeyset({ keyset_version: 1, keys: [{ public_key: key.publicKeyRaw }], signers: [key] });
  await env.FEED_KV.put(KV.keysetChain, JSON.stringify({ keysets: [root] } satisfies KeysetDocument));
  return 1;
}
