// The one script a page includes. It starts the page's single snapshot request at once and loads
// each element's code only when that element is on the page (now or later). It also carries Lit,
// the verifier and the shared base, which every element needs, so one widget costs two files.
import { feedOf, pinsOf } from "./feed-origin.js";
import { getSnapshot } from "./snapshot-client.js";

const ELEMENTS: Record<string, () => Promise<unknown>> = {
  "exo-ticker": () => import("./exo-ticker.js"),
  "exo-forward-chart": () => import("./exo-forward-chart.js"),
  "exo-cost-calculator": () => import("./exo-cost-calculator.js"),
  "exo-history-chart": () => import("./exo-history-chart.js"),
  "exo-index": () => import("./exo-index.js"),
};

/** Loads the code of every not-yet-loaded element found in `root` (or that `root` is). */
function scan(root: Element | Document): void {
  for (const tag in ELEMENTS) {
    const el = root instanceof Element && root.localName === tag ? root : root.querySelector(tag);
    if (!el) continue;
    void getSnapshot(feedOf(el), pinsOf(el));
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
export { ExoElement } from "./exo-element.js";
export { define } from "./define.js";
export { getSnapshot } from "./snapshot-client.js";
export { feedJson, listOf } from "./feed-json.js";
export { cost, dayMs, isoDay, pct, usd } from "./format.js";
export type { SnapshotState } from "./snapshot-client.js";
