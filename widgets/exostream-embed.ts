// Parent-page helper for Exostream iframe embeds (include it with <script type="module">):
// - <iframe data-exostream-src="https://<feed>/embed/ticker?model=…"> gets its src with ?parent= set to
//   this page's origin, so the embed knows the one origin it may post its height to;
// - a height message is applied only if it comes from the feed origin (the origin that served this
//   script, or <meta name="exostream-feed">) AND from the window of an iframe on this page.

const meta = document.querySelector('meta[name="exostream-feed"]')?.getAttribute("content");
const FEED = new URL(meta || import.meta.url, location.href).origin;

for (const f of document.querySelectorAll<HTMLIFrameElement>("iframe[data-exostream-src]")) {
  const u = new URL(f.dataset.exostreamSrc!, location.href);
  u.searchParams.set("parent", location.origin);
  f.src = u.href;
}

addEventListener("message", (e: MessageEvent) => {
  const d = e.data as { type?: unknown; height?: unknown } | null;
  if (
    e.origin !== FEED ||
    d?.type !== "exostream:height" ||
    typeof d.height !== "number" ||
    !(d.height >= 0 && d.height <= 10_000)
  )
    return;
  for (const f of document.querySelectorAll("iframe")) {
    // CSSOM, not a style attribute: allowed under a strict CSP.
    if (f.contentWindow === e.source) f.style.height = `${Math.ceil(d.height)}px`;
  }
});
