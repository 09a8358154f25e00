import { systemNow } from "./clock";
import { isOracleError, OracleError } from "../../oracle-core";
import { SnapshotPayloadSchema, type SnapshotPayload } from "../../oracle-core/schemas";
import { verifyKeysetChain } from "../../oracle-core/snapshot";
import type { Bytes } from "../../oracle-core/snapshot";
import { pinKeys, type TrustedKey } from "../../oracle-core/snapshot";
import { verifySnapshot, type StoredSnapshot, type VerifiedSnapshot } from "../../oracle-core/snapshot";

/**
 * What a client keeps between runs: the last accepted envelope, its keyset chain, and {version, sha256} for rollback
 * checks.
 */
export interface CachedSnapshot {
  envelope: string;
  keys: string;
  version: number;
  sha256: string;
}

/** Where the verified snapshot is kept (memory by default; `fileCache` on disk for the stdio server). */
export interface SnapshotCache {
  load(): Promise<CachedSnapshot | null>;
  save(entry: CachedSnapshot): Promise<void>;
}

export interface SnapshotSourceOptions {
  /**
   * The feed's base URL, e.g. https://feed.example.com (the SDK reads /v1/snapshot and
   * /.well-known/exostream-keys.json).
   */
  feedUrl: string;
  /**
   * Pinned root public keys (base64 or hex of the raw 32-byte Ed25519 keys): the keyset chain must start at one of
   * them.
   */
  publicKeys: ReadonlyArray<string | Bytes>;
  fetch?: typeof fetch | undefined;
  cache?: SnapshotCache | undefined;
  /** The clock, read once per verification (tests pass a fixed one). */
  now?: (() => number) | undefined;
}

/** A snapshot that passed the SPEC §5 client algorithm, and where it came from. */
export interface LoadedSnapshot {
  verified: VerifiedSnapshot<SnapshotPayload>;
  from: "feed" | "cache";
}

/** An in-memory cache: survives refreshes within one process (rollback protection), not restarts. */
export function memoryCache(): SnapshotCache {
  let entry: CachedSnapshot | null = null;
  return { load: async () => entry, save: async (e) => void (entry = e) };
}

async function verify(
  envelopeText: string,
  keysText: string,
  pinned: TrustedKey[],
  now: number,
  stored: StoredSnapshot | undefined,
) {
  const { keys } = await verifyKeysetChain(JSON.parse(keysText), pinned);
  return verifySnapshot<SnapshotPayload>(JSON.parse(envelopeText), {
    keys,
    now,
    stored,
    parsePayload: (j) => SnapshotPayloadSchema.parse(j),
  });
}

/**
 * Fetches the keyset chain and the signed snapshot, verifies both (oracle-core's verifyKeysetChain and verifySnapshot,
 * against the cache's {version, sha256} so an older or substituted snapshot is refused), and caches the result.
 * When the feed cannot be reached, the cached snapshot is verified again and used while it has not expired.
 */
export async function loadSnapshot(opts: SnapshotSourceOptions): Promise<LoadedSnapshot> {
  const base = opts.feedUrl.replace(/\/+$/, "");
  const f = opts.fetch ?? fetch;
  const cache = opts.cache ?? memoryCache();
  const now = (opts.now ?? systemNow)();
  const pinned = await pinKeys(opts.publicKeys);
  const cached = await cache.load();
  const stored = cached ? { version: cached.version, sha256: cached.sha256 } : undefined;
  let texts: { envelope: string; keys: string };
  try {
    const [env, keys] = await Promise.all([f(`${base}/v1/snapshot`), f(`${base}/.well-known/exostream-keys.json`)]);
    if (!env.ok || !keys.ok) throw new Error(`feed answered HTTP ${env.ok ? keys.status : env.status}`);
    texts = { envelope: await env.text(), keys: await keys.text() };
  } catch (e) {
    if (!cached)
      throw new OracleError(
        "E_NO_SNAPSHOT",
        `cannot reach the feed at ${base} and nothing is cached: ${e instanceof Error ? e.message : String(e)}`,
      );
    return { verified: await verify(cached.envelope, cached.keys, pinned, now, undefined), from: "cache" };
  }
  let verified: VerifiedSnapshot<SnapshotPayload>;
  try {
    verified = await verify(texts.envelope, texts.keys, pinned, now, stored);
  } catch (e) {
    // A bad fetch never replaces a good cache; but a rollback or replay is an attack, not a reason to fall back
    // silently.
    if (isOracleError(e)) throw e;
    throw new OracleError(
      "E_MALFORMED",
      `the feed's snapshot or keyset is not JSON: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  if (!cached || verified.version !== cached.version)
    await cache.save({
      envelope: texts.envelope,
      keys: texts.keys,
      version: verified.version,
      sha256: verified.sha256,
    });
  return { verified, from: "feed" };
}
