import { isOracleError, OracleError } from "../errors";
import { PAYLOAD_TYPE, parseEnvelope } from "./dsse";
import { parseCanonicalJson, payloadBytes, verifyEnvelopeSignatures } from "./dsse-verify";
import type { CryptoDeps } from "./ed25519";
import type { TrustedKey } from "./keys";
import { sha256Hex } from "./sha256";
import { instantMs, parseSnapshotHeader, type SnapshotHeader } from "./snapshot-header";

/** Default allowance for clock skew between feed and client: 5 minutes. */
export const DEFAULT_SKEW_MS = 5 * 60_000;

/** What the client stored from the last snapshot it accepted. */
export interface StoredSnapshot {
  version: number;
  sha256: string;
}

/** Options of verifySnapshot. */
export interface VerifyOptions<T> extends CryptoDeps {
  /** Pinned keys and/or the keys of a chain-verified keyset. */
  keys: ReadonlyArray<TrustedKey>;
  /** The client's clock, read once by the caller. */
  now: Date | number;
  stored?: StoredSnapshot | undefined;
  skewMs?: number | undefined;
  /** Full payload schema (zod parse); throwing rejects the snapshot. */
  parsePayload?: ((json: Record<string, unknown>) => T) | undefined;
  /** The payloadType to require (default PAYLOAD_TYPE; the widget view has its own). */
  payloadType?: string | undefined;
}

/** A verified snapshot: the payload plus what the client stores and shows. */
export interface VerifiedSnapshot<T> {
  payload: T;
  version: number;
  /** hex SHA-256 of the payload bytes: store it with `version`. */
  sha256: string;
  /** The trusted key whose signature verified first. */
  keyid: string;
  issued_at: string;
  expires_at: string;
  /** now > issued_at + 2 × heartbeat_s: show "stale". */
  stale: boolean;
}

function nowMsOf(now: Date | number): number {
  const ms = typeof now === "number" ? now : now.getTime();
  if (!Number.isFinite(ms)) throw new OracleError("E_BAD_DATE", "now must be a valid time", "now");
  return ms;
}

// A key with a validity window counts only inside it (with skew); outside, it is as good as unknown.
function keysValidAt(keys: ReadonlyArray<TrustedKey>, nowMs: number, skewMs: number): TrustedKey[] {
  return keys.filter((k) => {
    const nb = k.not_before === undefined ? undefined : instantMs(k.not_before);
    const na = k.not_after === undefined ? undefined : instantMs(k.not_after);
    if (nb !== undefined && nowMs < nb - skewMs) return false;
    if (na !== undefined && nowMs > na + skewMs) return false;
    return true;
  });
}

/**
 * The SPEC §5 client algorithm. Order: envelope shape (E_MALFORMED) → payloadType (E_PAYLOAD_TYPE) →
 * signatures (E_UNKNOWN_KEY / E_SIG_INVALID) → canonical UTF-8 JSON (E_MALFORMED) → expiry (E_EXPIRED) →
 * issued in the future (E_NOT_YET_VALID) → rollback (E_ROLLBACK) / replay (E_REPLAY) → parsePayload.
 * Edges are inclusive: now = expires_at + skew and now = issued_at − skew are accepted.
 * @example const v = await verifySnapshot(await res.json(), { keys, now: Date.now(), stored })
 */
export async function verifySnapshot<T = SnapshotHeader>(
  envelope: unknown,
  opts: VerifyOptions<T>,
): Promise<VerifiedSnapshot<T>> {
  const nowMs = nowMsOf(opts.now);
  const skewMs = opts.skewMs ?? DEFAULT_SKEW_MS;
  const env = parseEnvelope(envelope);
  const payloadType = opts.payloadType ?? PAYLOAD_TYPE;
  if (env.payloadType !== payloadType) {
    throw new OracleError("E_PAYLOAD_TYPE", `payloadType must be "${payloadType}"`, "payloadType");
  }
  const bytes = payloadBytes(env);
  const [keyid] = await verifyEnvelopeSignatures(env, bytes, keysValidAt(opts.keys, nowMs, skewMs), opts);
  const json = parseCanonicalJson(bytes);
  const h = parseSnapshotHeader(json);
  if (nowMs > h.expiresMs + skewMs)
    throw new OracleError("E_EXPIRED", `snapshot expired at ${h.expires_at}`, "expires_at");
  if (h.issuedMs > nowMs + skewMs)
    throw new OracleError(
      "E_NOT_YET_VALID",
      `snapshot issued in the future (${h.issued_at}); check the clock`,
      "issued_at",
    );
  const sha256 = await sha256Hex(bytes);
  if (opts.stored) {
    if (h.version < opts.stored.version) {
      throw new OracleError(
        "E_ROLLBACK",
        `snapshot version ${h.version} is older than the stored ${opts.stored.version}`,
        "version",
      );
    }
    if (h.version === opts.stored.version && sha256 !== opts.stored.sha256) {
      throw new OracleError("E_REPLAY", `a different snapshot with the stored version ${h.version}`, "version");
    }
  }
  let payload: T;
  if (opts.parsePayload) {
    try {
      payload = opts.parsePayload(json);
    } catch (e) {
      if (isOracleError(e)) throw e;
      // Keep the message short: a validator dump is no use to a reader of a widget's error state.
      const why = (e instanceof Error ? e.message : String(e)).slice(0, 300);
      throw new OracleError("E_MALFORMED", `snapshot payload does not match its schema: ${why}`);
    }
  } else {
    payload = json as T;
  }
  return {
    payload,
    version: h.version,
    sha256,
    keyid: keyid!,
    issued_at: h.issued_at,
    expires_at: h.expires_at,
    stale: nowMs > h.issuedMs + 2 * h.heartbeat_s * 1000,
  };
}
