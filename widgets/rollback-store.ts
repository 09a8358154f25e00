import type { StoredSnapshot } from "../oracle-core/snapshot";

// {version, sha256} of the last accepted snapshot per feed, for the verifier's rollback/replay check; the widget view
// (same versions, other bytes) keeps its own floor under "view".
// Storage can be absent or throw (sandboxed iframes, privacy modes): then nothing is stored.
const key = (feed: string, kind: string) => `exostream:${kind}:${feed}`;

/** What this browser last accepted from `feed` (its snapshot, or its widget view), if anything. */
export function readStored(feed: string, kind: "snapshot" | "view" = "snapshot"): StoredSnapshot | undefined {
  try {
    const v = JSON.parse(localStorage.getItem(key(feed, kind))!) as StoredSnapshot | null;
    return Number.isSafeInteger(v?.version) && typeof v!.sha256 == "string" ? v! : undefined;
  } catch {
    return undefined;
  }
}

/** Remembers an accepted snapshot (called only after verification passed). */
export function writeStored(feed: string, s: StoredSnapshot, kind: "snapshot" | "view" = "snapshot"): void {
  try {
    localStorage.setItem(key(feed, kind), JSON.stringify({ version: s.version, sha256: s.sha256 }));
  } catch {
    // no storage: the next load simply has no rollback floor
  }
}
