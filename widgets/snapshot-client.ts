import { isOracleError, OracleError } from "../oracle-core";
import { setEd25519Fallback, verifySnapshot, type WidgetRow } from "../oracle-core/snapshot";
import type { SnapshotPayload } from "../oracle-core/schemas";
import { readStored, writeStored } from "./rollback-store";
import { trustedKeys } from "./trusted-keys";

/** What the light widgets read: the widget view's rows, or the full snapshot's (a superset). */
export type WidgetData = Pick<SnapshotPayload, "version" | "mode" | "data_as_of" | "valuation_date"> & {
  models: WidgetRow[];
};

/** What a widget shows: verified data, or why there is none. */
export type DataState<P> =
  | { kind: "verified"; payload: P; version: number; stale: boolean; issued_at: string }
  | { kind: "unverified"; code: string; message: string }
  | { kind: "unavailable"; message: string };
export type SnapshotState = DataState<SnapshotPayload>;

// Only where WebCrypto lacks Ed25519 does the page fetch the audited pure-JS verifier.
setEd25519Fallback(async (k, s, m) => (await import("../oracle-core/snapshot/ed25519-fallback")).nobleVerify(k, s, m));

/** The feed could not be reached or answered with an HTTP error: nothing to verify. */
export class Unavailable extends Error {
  constructor(
    message: string,
    readonly status = 0,
  ) {
    super(message);
  }
}

async function getJson(url: string): Promise<unknown> {
  const res = await fetch(url, { credentials: "omit" }).catch(() => undefined);
  if (!res?.ok)
    throw new Unavailable(res ? `the feed answered HTTP ${res.status}` : "the feed is unreachable", res?.status);
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

/** One promise per feed and name for the whole page (any widget, or a second copy of the script). */
export function once<T>(name: string, feed: string, make: () => Promise<T>): Promise<T> {
  const shared = ((globalThis as Record<string, unknown>)[name] ??= {}) as Record<string, Promise<T>>;
  return (shared[feed] ??= make());
}

/**
 * The page's one GET of `path` from `feed` (JSON), shared: the loader starts it, the element's code reads it.
 * Rejects with an HTTP status on `status` (0 when unreachable).
 */
export function feedGet(feed: string, path: string): Promise<unknown> {
  return once("__exostreamGet", feed + path, () => getJson(feed + path));
}

/** A widget's data state from `work`: what it throws becomes unavailable (no answer) or unverified (its code). */
export async function settle<P>(work: () => Promise<DataState<P>>): Promise<DataState<P>> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof Unavailable) return { kind: "unavailable", message: e.message };
    return { kind: "unverified", code: isOracleError(e) ? e.code : "E_MALFORMED", message: String(e) };
  }
}

/** Verifies the envelope with the feed's keys and the stored floor of `kind` (snapshot or view); raises the floor. */
export async function accept<P>(
  feed: string,
  pins: string[],
  kind: "snapshot" | "view",
  envelope: Promise<unknown>,
  verify: typeof verifySnapshot<P>,
  parsePayload?: (p: Record<string, unknown>) => P,
): Promise<DataState<P>> {
  // Both requests in flight at once.
  const [env, keysDoc] = await Promise.all([envelope, feedGet(feed, KEYS)]);
  const v = await verify(env, {
    keys: await trustedKeys(keysDoc, pins),
    now: Date.now(),
    stored: readStored(feed, kind),
    parsePayload,
  });
  writeStored(feed, v, kind);
  return { kind: "verified", payload: v.payload, version: v.version, stale: v.stale, issued_at: v.issued_at };
}

/** Path of the keys document every snapshot and view verifies against. */
export const KEYS = "/.well-known/exostream-keys.json";

/**
 * The page's one verified snapshot from `feed`: the first call fetches and verifies, every later call
 * (from any widget, or from a second copy of the script) gets the same promise.
 * @example const s = await getSnapshot("https://feed.example", []); if (s.kind === "verified") …
 */
export function getSnapshot(feed: string, pins: string[]): Promise<SnapshotState> {
  return once("__exostreamSnapshot", feed, () =>
    settle(() => accept(feed, pins, "snapshot", feedGet(feed, "/v1/snapshot"), verifySnapshot, checkPayload)),
  );
}
