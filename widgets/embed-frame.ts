// Script of the /embed/<widget> pages. Builds the element named by <main data-widget> from the URL
// (query, then hash; only that widget's attributes and `theme`), and reports the page height to the
// parent — only to the exact origin given as ?parent=, never "*"; without it, it reports nothing.

const ATTRS: Record<string, string[]> = {
  ticker: ["model", "models", "mode"],
  "forward-chart": ["model"],
  "history-chart": ["model", "field"],
  "cost-calculator": ["model", "n-in", "n-out", "eta", "mode", "horizon"],
  index: [],
};

const root = document.getElementById("root")!;
const widget = root.dataset.widget ?? "";
const params = new URLSearchParams(location.search);
new URLSearchParams(location.hash.slice(1)).forEach((v, k) => params.set(k, v));

const attrs = ATTRS[widget];
if (attrs) {
  const el = document.createElement(`exo-${widget}`);
  for (const a of [...attrs, "theme"]) {
    const v = params.get(a);
    if (v !== null) el.setAttribute(a, v);
  }
  root.append(el);
}

/** The parent origin from ?parent= when it is exactly an http(s) origin, else undefined. */
function parentOrigin(p: string | null): string | undefined {
  try {
    const u = new URL(p ?? "");
    return /^https?:$/.test(u.protocol) && (p === u.origin || p === u.origin + "/") ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

const target = parentOrigin(params.get("parent"));
if (target && window.parent !== window) {
  let last = -1;
  new ResizeObserver(() => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: "exostream:height", widget, height }, target);
  }).observe(document.documentElement);
}
export {};
