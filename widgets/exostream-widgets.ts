// The one script a page includes. It starts the page's data request at once (the widget view for <exo-ticker>, the
// snapshot for the others: one each per page however many widgets) and loads
// each element's code only when that element is on the page (now or later). It also carries Lit,
// the verifier and the shared base, which every element needs, so one widget costs two files.
import { feedOf, pinsOf } from "./feed-origin";
import { feedGet, getSnapshot, KEYS } from "./snapshot-client";

const ELEMENTS: Record<string, () => Promise<unknown>> = {
  "exo-ticker": () => import("./exo-ticker"),
  "exo-forward-chart": () => import("./exo-forward-chart"),
  "exo-cost-calculator": () => import("./exo-cost-calculator"),
  "exo-history-chart": () => import("./exo-history-chart"),
  "exo-index": () => import("./exo-index"),
};

/** Loads the code of every not-yet-loaded element found in `root` (or that `root` is). */
function scan(root: Element | Document): void {
  for (const tag in ELEMENTS) {
    const el = root instanceof Element && root.localName === tag ? root : root.querySelector(tag);
    if (!el) continue;
    const feed = feedOf(el);
    // The ticker verifies the widget view in its own chunk: start its two requests now, as getSnapshot does.
    if (tag == "exo-ticker") for (const p of ["/v1/widget-view", KEYS]) feedGet(feed, p).catch(() => {});
    else void getSnapshot(feed, pinsOf(el));
    ELEMENTS[tag]!().catch((e: unknown) => console.warn("exostream:", e));
    delete ELEMENTS[tag];
  }
}
scan(document);
// Elements added later (single-page apps) load too. Only added subtrees are searched, and the
// observer stops once every element's code is loaded.
const mo = new MutationObserver((records) => {
  for (const r of records) for (const n of r.addedNodes) if (n instanceof Element) scan(n);
  if (Object.keys(ELEMENTS).length === 0) mo.disconnect();
});
mo.observe(document, { childList: true, subtree: true });

// Exported so element chunks share this file's copy of Lit, the base class and the small helpers
// instead of downloading a third file.
export { ExoElement } from "./exo-element";
export { define } from "./define";
export { getSnapshot } from "./snapshot-client";
export { feedJson, listOf } from "./feed-json";
export { cost, dayMs, isoDay, pct, usd } from "./format";
export type { DataState, SnapshotState, WidgetData } from "./snapshot-client";
