// Where the widgets read the feed: the origin that served this script, unless the page says otherwise.

/** Origin of the loader script (the bundle is served by the feed, so this is the feed by default). */
export const SCRIPT_ORIGIN = new URL(import.meta.url).origin;

/**
 * The feed origin for an element: its `feed` attribute, else `<meta name="exostream-feed">`, else the
 * origin that served the widget script.
 */
export function feedOf(el: Element): string {
  const v = el.getAttribute("feed") ?? document.querySelector('meta[name="exostream-feed"]')?.getAttribute("content");
  try {
    return v ? new URL(v, location.href).origin : SCRIPT_ORIGIN;
  } catch {
    return SCRIPT_ORIGIN;
  }
}

/** Keys the page pins (`<meta name="exostream-pin" content="<base64 raw Ed25519 key>">`, one or more). */
export function pinsOf(): string[] {
  return [...document.querySelectorAll('meta[name="exostream-pin"]')].flatMap((m) => (m.getAttribute("content") ?? "").split(/[\s,]+/).filter(Boolean));
}
