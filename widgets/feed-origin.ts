// Where the widgets read the feed: the origin that served this script, unless the page says otherwise.
import { configuration } from "./configure";

/** Origin of the loader script (the bundle is served by the feed, so this is the feed by default). */
export const SCRIPT_ORIGIN = new URL(import.meta.url).origin;

/**
 * The feed origin for an element: its `feed` attribute, else `configure({ feed })`, else
 * `<meta name="exostream-feed">`, else the origin that served the widget script.
 */
export function feedOf(el: Element): string {
  const v =
    el.getAttribute("feed") ??
    configuration().feed ??
    document.querySelector('meta[name="exostream-feed"]')?.getAttribute("content");
  try {
    return v ? new URL(v, location.href).origin : SCRIPT_ORIGIN;
  } catch {
    return SCRIPT_ORIGIN;
  }
}

const split = (s: string | null | undefined) => (s ?? "").split(/[\s,]+/).filter(Boolean);

/**
 * Keys to pin for an element: its `pins` attribute (space- or comma-separated), else `configure({ pins })`, else the
 * page's `<meta name="exostream-pin" content="<base64 raw Ed25519 key>">` (one or more).
 */
export function pinsOf(el?: Element): string[] {
  const own = split(el?.getAttribute("pins"));
  if (own.length) return own;
  const configured = configuration().pins;
  if (configured?.length) return [...configured];
  return [...document.querySelectorAll('meta[name="exostream-pin"]')].flatMap((m) => split(m.getAttribute("content")));
}
