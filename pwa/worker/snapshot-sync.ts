import { isOracleError } from "../../oracle-core";
import { SnapshotPayloadSchema, type SnapshotPayload } from "../../oracle-core/schemas";
import {
  parseCanonicalJson,
  parseEnvelope,
  parseSnapshotHeader,
  payloadBytes,
  readKeyset,
  setEd25519Fallback,
  verifyKeysetChain,
  verifySnapshot,
  type StoredSnapshot,
  type TrustedKey,
  type VerifiedKeyset,
} from "../../oracle-core/snapshot";
import { failOf, WorkerError } from "./attempt";
import { deleteRecord, readRecord, writeRecords } from "./snapshot-db";
import type { Fail, SnapshotInfo, SnapshotView } from "./worker-api";

// Only where WebCrypto lacks Ed25519 is the audited pure-JS verifier fetched.
setEd25519Fallback(async (k, s, m) =>
  (await import("../../oracle-core/snapshot/ed25519-fallback")).nobleVerify(k, s, m),
);

let current: { info: SnapshotInfo; payload: SnapshotPayload } | null = null;
let notice: Fail | null = null;
// Why a stored snapshot was dropped this session; kept beside a later refresh failure so neither hides the other.
let dropped: Fail | null = null;

const parsePayload = (json: Record<string, unknown>): SnapshotPayload => SnapshotPayloadSchema.parse(json);

/** The snapshot in use, for the compute calls (E_NO_SNAPSHOT before one was verified). */
export function currentPayload(): SnapshotPayload {
  if (!current) throw new WorkerError("E_NO_SNAPSHOT", "no verified snapshot yet: connect once to download one");
  return current.payload;
}

function view(): SnapshotView {
  const n =
    dropped && notice && notice !== dropped
      ? { code: dropped.code, message: `${dropped.message} ${notice.message}` }
      : (notice ?? dropped);
  return { info: current?.info ?? null, payload: current?.payload ?? null, notice: n };
}

async function verifyEnvelope(
  envelope: unknown,
  ks: VerifiedKeyset,
  floor: StoredSnapshot | undefined,
  source: "network" | "stored",
  trust: { root: TrustedKey[]; firstUse: boolean },
  verifiedAt: number,
  now: number,
): Promise<{ info: SnapshotInfo; payload: SnapshotPayload }> {
  const opts = { keys: ks.keys, stored: floor, parsePayload };
  let state: SnapshotInfo["state"];
  let v;
  try {
    v = await verifySnapshot(envelope, { ...opts, now });
    state = v.stale ? "stale" : "verified";
  } catch (e) {
    // Offline use of an expired snapshot is the point of storing it: check everything else as of its expiry
    // and label it expired. A snapshot from the network must be current.
    if (!(source === "stored" && isOracleError(e) && e.code === "E_EXPIRED")) throw e;
    const h = parseSnapshotHeader(parseCanonicalJson(payloadBytes(parseEnvelope(envelope))));
    v = await verifySnapshot(envelope, { ...opts, now: h.expiresMs });
    state = "expired";
  }
  const p = v.payload;
  return {
    payload: p,
    info: {
      state,
      source,
      version: v.version,
      sha256: v.sha256,
      keyid: v.keyid,
      keyset_version: ks.keyset_version,
      trust: trust.firstUse ? "first-use" : "pinned",
      root_keyids: trust.root.map((k) => k.keyid),
      issued_at: v.issued_at,
      expires_at: v.expires_at,
      heartbeat_s: p.heartbeat_s,
      verified_at: verifiedAt,
    },
  };
}

/**
 * Loads and re-verifies the stored snapshot at `now` (the page's clock: one clock for the app, and tests can move
 * it); a stored one that fails is dropped (the rollback floor stays).
 */
export async function startSnapshot(now: number): Promise<SnapshotView> {
  const [snap, floor, trust] = await Promise.all([readRecord("snapshot"), readRecord("floor"), readRecord("trust")]);
  if (!snap || !trust) return view();
  try {
    const ks = await verifyKeysetChain(trust.keysets, trust.root);
    const trusted = { root: trust.root, firstUse: false };
    current = await verifyEnvelope(snap.envelope, ks, floor, "stored", trusted, snap.verified_at, now);
  } catch (e) {
    await deleteRecord("snapshot");
    const f = failOf(e);
    dropped = {
      code: f.code,
      message: `The stored snapshot failed its check and was dropped (${f.code}: ${f.message}).`,
    };
  }
  return view();
}

async function getJson(path: string): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(path, { cache: "no-store", credentials: "same-origin" });
  } catch {
    throw new WorkerError("E_OFFLINE", "the feed is unreachable (offline?)");
  }
  if (!res.ok) throw new WorkerError("E_HTTP", `the feed answered HTTP ${res.status} for ${path}`);
  try {
    return await res.json();
  } catch {
    throw new WorkerError("E_MALFORMED", `the feed did not send JSON for ${path}`);
  }
}

function explain(f: Fail, stored: StoredSnapshot | undefined): Fail {
  if (f.code === "E_ROLLBACK" && stored)
    return {
      ...f,
      message: `The feed sent an older snapshot than the v${stored.version} you have (${f.message}); keeping v${stored.version}.`,
    };
  if (f.code === "E_KEYSET_CHAIN")
    return {
      ...f,
      message: `The feed's keys do not chain to the keys this browser trusts (${f.message}); keeping the stored snapshot.`,
    };
  return f;
}

/**
 * Fetches /v1/snapshot and the keyset chain, verifies the chain from the pinned root (or, the first time,
 * from the first keyset: trust on first use) and the snapshot against the rollback floor, then stores both.
 * On any failure the snapshot in use is kept and `notice` says why.
 */
export async function refreshSnapshot(now: number): Promise<SnapshotView> {
  const floor = await readRecord("floor");
  try {
    const [envelope, keysets] = await Promise.all([
      getJson("/v1/snapshot"),
      getJson("/.well-known/exostream-keys.json"),
    ]);
    const trust = await readRecord("trust");
    const first = (keysets as { keysets?: unknown[] } | null)?.keysets?.[0];
    const root = trust?.root ?? (await readKeyset(parseEnvelope(first))).keys;
    const ks = await verifyKeysetChain(keysets, root);
    const next = await verifyEnvelope(envelope, ks, floor, "network", { root, firstUse: !trust }, now, now);
    await writeRecords({
      snapshot: { envelope, version: next.info.version, sha256: next.info.sha256, verified_at: now },
      floor: { version: next.info.version, sha256: next.info.sha256 },
      trust: { root, keysets, pinned_at: trust?.pinned_at ?? now },
    });
    current = next;
    notice = null;
    dropped = null;
  } catch (e) {
    notice = explain(failOf(e), floor);
  }
  return view();
}
