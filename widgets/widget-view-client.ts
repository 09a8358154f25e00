import { verifyWidgetView } from "../oracle-core/snapshot";
import { accept, feedGet, getSnapshot, once, settle, Unavailable } from "./snapshot-client";
import type { DataState, WidgetData } from "./snapshot-client";

/**
 * The page's one verified widget view from `feed` (GET /v1/widget-view: what <exo-ticker> reads, a fraction of the
 * snapshot's bytes), verified exactly as a snapshot is, with the same error codes. A feed from before the view
 * (404), or one that has not cut one yet (503), gets the snapshot read instead. Lives in the ticker's chunk, not the
 * loader: a page without a ticker downloads none of it.
 * @example const s = await getWidgetView("https://feed.example", []); if (s.kind === "verified") s.payload.models
 */
export function getWidgetView(feed: string, pins: string[]): Promise<DataState<WidgetData>> {
  return once("__exostreamView", feed, () =>
    settle<WidgetData>(async () => {
      const env = feedGet(feed, "/v1/widget-view");
      try {
        return await accept(feed, pins, "view", env, verifyWidgetView);
      } catch (e) {
        // Only the view's own request failing so: a bad keys document or signature is no reason to fall back.
        const gone = e instanceof Unavailable && (e.status == 404 || e.status == 503);
        if (gone && e === (await env.catch((x: unknown) => x))) return getSnapshot(feed, pins);
        throw e;
      }
    }),
  );
}
