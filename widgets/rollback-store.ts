import type { StoredSnapshot } from "../oracle-core/snapshot";

// {version, sha256} of the last accepted snapshot per feed, for the verifier's rollback/replay check.
// Storage can be absent or throw (sandboxed iframes, privacy modes): then nothing is stored.
const key = (feed: string) => "exostream:snapshot:" + feed;

/** What this browser last accepted from `feed`, if anything. */
export function readStored(feed: string): StoredSnapshot | undefined {
  try {
    const v = JSON.parse(localStorage.getItem(key(feed))!) as StoredSnapshot | null;
    return Number.isSafeInteger(v?.version) && typeof v!.sha256 == "string" ? v! : undefined;
  } catch {
    return undefined;
  }
}

/** Remembers an accepted snapshot (called only after verification passed). */
export function writeStored(feed: string, s: StoredSnapshot): void {
  try {
    localStorage.setItem(key(feed), JSON.stringify({ version: s.version, sha256: s.sha256 }));
  } catch {
    // no storage: the next load simply has no rollback floor
  }
}
