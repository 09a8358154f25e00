import { isOracleError, OracleError } from "../oracle-core";
import { setEd25519Fallback, verifySnapshot } from "../oracle-core/snapshot";
import type { SnapshotPayload } from "../oracle-core/schemas";
import { readStored, writeStored } from "./rollback-store";
import { trustedKeys } from "./trusted-keys";

/** What a widget shows: verified data, or why there is none. */
export type SnapshotState =
  | { kind: "verified"; payload: SnapshotPayload; version: number; stale: boolean; issued_at: string }
  | { kind: "unverified"; code: string; message: string }
  | { kind: "unavailable"; message: string };

// Only where WebCrypto lacks Ed25519 does the page fetch the audited pure-JS verifier.
setEd25519Fallback(async (k, s, m) => (await import("../oracle-core/snapshot/ed25519-fallback")).nobleVerify(k, s, m));

/** The feed could not be reached or answered with an HTTP error: nothing to verify. */
class Unavailable extends Error {}

async function getJson(url: string): Promise<unknown> {
  const res = await fetch(url, { credentials: "omit" }).catch(() => undefined);
  if (!res?.ok) throw new Unavailable(res ? `the feed answered HTTP ${res.status}` : "the feed is unreachable");
  return res.json().catch(() => {
    throw new OracleError("E_MALFORMED", "the feed did not send JSON");
  });
}

// The widgets read a few fields; the feed schema-checks the full payload before it signs. This guard
// only keeps a signed-but-odd payload from crashing a render.
function checkPayload(p: Record<string, unknown>): SnapshotPayload {
  const m = p.models;
  if (!Array.isArray(m) || !m.every((r) => typeof r?.ticker == "string" && Number.isFinite(r.beta)))
    throw Error("bad models[]");
  return p as unknown as SnapshotPayload;
}

async function load(feed: string, pins: string[]): Promise<SnapshotState> {
  try {
    const [env, keysDoc] = await Promise.all([
      getJson(feed + "/v1/snapshot"),
      getJson(feed + "/.well-known/exostream-keys.json"),
    ]);
    const v = await verifySnapshot(env, {
      keys: await trustedKeys(keysDoc, pins),
      now: Date.now(),
      stored: readStored(feed),
      parsePayload: checkPayload,
    });
    writeStored(feed, v);
    return { kind: "verified", payload: v.payload, version: v.version, stale: v.stale, issued_at: v.issued_at };
  } catch (e) {
    if (e instanceof Unavailable) return { kind: "unavailable", message: e.message };
    return { kind: "unverified", code: isOracleError(e) ? e.code : "E_MALFORMED", message: String(e) };
  }
}

/**
 * The page's one verified snapshot from `feed`: the first call fetches and verifies, every later call
 * (from any widget, or from a second copy of the script) gets the same promise.
 * @example const s = await getSnapshot("https://feed.example", []); if (s.kind === "verified") …
 */
export function getSnapshot(feed: string, pins: string[]): Promise<SnapshotState> {
  const shared = ((
    globalThis as { __exostreamSnapshot?: Record<string, Promise<SnapshotState>> }
  ).__exostreamSnapshot ??= {});
  return (shared[feed] ??= load(feed, pins));
}
