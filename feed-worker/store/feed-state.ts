import type { GreekRow } from "../../oracle-core/schemas";
import type { SnapshotPayload } from "../../oracle-core/schemas";
import { decodeBase64 } from "../../oracle-core/snapshot";
import type { Env } from "../env";
import { KV } from "./kv-keys";

/** The published snapshot as the API reads it, decoded once per version per isolate. */
export interface FeedState {
  envelopeText: string;
  payload: SnapshotPayload;
  byTicker: Map<string, GreekRow>;
  /**
   * Response bodies derived from this version, built and UTF-8 encoded on first use (GET endpoints are then a map
   * lookup).
   */
  bodies: Map<string, Uint8Array<ArrayBuffer>>;
}

const REVALIDATE_MS = 2_000;
let cached: { state: FeedState; checkedAt: number } | null = null;

/** Latest published snapshot, or null before the first publish. Re-reads KV at most every 2 s. */
export async function getFeedState(env: Env, nowMs: number): Promise<FeedState | null> {
  if (cached && nowMs - cached.checkedAt < REVALIDATE_MS) return cached.state;
  const text = await env.FEED_KV.get(KV.latestSnapshot);
  if (text === null) return null;
  if (cached && cached.state.envelopeText === text) {
    cached.checkedAt = nowMs;
    return cached.state;
  }
  const state = decodeState(text);
  cached = { state, checkedAt: nowMs };
  return state;
}

/** Forget the isolate cache (after a publish in the same isolate, and in tests). */
export function resetFeedState(): void {
  cached = null;
}

export function decodeState(envelopeText: string): FeedState {
  const env = JSON.parse(envelopeText) as { payload: string };
  // The payload was validated before it was signed and stored; it is trusted here.
  const payload = JSON.parse(new TextDecoder().decode(decodeBase64(env.payload))) as SnapshotPayload;
  return { envelopeText, payload, byTicker: new Map(payload.models.map((m) => [m.ticker, m])), bodies: new Map() };
}

const encoder = new TextEncoder();

/** Memoised, encoded JSON body for a route of this version. */
export function body(state: FeedState, key: string, build: () => unknown): Uint8Array<ArrayBuffer> {
  return rawBody(state, key, () => JSON.stringify(build()));
}

/** Memoised, encoded body of a text this version fixes (the envelope itself, a CSV…). */
export function rawBody(state: FeedState, key: string, text: () => string): Uint8Array<ArrayBuffer> {
  let b = state.bodies.get(key);
  if (b === undefined) {
    b = encoder.encode(text()) as Uint8Array<ArrayBuffer>;
    state.bodies.set(key, b);
  }
  return b;
}
