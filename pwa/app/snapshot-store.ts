import type { SnapshotView } from "../worker/worker-api";
import { mathLane } from "./worker-client";

/** The snapshot the app shows; pages listen for "change". */
class SnapshotStore extends EventTarget {
  view: SnapshotView = { info: null, payload: null, notice: null };
  /** True until the stored snapshot has been read. */
  loading = true;
  refreshing = false;

  set(v: SnapshotView): void {
    this.view = v;
    this.loading = false;
    this.dispatchEvent(new Event("change"));
  }
}

export const snapshotStore = new SnapshotStore();

const REFRESH_MS = 5 * 60_000;

/** Re-checks the feed now (the worker keeps the stored snapshot if that fails). */
export async function refreshSnapshot(): Promise<void> {
  if (snapshotStore.refreshing) return;
  snapshotStore.refreshing = true;
  snapshotStore.dispatchEvent(new Event("change"));
  try {
    snapshotStore.set(await mathLane().call((api) => api.refresh(Date.now())));
  } catch {
    // the worker was restarted meanwhile; the next refresh will do
  } finally {
    snapshotStore.refreshing = false;
    snapshotStore.dispatchEvent(new Event("change"));
  }
}

/** Shows the stored snapshot at once, then refreshes from the feed, and again every 5 minutes and when back online. */
export async function bootSnapshot(): Promise<void> {
  const stored = await mathLane().call((api) => api.start(Date.now()));
  snapshotStore.set(stored);
  await refreshSnapshot();
  setInterval(() => void refreshSnapshot(), REFRESH_MS);
  addEventListener("online", () => void refreshSnapshot());
}
